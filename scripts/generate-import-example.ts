/**
 * Writes the example caseload of docs/import.md: docs/examples/caseload-example.xlsx (made with
 * exceljs), the same rows as caseload-example.csv (UTF-8, semicolons, as Excel in Belgium saves
 * it) and the mapping file caseload-mapping.json. Every person is invented.
 *
 *   npx tsx scripts/generate-import-example.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { EXAMPLE_HEADERS, EXAMPLE_MAPPING } from '../test/helpers/spreadsheets';

const OUT = fileURLToPath(new URL('../docs/examples/', import.meta.url));

/** Invented persons; rows 6, 7 and 9 of the sheet show what a dry run reports. */
export const EXAMPLE_ROWS: string[][] = [
  ['Ama', 'Kalovoda', '', '14-03-1998', 'vrouw', 'Nigeria', 'Engels; Yoruba', 'nee', 'BE', 'Bijlage 15', '02-09-2026', 'statementMade', '20-09-2026', '', ''],
  ['Ioana', 'Brezavu', 'Nana', '1990-07-01', 'F', 'Roumanie', 'Roemeens', 'non', 'België', 'annex15Issued', '15-06-2026', 'Verklaring afgelegd', '01-07-2026', 'aiIssued', '05-07-2026'],
  ['Lia', 'Temura', '', '05-05-1995', 'femme', 'Viêt Nam', 'vietnamien', 'nee', 'Nederland', 'reflectionStarted', '01-08-2026', '', '', '', ''],
  ['Dritan', 'Seluvo', '', '11-11-2009', 'jongen', 'Albanië', 'sq', 'ja', 'LU', 'identifiedByJudicialPolice', '03-10-2026', 'reflectionGranted', '04-10-2026', '', ''],
  ['Kofi', 'Mensaro', '', '05-05-1985', 'male', 'Ghana', 'en', 'no', 'BE', 'annex15Issued', '01-10-2026', 'reflectionExtended', '15-10-2026', '', ''],
  ['Mirela', 'Osavin', '', '31-02-2001', 'vrouw', 'Atlantis', '', '', '', '', '', '', '', '', ''],
  ['Chen', 'Lawuri', '', '1979-12-24', 'M', 'Chine', 'chinois', 'non', 'LU', 'Identifiée par la police judiciaire', '12-06-2026', '', '', '', ''],
  ['', '', '', '01-01-2000', 'V', 'Marokko', '', '', '', '', '', '', '', '', ''],
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  // Fixed dates keep the file identical from one run to the next.
  workbook.created = new Date(Date.UTC(2026, 11, 1));
  workbook.modified = new Date(Date.UTC(2026, 11, 1));
  workbook.creator = 'Passerelle example';
  const sheet = workbook.addWorksheet('Caseload');
  sheet.addRow(EXAMPLE_HEADERS).font = { bold: true };
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 16));
  writeFileSync(join(OUT, 'caseload-example.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
  // exceljs writes the CSV too (through fast-csv), with the byte-order mark Excel adds to UTF-8.
  const csv = await workbook.csv.writeBuffer({ sheetName: 'Caseload', formatterOptions: { delimiter: ';', writeBOM: true, rowDelimiter: '\r\n' } });
  writeFileSync(join(OUT, 'caseload-example.csv'), new Uint8Array(csv));
  writeFileSync(join(OUT, 'caseload-mapping.json'), `${JSON.stringify(EXAMPLE_MAPPING, null, 2)}\n`);
  console.log(`Wrote caseload-example.xlsx, caseload-example.csv and caseload-mapping.json to ${OUT}`);
}

await main();
