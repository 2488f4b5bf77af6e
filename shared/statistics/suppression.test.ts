import { describe, expect, it } from 'vitest';
import { intervalBounds, suppressCells, suppressTables, type CountTable, type PublishedCount } from './suppression';

const show = (p: PublishedCount) => ('value' in p ? String(p.value) : p.hidden === 'small' ? '<5' : 'x');

function table(cells: number[][]): CountTable {
  return { id: 't', rows: cells.map((_, i) => `r${i}`), columns: (cells[0] ?? []).map((_, i) => `c${i}`), cells };
}

describe('primary and secondary suppression', () => {
  it('hides a small cell and, in a 2x2 block, the three cells that would give it away', () => {
    const [p] = suppressTables([table([[3, 20], [10, 30], [12, 40]])], 5);
    expect(p?.cells.map((r) => r.map(show))).toEqual([['<5', 'x'], ['x', 'x'], ['12', '40']]);
    expect(p?.rowTotals.map(show)).toEqual(['23', '40', '52']);
    expect(p?.columnTotals.map(show)).toEqual(['25', '90']);
  });

  it('publishes a table without small counts untouched', () => {
    const [p] = suppressTables([table([[6, 20], [10, 30]])], 5);
    expect(p?.cells.flat().every((c) => 'value' in c)).toBe(true);
    expect(p && show(p.total)).toBe('66');
  });

  it('publishes a zero, and hides a positive partner rather than a zero beside a small cell', () => {
    // Hiding the 0 beside the 3 would tell that those two cells make 3 together: nothing protected.
    const [p] = suppressTables([table([[0, 3, 9], [7, 8, 9]])], 5);
    expect(p?.cells.map((r) => r.map(show))).toEqual([['0', '<5', 'x'], ['7', 'x', 'x']]);
  });

  it('hides a total when the only other cell of a line is a hidden one', () => {
    // One column: each row total equals its cell, so a small cell's row total is hidden with it.
    const [p] = suppressTables([table([[2], [30], [40]])], 5);
    expect(p && show(p.rowTotals[0] as PublishedCount)).not.toBe('2');
    expect(p?.rowTotals[0]).toEqual({ hidden: 'small' });
  });

  it('a higher threshold hides more', () => {
    const cells = [[6, 20], [9, 30]];
    const at5 = suppressTables([table(cells)], 5)[0]?.cells.flat().filter((c) => !('value' in c)).length;
    const at10 = suppressTables([table(cells)], 10)[0]?.cells.flat().filter((c) => !('value' in c)).length;
    expect(at5).toBe(0);
    expect(at10).toBe(4);
  });

  it('refuses counts that do not add up and a threshold below 1', () => {
    expect(() => suppressCells({ values: [1, 2, 4], equations: [{ members: [0, 1], total: 2 }] }, 5)).toThrow(RangeError);
    expect(() => suppressTables([table([[1]])], 0)).toThrow(RangeError);
  });

  it('the attacker bound pins a lone hidden cell of a line and not two', () => {
    const eq = [{ members: [0, 1], total: 2 }];
    expect(intervalBounds([12, 'secondary', 20], eq, 5)[1]).toEqual({ lo: 8, hi: 8 });
    const two = intervalBounds(['small', 'secondary', 20], eq, 5);
    expect(two[0]).toEqual({ lo: 1, hi: 4 });
    expect(two[1]).toEqual({ lo: 16, hi: 19 });
  });

  it('the attacker knows a hidden "x" is 0 or at least the threshold', () => {
    // x + y = 3 with y "<5": x is at most 2, so x is 0 and y is 3.
    const bounds = intervalBounds(['secondary', 'small', 3], [{ members: [0, 1], total: 2 }], 5);
    expect(bounds[0]).toEqual({ lo: 0, hi: 0 });
    expect(bounds[1]).toEqual({ lo: 3, hi: 3 });
  });
});
