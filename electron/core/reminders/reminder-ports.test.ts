import { describe, expect, it } from 'vitest';
import { toCalendarDate } from '../../../shared/dates/calendar-date';
import { DeadlineCache, MemoryFiredStore, MirroredFiredStore, type FiredTable } from './reminder-ports';

describe('DeadlineCache', () => {
  it('keeps only id, kind, due date, country and case code of whatever it is given', () => {
    const cache = new DeadlineCache();
    const full = {
      id: 'procedure:t1:reflectionPeriodEnd',
      kind: 'reflectionPeriodEnd' as const,
      dueDate: toCalendarDate('2027-03-29'),
      country: 'BE' as const,
      caseCode: 'PAY-2026-0007',
      personId: 'p-1',
      assigneeId: 'u-1',
      displayName: 'Kalomi Tuvo',
      notes: 'lives at ...',
    };
    cache.replace([full]);
    expect(cache.deadlines()).toEqual([
      { id: full.id, kind: full.kind, dueDate: full.dueDate, country: 'BE', caseCode: 'PAY-2026-0007' },
    ]);
    expect(JSON.stringify(cache.deadlines())).not.toMatch(/Kalomi|lives|p-1|u-1/);
    expect(Object.isFrozen(cache.deadlines())).toBe(true);
    cache.clear();
    expect(cache.deadlines()).toEqual([]);
  });
});

describe('fired stores', () => {
  it('MemoryFiredStore remembers ids', () => {
    const store = new MemoryFiredStore();
    store.add(['a:2027-01-01:3', 'a:2027-01-01:1']);
    expect(store.has('a:2027-01-01:3')).toBe(true);
    expect(store.has('a:2027-01-01:0')).toBe(false);
    expect(store.size).toBe(2);
  });

  it('MirroredFiredStore answers while the table is locked and writes behind on the next load', () => {
    let locked = false;
    const rows = new Set<string>(['old:2026-12-01:0']);
    const inserts: string[][] = [];
    const table: FiredTable = {
      loadAll: () => {
        if (locked) throw new Error('LOCKED');
        return rows;
      },
      insert: (ids) => {
        if (locked) throw new Error('LOCKED');
        inserts.push([...ids]);
        ids.forEach((id) => rows.add(id));
      },
    };
    const store = new MirroredFiredStore(table);
    store.load();
    expect(store.has('old:2026-12-01:0')).toBe(true);
    locked = true;
    store.add(['x:2027-01-10:7']);
    store.add(['y:2027-01-10:7']);
    expect(store.has('x:2027-01-10:7')).toBe(true);
    expect(store.pendingCount).toBe(2);
    expect(() => store.load()).toThrow('LOCKED');
    expect(store.has('x:2027-01-10:7')).toBe(true); // a failed load forgets nothing
    locked = false;
    store.load();
    expect(store.pendingCount).toBe(0);
    expect(inserts).toEqual([['x:2027-01-10:7', 'y:2027-01-10:7']]);
    expect(rows.has('y:2027-01-10:7')).toBe(true);
  });
});
