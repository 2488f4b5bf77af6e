/**
 * Small-cell suppression of published counts (docs/statistics.md "No re-identification").
 *
 * A statistical report is a set of counts tied by linear equations: every row of a table adds up to
 * its row total, every column to its column total, the totals to the grand total, and a margin shared
 * by several tables (the minors among the persons supported, say) is one and the same cell in all of
 * them. So the report is modelled as cells plus equations `sum(members) = total`, and suppression
 * works on that system, never on one table at a time.
 *
 * - Primary suppression: every count from 1 to the threshold - 1 is hidden ("<5"). A zero is
 *   published: it describes nobody.
 * - Secondary suppression: no equation may hold exactly one hidden cell (it would be its total minus
 *   the others); the smallest published member of such an equation is hidden too, positive values
 *   first (hiding a zero beside a small cell protects nothing when the line sums to the small cell),
 *   interior cells before totals (the totals are the figures readers need most), the total when no
 *   member is left. Then the bounds an attacker can compute from the published cells and marks
 *   (`intervalBounds`) are computed, and while any hidden cell is pinned to one value another cell of
 *   its equations is hidden. Every step hides one more cell, so it ends; with every cell hidden and
 *   the marks withheld nothing can be pinned (all bounds are [0, infinity)).
 *
 * Pure, no dependency: used by the statistics service before anything leaves it.
 */

export interface Equation {
  /** Indices of the cells that add up to `total`. */
  readonly members: readonly number[];
  /** Index of the total cell. */
  readonly total: number;
}

export interface LinearSystem {
  /** Non-negative integer counts. */
  readonly values: readonly number[];
  readonly equations: readonly Equation[];
}

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The default threshold: counts below it are never published. An administrator may raise it, never lower it. */
export const MIN_SUPPRESSION_THRESHOLD = 5;
export const MAX_SUPPRESSION_THRESHOLD = 50;

/**
 * How a cell is published: its number, or hidden. A hidden cell says what kind it is, and an attacker
 * knows it: 'small' (primary: 1 to threshold - 1, shown "<5"), 'secondary' (hidden to protect
 * another, shown "x": so not 1 to threshold - 1, but 0 or at least the threshold), or 'withheld'
 * (no hint at all; only when the marks themselves would give a cell away, see `suppressCells`).
 */
export type Mark = number | 'small' | 'secondary' | 'withheld';

/**
 * What an attacker learns from the published marks, by repeated use of each equation with the
 * knowledge that counts are non-negative integers and what the marks say: a lower and an upper bound
 * per cell. A hidden cell with lo === hi is recovered.
 */
export function intervalBounds(published: readonly Mark[], equations: readonly Equation[], threshold: number): Interval[] {
  const lo = published.map((v) => (typeof v === 'number' ? v : v === 'small' ? 1 : 0));
  const hi = published.map((v) => (typeof v === 'number' ? v : v === 'small' ? threshold - 1 : Number.POSITIVE_INFINITY));
  const known = published.map((v) => typeof v === 'number');
  // A secondary cell is 0 or at least the threshold: an interval inside the gap collapses to one side.
  const gap = (i: number): boolean => {
    if (published[i] !== 'secondary') return false;
    if ((lo[i] as number) > 0 && (lo[i] as number) < threshold) {
      lo[i] = threshold;
      return true;
    }
    if ((hi[i] as number) < threshold && (hi[i] as number) > 0) {
      hi[i] = 0;
      return true;
    }
    return false;
  };
  // Each pass can only narrow; integer bounds narrow in finite steps, the cap guards degenerate cases.
  for (let pass = 0; pass < 10_000; pass++) {
    let changed = false;
    for (const eq of equations) {
      let sumLo = 0;
      let sumHi = 0;
      for (const m of eq.members) {
        sumLo += lo[m] as number;
        sumHi += hi[m] as number;
      }
      const t = eq.total;
      if (!known[t]) {
        if (sumLo > (lo[t] as number)) {
          lo[t] = sumLo;
          changed = true;
        }
        if (sumHi < (hi[t] as number)) {
          hi[t] = sumHi;
          changed = true;
        }
      }
      for (const m of eq.members) {
        if (known[m]) continue;
        const mLo = lo[m] as number;
        const mHi = hi[m] as number;
        const othersLo = sumLo - mLo;
        const othersHi = sumHi === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : sumHi - mHi;
        const newHi = (hi[t] as number) - othersLo;
        const newLo = othersHi === Number.POSITIVE_INFINITY ? 0 : (lo[t] as number) - othersHi;
        if (newHi < mHi) {
          hi[m] = newHi;
          changed = true;
        }
        if (newLo > mLo) {
          lo[m] = newLo;
          changed = true;
        }
        if (gap(m)) changed = true;
      }
      if (gap(t)) changed = true;
    }
    if (!changed) break;
  }
  return lo.map((l, i) => ({ lo: l, hi: hi[i] as number }));
}

function equationsOf(system: LinearSystem): number[][] {
  const byCell: number[][] = system.values.map(() => []);
  system.equations.forEach((eq, e) => {
    for (const m of eq.members) byCell[m]?.push(e);
    byCell[eq.total]?.push(e);
  });
  return byCell;
}

/**
 * The cell to hide next among `candidates`: positive values before zeros, interior cells before
 * totals, then the smallest value; null when every candidate is hidden already.
 */
function pickPartner(candidates: readonly number[], values: readonly number[], hidden: readonly boolean[], isTotal: readonly boolean[]): number | null {
  let best: number | null = null;
  const rank = (c: number) => [(values[c] as number) > 0 ? 0 : 1, isTotal[c] ? 1 : 0, values[c] as number, c] as const;
  for (const c of candidates) {
    if (hidden[c]) continue;
    if (best === null) {
      best = c;
      continue;
    }
    const a = rank(c);
    const b = rank(best);
    for (let k = 0; k < a.length; k++) {
      if (a[k] !== b[k]) {
        if ((a[k] as number) < (b[k] as number)) best = c;
        break;
      }
    }
  }
  return best;
}

function checkSystem(system: LinearSystem): void {
  for (const v of system.values) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError('Counts must be non-negative integers');
  }
  for (const eq of system.equations) {
    const sum = eq.members.reduce((s, m) => s + (system.values[m] as number), 0);
    if (sum !== system.values[eq.total]) throw new RangeError('An equation of the report does not add up');
  }
}

export interface Suppression {
  /** The mark of every cell: its value or the kind of hiding. */
  readonly marks: Mark[];
}

function marksOf(values: readonly number[], hidden: readonly boolean[], threshold: number, uniform: boolean): Mark[] {
  return values.map((v, i) => (!hidden[i] ? v : uniform ? 'withheld' : v > 0 && v < threshold ? 'small' : 'secondary'));
}

/** Which cells to hide, and how to mark them, so that no hidden cell can be recovered from the published marks. */
export function suppressCells(system: LinearSystem, threshold: number): Suppression {
  checkSystem(system);
  const { values, equations } = system;
  const hidden = values.map((v) => v > 0 && v < threshold);
  const byCell = equationsOf(system);
  const isTotal = values.map(() => false);
  for (const eq of equations) isTotal[eq.total] = true;

  const lineRule = (): boolean => {
    let changed = false;
    for (const eq of equations) {
      const cells = [...eq.members, eq.total];
      const hiddenCount = cells.filter((c) => hidden[c]).length;
      if (hiddenCount !== 1) continue;
      const partner = pickPartner(eq.members, values, hidden, isTotal) ?? (hidden[eq.total] ? null : eq.total);
      if (partner !== null) {
        hidden[partner] = true;
        changed = true;
      }
    }
    return changed;
  };

  for (;;) {
    while (lineRule()) {
      /* to a fixed point */
    }
    const marks = marksOf(values, hidden, threshold, false);
    const bounds = intervalBounds(marks, equations, threshold);
    // A hidden zero that can be worked out tells nothing a published zero would not: only hidden
    // counts of at least one person must stay unknown.
    const pinned = hidden.flatMap((h, i) => (h && (values[i] as number) > 0 && (bounds[i] as Interval).lo === (bounds[i] as Interval).hi ? [i] : []));
    if (pinned.length === 0) return { marks };
    // One more hidden cell beside each pinned one, then the bounds again (fewer rounds than one at a time).
    let added = false;
    for (const cell of pinned) {
      const near = (byCell[cell] ?? []).flatMap((e) => {
        const eq = equations[e] as Equation;
        return [...eq.members, eq.total];
      });
      const partner = pickPartner(near, values, hidden, isTotal);
      if (partner !== null) {
        hidden[partner] = true;
        added = true;
      }
    }
    if (added) continue;
    const anywhere = pickPartner(values.map((_, i) => i), values, hidden, isTotal);
    // Everything hidden and still a cell pinned by what the marks say: withhold the marks too; with
    // no published number and no hint every bound is [0, infinity).
    if (anywhere === null) return { marks: marksOf(values, hidden, threshold, true) };
    hidden[anywhere] = true;
  }
}

// ---------------------------------------------------------------- tables

/** A two-way table of counts, before suppression. */
export interface CountTable {
  readonly id: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** cells[row][column] */
  readonly cells: readonly (readonly number[])[];
  /**
   * Keys of margins shared with other tables over the same population (the same cell in every
   * table): column totals and the grand total. Absent: the table's own.
   */
  readonly sharedColumnTotals?: string;
  readonly sharedGrandTotal?: string;
}

/** A published count: the number, or hidden (shown "<5" when small, "x" otherwise). */
export type PublishedCount = { readonly value: number } | { readonly hidden: 'small' | 'secondary' | 'withheld' };

export interface PublishedTable {
  readonly id: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[];
  readonly columnTotals: readonly PublishedCount[];
  readonly total: PublishedCount;
}

interface CellRefs {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/**
 * Suppresses a whole report at once (shared margins included) and returns the tables with only
 * the publishable numbers in them: hidden cells carry no value at all.
 */
export function suppressTables(tables: readonly CountTable[], threshold: number): PublishedTable[] {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('The threshold must be a positive integer');
  const values: number[] = [];
  const equations: Equation[] = [];
  const shared = new Map<string, number>();
  const add = (v: number) => values.push(v) - 1;
  const sharedCell = (key: string | undefined, v: number): number => {
    if (key === undefined) return add(v);
    const existing = shared.get(key);
    if (existing !== undefined) {
      if (values[existing] !== v) throw new RangeError(`Tables sharing the margin ${key} disagree`);
      return existing;
    }
    const i = add(v);
    shared.set(key, i);
    return i;
  };
  const refs: CellRefs[] = tables.map((t) => {
    if (t.cells.length !== t.rows.length || t.cells.some((r) => r.length !== t.columns.length)) {
      throw new RangeError(`Table ${t.id} does not match its rows and columns`);
    }
    const cells = t.cells.map((r) => r.map(add));
    const rowSums = t.cells.map((r) => r.reduce((s, v) => s + v, 0));
    const colSums = t.columns.map((_, c) => t.cells.reduce((s, r) => s + (r[c] as number), 0));
    const grand = rowSums.reduce((s, v) => s + v, 0);
    const rowTotals = rowSums.map(add);
    const columnTotals = colSums.map((v, c) => sharedCell(t.sharedColumnTotals === undefined ? undefined : `${t.sharedColumnTotals}:${t.columns[c]}`, v));
    const total = sharedCell(t.sharedGrandTotal, grand);
    cells.forEach((r, i) => equations.push({ members: r, total: rowTotals[i] as number }));
    t.columns.forEach((_, c) => equations.push({ members: cells.map((r) => r[c] as number), total: columnTotals[c] as number }));
    equations.push({ members: rowTotals, total });
    equations.push({ members: columnTotals, total });
    return { cells, rowTotals, columnTotals, total };
  });
  const { marks } = suppressCells({ values, equations }, threshold);
  const publish = (i: number): PublishedCount => {
    const m = marks[i] as Mark;
    return typeof m === 'number' ? { value: m } : { hidden: m };
  };
  return tables.map((t, k) => {
    const r = refs[k] as CellRefs;
    return {
      id: t.id,
      rows: [...t.rows],
      columns: [...t.columns],
      cells: r.cells.map((row) => row.map(publish)),
      rowTotals: r.rowTotals.map(publish),
      columnTotals: r.columnTotals.map(publish),
      total: publish(r.total),
    };
  });
}
