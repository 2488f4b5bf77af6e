/** A small seeded generator (mulberry32) so generated test and benchmark data are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'tu', 'vo', 'zi', 'be', 'da', 'fo', 'gu', 'ha', 'je', 'pi', 'so'];

/** An invented name: syllables from a fixed list, never a real person's data. */
export function inventedName(random: () => number, syllables = 3): string {
  let out = '';
  for (let i = 0; i < syllables; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out.charAt(0).toUpperCase() + out.slice(1);
}
