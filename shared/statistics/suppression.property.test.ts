/**
 * The attacker's side of small-cell suppression (docs/statistics.md "No re-identification"): from
 * the published tables alone (numbers, the hidden marks and what they say, row, column and grand
 * totals, margins shared between tables) it tries to recover each hidden cell. Written apart from the
 * module's own check, as a reader of the published report would: first every line with a single
 * unknown is solved, repeatedly; then the interval bound of every cell is narrowed with the line
 * equations to a fixed point, knowing that "<5" is 1 to 4 and "x" is 0 or at least 5. An interval of
 * width 0 around a count of at least one person is a recovered cell; the test fails if any generated
 * data set has one. (A hidden zero worked out discloses nobody: zeros are published anyway.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTables, type CountTable, type PublishedCount, type PublishedTable } from './suppression';

interface Line {
  members: string[];
  total: string;
}

/** The attacker's model: named unknowns with bounds, and the lines a reader sees. */
function readReport(tables: readonly PublishedTable[], src: readonly CountTable[], threshold: number) {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const known = new Map<string, number>();
  const lines: Line[] = [];
  const secondary = new Map<string, boolean>();
  const note = (name: string, p: PublishedCount) => {
    if ('value' in p) {
      const before = known.get(name);
      if (before !== undefined && before !== p.value) throw new Error(`shared margin ${name} published twice with two values`);
      known.set(name, p.value);
      lo.set(name, p.value);
      hi.set(name, p.value);
      return;
    }
    if (known.has(name)) throw new Error(`shared margin ${name} hidden in one table and published in another`);
    secondary.set(name, p.hidden === 'secondary');
    lo.set(name, Math.max(lo.get(name) ?? 0, p.hidden === 'small' ? 1 : 0));
    hi.set(name, Math.min(hi.get(name) ?? Infinity, p.hidden === 'small' ? threshold - 1 : Infinity));
  };
  tables.forEach((t, k) => {
    const s = src[k] as CountTable;
    const col = (c: number) => (s.sharedColumnTotals ? `${s.sharedColumnTotals}/${t.columns[c]}` : `${t.id}/col/${c}`);
    const grand = s.sharedGrandTotal ?? `${t.id}/total`;
    t.cells.forEach((row, r) => row.forEach((p, c) => note(`${t.id}/${r}/${c}`, p)));
    t.rowTotals.forEach((p, r) => note(`${t.id}/row/${r}`, p));
    t.columnTotals.forEach((p, c) => note(col(c), p));
    note(grand, t.total);
    t.rows.forEach((_, r) => lines.push({ members: t.columns.map((_c, c) => `${t.id}/${r}/${c}`), total: `${t.id}/row/${r}` }));
    t.columns.forEach((_c, c) => lines.push({ members: t.rows.map((_r, r) => `${t.id}/${r}/${c}`), total: col(c) }));
    lines.push({ members: t.rows.map((_r, r) => `${t.id}/row/${r}`), total: grand });
    lines.push({ members: t.columns.map((_c, c) => col(c)), total: grand });
  });
  return { lo, hi, known, lines, secondary };
}

function attack(tables: readonly PublishedTable[], src: readonly CountTable[], threshold: number): string[] {
  const { lo, hi, known, lines, secondary } = readReport(tables, src, threshold);
  const hiddenNames = [...lo.keys()].filter((n) => !known.has(n));
  // 1. Lines with one unknown.
  for (let again = true; again; ) {
    again = false;
    for (const line of lines) {
      const all = [...line.members, line.total];
      const unknown = all.filter((n) => !known.has(n));
      if (unknown.length !== 1) continue;
      const u = unknown[0] as string;
      const sum = line.members.filter((n) => n !== u).reduce((s, n) => s + (known.get(n) as number), 0);
      const value = u === line.total ? sum : (known.get(line.total) as number) - sum;
      known.set(u, value);
      lo.set(u, value);
      hi.set(u, value);
      again = true;
    }
  }
  // 2. Interval bounds by the line equations.
  for (let again = true, rounds = 0; again && rounds < 5000; rounds++) {
    again = false;
    const tighten = (n: string, l: number, h: number) => {
      // "x" is 0 or at least the threshold, never a small count.
      if (secondary.get(n) && l > 0 && l < threshold) l = threshold;
      if (secondary.get(n) && h > 0 && h < threshold) h = 0;
      if (l > (lo.get(n) as number)) {
        lo.set(n, l);
        again = true;
      }
      if (h < (hi.get(n) as number)) {
        hi.set(n, h);
        again = true;
      }
    };
    for (const line of lines) {
      const sLo = line.members.reduce((s, n) => s + (lo.get(n) as number), 0);
      const sHi = line.members.reduce((s, n) => s + (hi.get(n) as number), 0);
      tighten(line.total, sLo, sHi);
      for (const m of line.members) {
        const othersLo = sLo - (lo.get(m) as number);
        const othersHi = line.members.filter((n) => n !== m).reduce((s, n) => s + (hi.get(n) as number), 0);
        tighten(m, (lo.get(line.total) as number) - othersHi, (hi.get(line.total) as number) - othersLo);
      }
    }
  }
  return hiddenNames.filter((n) => known.has(n) || lo.get(n) === hi.get(n));
}

/** The true value of each attacked name (zeros are published by policy: working one out discloses nobody). */
function truth(src: readonly CountTable[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of src) {
    const col = (c: number) => (s.sharedColumnTotals ? `${s.sharedColumnTotals}/${s.columns[c]}` : `${s.id}/col/${c}`);
    s.cells.forEach((row, r) => row.forEach((v, c) => out.set(`${s.id}/${r}/${c}`, v)));
    s.cells.forEach((row, r) => out.set(`${s.id}/row/${r}`, row.reduce((a, b) => a + b, 0)));
    s.columns.forEach((_, c) => out.set(col(c), s.cells.reduce((a, row) => a + (row[c] as number), 0)));
    out.set(s.sharedGrandTotal ?? `${s.id}/total`, s.cells.flat().reduce((a, b) => a + b, 0));
  }
  return out;
}

/** Hidden cells of at least one person that the attacker recovered. */
function recovered(published: readonly PublishedTable[], src: readonly CountTable[], threshold: number): string[] {
  const values = truth(src);
  return attack(published, src, threshold).filter((n) => (values.get(n) ?? 0) > 0);
}

const smallish = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 7 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 400 }) },
);

const tableArb = (id: string, cols?: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), cols === undefined ? fc.integer({ min: 1, max: 4 }) : fc.constant(cols))
    .chain(([r, c]) => fc.array(fc.array(smallish, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .map((cells): CountTable => ({
      id,
      rows: cells.map((_, i) => `r${i}`),
      columns: (cells[0] ?? []).map((_, i) => `c${i}`),
      cells,
    }));

const thresholdArb = fc.constantFrom(5, 5, 6, 10);

function publishedNumbers(t: PublishedTable): number[] {
  const all = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total];
  return all.flatMap((p) => ('value' in p ? [p.value] : []));
}

describe('small-cell suppression against an attacker', () => {
  it('no hidden cell of one table can be recovered from the published table and its margins', () => {
    fc.assert(
      fc.property(tableArb('t'), thresholdArb, (table, threshold) => {
        const published = suppressTables([table], threshold);
        expect(recovered(published, [table], threshold)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('no hidden cell can be recovered when tables share their column totals and grand total', () => {
    // Two tables over the same population (e.g. by sex and by detection source, both by age group):
    // the same column totals, so one table's margin must not undo the other's suppression.
    const pair = fc.integer({ min: 1, max: 3 }).chain((cols) =>
      fc.tuple(tableArb('a', cols), fc.integer({ min: 1, max: 5 })).map(([a, rows]) => {
        // The second table splits each column total of the first into `rows` parts.
        const colSums = a.columns.map((_, c) => a.cells.reduce((s, r) => s + (r[c] as number), 0));
        const cells = Array.from({ length: rows }, (_, r) =>
          colSums.map((sum) => (r === rows - 1 ? sum - Math.floor(sum / rows) * (rows - 1) : Math.floor(sum / rows))),
        );
        const b: CountTable = { id: 'b', rows: cells.map((_, i) => `q${i}`), columns: a.columns, cells };
        return [
          { ...a, sharedColumnTotals: 'pop', sharedGrandTotal: 'pop/total' },
          { ...b, sharedColumnTotals: 'pop', sharedGrandTotal: 'pop/total' },
        ] as const;
      }),
    );
    fc.assert(
      fc.property(pair, thresholdArb, (tables, threshold) => {
        const published = suppressTables(tables, threshold);
        expect(recovered(published, tables, threshold)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('publishes no count from 1 to the threshold - 1, and every published count is the true one', () => {
    fc.assert(
      fc.property(tableArb('t'), thresholdArb, (table, threshold) => {
        const [p] = suppressTables([table], threshold) as [PublishedTable];
        expect(publishedNumbers(p).every((v) => v === 0 || v >= threshold)).toBe(true);
        p.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            const truth = table.cells[r]?.[c] as number;
            if ('value' in cell) expect(cell.value).toBe(truth);
            else if (cell.hidden === 'small') expect(truth > 0 && truth < threshold).toBe(true);
            else if (cell.hidden === 'secondary') expect(truth === 0 || truth >= threshold).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
