export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** encrypted / plain, or measured / target, where it applies */
  ratio?: number;
}

export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function printResults(title: string, results: BenchResult[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const ratio = r.ratio === undefined ? '' : `   ${r.ratio.toFixed(2)}x`;
    console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(1).padStart(9)} ${r.unit}${ratio}`);
  }
}
