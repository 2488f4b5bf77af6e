/** Spreadsheets for the import tests and the bench, written with exceljs from invented data. */
import ExcelJS from 'exceljs';
import { zipSync, unzipSync } from 'fflate';
import type { ImportFile } from '../../shared/import/import.schema';
import { MAPPING_FORMAT, MAPPING_VERSION, type ImportMappingInput } from '../../shared/import/mapping.schema';

export type SheetValue = string | number | boolean | Date | null | { formula: string; result?: string | number | Date };

export async function xlsxOf(
  rows: SheetValue[][],
  options: { sheetName?: string; merge?: string; extraSheets?: string[] } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Caseload');
  for (const row of rows) sheet.addRow(row);
  if (options.merge) sheet.mergeCells(options.merge);
  for (const name of options.extraSheets ?? []) workbook.addWorksheet(name).addRow(['nothing']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same workbook with a VBA project added, as Excel saves an .xlsm. */
export function withVbaProject(xlsx: Uint8Array): Uint8Array {
  const entries = unzipSync(xlsx);
  entries['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
  return zipSync(entries);
}

export function fileInput(fileName: string, bytes: Uint8Array | string): ImportFile {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { fileName, fileBase64: buffer.toString('base64') };
}

/** The columns of docs/examples/caseload-example.xlsx and of most tests. */
export const EXAMPLE_HEADERS = [
  'Voornaam',
  'Familienaam',
  'Alias',
  'Geboortedatum',
  'Geslacht',
  'Nationaliteit',
  'Talen',
  'Niet-begeleid',
  'Land procedure',
  'Gebeurtenis 1',
  'Datum 1',
  'Gebeurtenis 2',
  'Datum 2',
  'Gebeurtenis 3',
  'Datum 3',
];

export const EXAMPLE_MAPPING: ImportMappingInput = {
  format: MAPPING_FORMAT,
  version: MAPPING_VERSION,
  columns: {
    givenNames: 'Voornaam',
    familyName: 'Familienaam',
    aliases: 'Alias',
    dateOfBirth: 'Geboortedatum',
    gender: 'Geslacht',
    nationalities: 'Nationaliteit',
    languages: 'Talen',
    unaccompanied: 'Niet-begeleid',
  },
  events: [
    { country: { column: 'Land procedure' }, type: { column: 'Gebeurtenis 1' }, date: { column: 'Datum 1' } },
    { country: { column: 'Land procedure' }, type: { column: 'Gebeurtenis 2' }, date: { column: 'Datum 2' } },
    { country: { column: 'Land procedure' }, type: { column: 'Gebeurtenis 3' }, date: { column: 'Datum 3' } },
  ],
  values: { country: { Holland: 'NL' }, language: {}, gender: {}, eventType: { 'Bijlage 15': 'annex15Issued', 'Verklaring afgelegd': 'statementMade' } },
};
