/** A fingerprint's 12 groups in three lines of four, the way it is read out group by group. */
export function inLines(fingerprint: string | null): string {
  const groups = (fingerprint ?? '').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines.join('\n');
}
