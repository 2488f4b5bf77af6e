/**
 * The recovery key as people handle it: short groups to write down and type back.
 * The main process decides the key; dashes and spaces carry no meaning (recoveryKeyInputSchema).
 */

const GROUP_SIZE = 4;

export function normaliseKeyText(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The groups to show. A key that arrives already grouped ("ABCD-EFGH-…") keeps its groups, so
 * the screen matches what the CLI prints; an ungrouped key is cut into groups of four.
 */
export function recoveryKeyGroups(key: string): string[] {
  const trimmed = key.trim().toUpperCase();
  if (/[\s-]/.test(trimmed)) return trimmed.split(/[\s-]+/).filter((group) => group !== '');
  const groups: string[] = [];
  for (let i = 0; i < trimmed.length; i += GROUP_SIZE) groups.push(trimmed.slice(i, i + GROUP_SIZE));
  return groups;
}

/** Two different group indexes (0-based, ascending), chosen with the platform's secure random source. */
export function pickGroupsToConfirm(groupCount: number, random: (max: number) => number = secureRandomBelow): [number, number] {
  if (groupCount < 2) throw new Error('A recovery key needs at least two groups');
  const first = random(groupCount);
  let second = random(groupCount - 1);
  if (second >= first) second += 1;
  return first < second ? [first, second] : [second, first];
}

function secureRandomBelow(max: number): number {
  // Rejection sampling: no bias towards small numbers.
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
}

/** Whether what the person typed is the group (case, spaces and dashes ignored). */
export function groupMatches(typed: string, group: string): boolean {
  return normaliseKeyText(typed) === normaliseKeyText(group);
}
