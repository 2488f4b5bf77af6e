/**
 * The statistics service through the router, as the screen and the CLI use it (docs/statistics.md):
 * the counts are right where they are published, no count from 1 to the threshold - 1 ever leaves the
 * service (the channel's answer and every export file are searched for one), exports are audited
 * with their parameters, the threshold only goes up, and only administrators and coordinators ask.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { auditRows, call, fail, newOrg, type Org } from '../../../test/helpers/handover';
import type { PersonFieldsInput } from '../../../shared/persons/person.schema';
import { statisticsReportSchema, type StatisticsReport, type StatisticsTable } from '../../../shared/statistics/statistics.schema';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const STAFF_PASSWORD = 'a long password 1';

/** 14 invented persons registered in November 2026: 9 women, 3 men, 2 of unknown sex; 7 with a Belgian procedure. */
async function seed(org: Org): Promise<void> {
  const people: PersonFieldsInput[] = [];
  for (let i = 0; i < 14; i++) {
    people.push({
      givenNames: `Invented${i}`,
      familyName: 'Testperson',
      gender: i < 9 ? 'female' : i < 12 ? 'male' : 'unknown',
      dateOfBirth: { precision: 'exact', date: '1990-01-01' },
      ageInDoubt: i === 13,
      nationalities: [i < 8 ? 'NG' : i < 11 ? 'RO' : 'BE'],
      detection: { date: '2026-11-01', country: 'BE', by: i < 10 ? 'police' : 'ngo' },
      exploitationForms: [i % 2 === 0 ? 'sexual' : 'labour'],
    });
  }
  for (const [i, p] of people.entries()) {
    const detail = await call(org.core, 'persons.create', p);
    if (i < 7) {
      const track = await call(org.core, 'procedure.openTrack', { personId: detail.person.id, country: 'BE' });
      await call(org.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
    }
  }
}

function table(report: StatisticsReport, id: StatisticsTable['id']): StatisticsTable {
  const t = report.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function publishedValues(report: StatisticsReport): number[] {
  return report.tables.flatMap((t) =>
    [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total].flatMap((c) => ('value' in c ? [c.value] : [])),
  );
}

describe('statistics through the router', () => {
  it('publishes the counts that are safe and hides every small one, before anything leaves the service', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    await seed(org);
    const report = await call(org.core, 'statistics.report', { year: 2026 });
    expect(statisticsReportSchema.parse(report)).toEqual(report);
    expect(report.threshold).toBe(5);

    const sex = table(report, 'sex');
    expect(sex.total).toEqual({ value: 14 });
    // 3 men and 2 of unknown sex: below 5, shown "<5"; nothing tells them apart.
    expect(sex.rowTotals[sex.rows.indexOf('male')]).toEqual({ hidden: 'small' });
    expect(sex.rowTotals[sex.rows.indexOf('unknown')]).toEqual({ hidden: 'small' });
    // "Other" is 0 and published; the women (9) are published, so the men and unknown together
    // (5) could be worked out: the service hides enough that neither can be.
    expect(sex.rowTotals[sex.rows.indexOf('other')]).toEqual({ value: 0 });
    // 7 reflection periods began in 2026 and are still running.
    const reflection = table(report, 'reflection');
    expect(reflection.rowTotals[reflection.rows.indexOf('running')]).toEqual({ value: 7 });
    // All 14 registered in November.
    const registrations = table(report, 'registrations');
    expect(registrations.rowTotals[registrations.rows.indexOf('11')]).toEqual({ value: 14 });

    // Nothing below the threshold in the answer, not even in its serialized form.
    expect(publishedValues(report).every((v) => v === 0 || v >= 5)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/"value":[1-4][,}]/);
  });

  it('writes no small count into the CSV, XLSX and JSON files, and audits each export with its parameters', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    await seed(org);
    const before = auditRows(org.core).at(-1)?.seq ?? 0;

    const csv = await call(org.core, 'statistics.export', { year: 2026, format: 'csv' });
    expect(csv.fileName).toBe('passerelle-statistics-2026.csv');
    const lines = Buffer.from(csv.contentBase64, 'base64').toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^table,row,column,count,/);
    const counts = lines.slice(1).map((l) => l.split(',')[3] ?? '');
    expect(counts.length).toBeGreaterThan(100);
    for (const c of counts) expect(c === '<5' || c === 'x' || c === '0' || Number(c) >= 5).toBe(true);
    expect(counts).toContain('<5');

    const xlsx = await call(org.core, 'statistics.export', { year: 2026, country: 'BE', format: 'xlsx' });
    expect(xlsx.fileName).toBe('passerelle-statistics-2026-BE.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const numbers: number[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'number' && numbers.push(cell.value)))));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n === 0 || n >= 5)).toBe(true);

    const json = await call(org.core, 'statistics.export', { year: 2026, format: 'json' });
    const parsed = statisticsReportSchema.parse(JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')));
    expect(publishedValues(parsed).every((v) => v === 0 || v >= 5)).toBe(true);

    const pdf = await call(org.core, 'statistics.export', { year: 2026, format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const exports = auditRows(org.core, before).filter((r) => r.action === 'statistics.export');
    expect(exports.map((r) => r.details)).toEqual([
      { year: 2026, country: null, format: 'csv', threshold: 5 },
      { year: 2026, country: 'BE', format: 'xlsx', threshold: 5 },
      { year: 2026, country: null, format: 'json', threshold: 5 },
      { year: 2026, country: null, format: 'pdf', threshold: 5 },
    ]);
  });

  it('a raised threshold hides more; it cannot be lowered again, and a coordinator cannot change it', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    await seed(org);
    await call(org.core, 'statistics.updateSettings', { threshold: 8 });
    const report = await call(org.core, 'statistics.report', { year: 2026 });
    expect(report.threshold).toBe(8);
    const reflection = table(report, 'reflection');
    expect(reflection.rowTotals[reflection.rows.indexOf('running')]).toEqual({ hidden: 'small' });
    expect(publishedValues(report).every((v) => v === 0 || v >= 8)).toBe(true);
    const lower = await fail(org.core, 'statistics.updateSettings', { threshold: 6 });
    expect(lower).toMatchObject({ code: 'VALIDATION', key: 'statisticsThresholdLower', params: { threshold: 8 } });
    expect((await call(org.core, 'statistics.settings', {})).threshold).toBe(8);

    await call(org.core, 'users.add', { username: 'coord.cora', displayName: 'Cora', role: 'coordinator', password: STAFF_PASSWORD });
    await call(org.core, 'users.add', { username: 'case.carl', displayName: 'Carl', role: 'caseworker', password: STAFF_PASSWORD });
    await org.core.vault.unlock('coord.cora', STAFF_PASSWORD);
    expect((await call(org.core, 'statistics.report', { year: 2026 })).year).toBe(2026);
    expect((await fail(org.core, 'statistics.updateSettings', { threshold: 9 })).code).toBe('FORBIDDEN');
    await org.core.vault.unlock('case.carl', STAFF_PASSWORD);
    expect((await fail(org.core, 'statistics.report', { year: 2026 })).code).toBe('FORBIDDEN');
    expect((await fail(org.core, 'statistics.export', { year: 2026, format: 'csv' })).code).toBe('FORBIDDEN');
  });

  it('a year without cases publishes only zeros, and a country keeps only its own procedures', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    await seed(org);
    const empty = await call(org.core, 'statistics.report', { year: 2025 });
    expect(publishedValues(empty).every((v) => v === 0)).toBe(true);
    const nl = await call(org.core, 'statistics.report', { year: 2026, country: 'NL' });
    expect(table(nl, 'phase').rows.every((r) => r.startsWith('nl.'))).toBe(true);
    expect(table(nl, 'sex').total).toEqual({ value: 0 });
    const be = await call(org.core, 'statistics.report', { year: 2026, country: 'BE' });
    expect(table(be, 'sex').total).toEqual({ value: 7 });
  });
});
