/**
 * `npm run bench -- import`: a caseload of 10,000 invented persons with 3 procedure events each,
 * written as an XLSX workbook and as a CSV, read through the import service as the Import screen
 * calls it (base64 file in): the dry run (target <= 10 s) and the import in one transaction into an
 * encrypted vault (target <= 30 s).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { importMappingSchema } from '../shared/import/mapping.schema';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { FakeClock } from '../test/helpers/fake-clock';
import { inventedPersons } from '../test/helpers/invented-persons';
import { EXAMPLE_HEADERS, EXAMPLE_MAPPING, fileInput } from '../test/helpers/spreadsheets';
import { ADMIN, makeCore, tempDir } from '../test/helpers/vault';
import { median, type BenchResult } from './measure';

const TODAY = '2026-11-29' as CalendarDate;
const PERSONS = Number(process.env.IMPORT_BENCH_PERSONS ?? 10_000);
const dmy = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
const GENDER_NL = { female: 'vrouw', male: 'man', other: 'anders', unknown: 'onbekend' } as const;

/** Rows of the example's columns: Dutch country names, dd-mm-yyyy dates, 3 events of one country. */
function caseloadRows(): string[][] {
  const countryNames = new Intl.DisplayNames(['nl'], { type: 'region' });
  const rows: string[][] = [];
  for (const p of inventedPersons(20261207, PERSONS * 3, TODAY, 1)) {
    const track = p.tracks[0];
    if (!track || track.events.length < 3 || !p.fields.dateOfBirth.date || p.fields.ageInDoubt) continue;
    const events = track.events.slice(0, 3).flatMap((e) => [e.type, dmy(e.date)]);
    rows.push([
      p.fields.givenNames,
      p.fields.familyName,
      p.fields.aliases.join('; '),
      dmy(p.fields.dateOfBirth.date),
      GENDER_NL[p.fields.gender],
      p.fields.nationalities.map((n) => countryNames.of(n) ?? n).join('; '),
      p.fields.languages.join(', '),
      'nee',
      track.country,
      ...events,
    ]);
    if (rows.length === PERSONS) break;
  }
  return rows;
}

export async function runImportBench(): Promise<BenchResult[]> {
  const rows = caseloadRows();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Caseload');
  sheet.addRow(EXAMPLE_HEADERS);
  for (const r of rows) sheet.addRow(r);
  const xlsx = fileInput('caseload.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
  const csv = fileInput('caseload.csv', new Uint8Array(await workbook.csv.writeBuffer({ formatterOptions: { delimiter: ';' } })));
  const mapping = importMappingSchema.parse(EXAMPLE_MAPPING);

  const work = tempDir('passerelle-bench-import-');
  const core = makeCore(join(work.dir, 'vault'), new FakeClock(`${TODAY}T09:00:00.000Z`));
  try {
    await core.vault.create({ organisationName: 'Bench Centre', country: 'BE', admin: ADMIN });
    const results: BenchResult[] = [];
    const dryRuns: number[] = [];
    let valid = 0;
    const dryCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const report = await core.spreadsheetImport.dryRun({ file: xlsx, mapping });
      dryRuns.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      dryCpu.push((used.user + used.system) / 1000);
      valid = report.totals.valid;
    }
    const dryRun = median(dryRuns);
    results.push({ name: `dry run, XLSX, ${rows.length} rows (${valid} valid), median of 3`, value: dryRun / 1000, unit: 's', ratio: dryRun / 10_000 });
    results.push({ name: '  of which CPU time of this process', value: median(dryCpu) / 1000, unit: 's', ratio: median(dryCpu) / 10_000 });
    const csvStart = performance.now();
    await core.spreadsheetImport.dryRun({ file: csv, mapping });
    const csvDry = performance.now() - csvStart;
    results.push({ name: `dry run, CSV, ${rows.length} rows`, value: csvDry / 1000, unit: 's', ratio: csvDry / 10_000 });

    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await core.spreadsheetImport.run({ file: xlsx, mapping });
    const run = performance.now() - start;
    const used = process.cpuUsage(cpu);
    results.push({
      name: `import, XLSX, ${result.imported.length} persons, ${result.totals.events} events, one transaction`,
      value: run / 1000,
      unit: 's',
      ratio: run / 30_000,
    });
    // On a shared machine the wall clock waits for other processes; the CPU time is this import's own work.
    results.push({ name: '  of which CPU time of this process', value: (used.user + used.system) / 1e6, unit: 's', ratio: (used.user + used.system) / 1000 / 30_000 });
    return results;
  } finally {
    core.dispose();
    work.cleanup();
  }
}
