/**
 * Reading a caseload spreadsheet into rows of text (docs/import.md "Files"): XLSX through exceljs
 * after the archive was checked (zip-guard.ts), CSV through csv-parse after the encoding and the
 * delimiter were found. Every refusal is an AppError with a translated key; nothing here writes.
 */
import { parse, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  type ImportFileKind,
} from '../../../shared/import/import.schema';
import type { SheetRow, SheetTable } from '../../../shared/import/row-mapping';
import { checkXlsxArchive } from './zip-guard';

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface ReadOptions {
  sheet?: string | undefined;
  headerRow: number;
  encoding: 'auto' | CsvEncoding;
}

export interface SpreadsheetContent {
  kind: ImportFileKind;
  sheets: string[];
  sheet: string | null;
  encoding: CsvEncoding | null;
  delimiter: string | null;
  table: SheetTable;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the file is, from its first bytes and its extension; a macro-enabled or old binary workbook is refused. */
export function fileKind(fileName: string, bytes: Uint8Array): ImportFileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['xlsm', 'xltm', 'xlam', 'xlsb'].includes(ext)) throw new AppError('VALIDATION', 'importMacroFile');
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC) || ext === 'xls') throw new AppError('VALIDATION', 'importFileType');
  if (['csv', 'txt', 'tsv'].includes(ext)) return 'csv';
  if (ext === 'xlsx') throw new AppError('VALIDATION', 'importFileUnreadable');
  throw new AppError('VALIDATION', 'importFileType');
}

export async function readSpreadsheet(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<SpreadsheetContent> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new AppError('VALIDATION', 'importFileTooLarge', { maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
  }
  if (bytes.length === 0) throw new AppError('VALIDATION', 'importNoRows');
  const kind = fileKind(fileName, bytes);
  return kind === 'xlsx' ? readXlsx(bytes, options) : readCsv(bytes, options);
}

// ---------------------------------------------------------------- rows of text

function checkShape(table: SheetTable): SheetTable {
  if (table.headers.every((h) => h.trim() === '')) throw new AppError('VALIDATION', 'importNoHeader');
  if (table.headers.length > MAX_IMPORT_COLUMNS) throw new AppError('VALIDATION', 'importTooManyColumns', { max: MAX_IMPORT_COLUMNS });
  if (table.rows.length === 0) throw new AppError('VALIDATION', 'importNoRows');
  return table;
}

/** Rows with no value at all are skipped and counted (trailing ones are not counted: they are the sheet's end). */
function collectRows(headerRow: number, lastRow: number, rowAt: (n: number) => SheetRow | null): Omit<SheetTable, 'headers'> {
  const rows: SheetRow[] = [];
  let empty = 0;
  let lastFilled = headerRow;
  for (let n = headerRow + 1; n <= lastRow; n++) {
    const row = rowAt(n);
    if (!row) {
      empty++;
      continue;
    }
    if (rows.length >= MAX_IMPORT_ROWS) throw new AppError('VALIDATION', 'importTooManyRows', { max: MAX_IMPORT_ROWS });
    rows.push(row);
    lastFilled = n;
  }
  // Empty rows after the last filled one are not "skipped": they are where the sheet ends.
  return { rows, emptyRowsSkipped: empty - (lastRow - lastFilled) };
}

const isBlank = (cells: (string | null)[]) => cells.every((c) => c === null || c.trim() === '');

// ---------------------------------------------------------------- XLSX

function isoDay(d: Date): string {
  // exceljs gives dates as UTC midnight of the day shown in the cell.
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

type CellText = { text: string | null; formulaWithoutResult: boolean };

function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: null, formulaWithoutResult: false };
  if (value instanceof Date) return { text: isoDay(value), formulaWithoutResult: false };
  if (typeof value === 'string') return { text: value, formulaWithoutResult: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), formulaWithoutResult: false };
  if ('formula' in value || 'sharedFormula' in value) {
    // No calculation engine: only the result Excel saved with the file counts.
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { text: null, formulaWithoutResult: true };
    if (result instanceof Date) return { text: isoDay(result), formulaWithoutResult: false };
    if (typeof result === 'object' && 'error' in result) return { text: String((result as { error: unknown }).error), formulaWithoutResult: false };
    return { text: String(result), formulaWithoutResult: false };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formulaWithoutResult: false };
  if ('hyperlink' in value) return { text: String(value.text), formulaWithoutResult: false };
  if ('error' in value) return { text: String(value.error), formulaWithoutResult: false };
  return { text: null, formulaWithoutResult: false };
}

async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<SpreadsheetContent> {
  checkXlsxArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'importFileUnreadable');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = options.sheet ? workbook.worksheets.find((w) => w.name === options.sheet) : workbook.worksheets[0];
  if (!worksheet) throw new AppError('VALIDATION', options.sheet ? 'importSheetMissing' : 'importNoRows', options.sheet ? { sheet: options.sheet } : undefined);
  // The normal reader repeats a merged range's first value in every cell of it: one person's value
  // would be copied silently onto the rows below. The administrator unmerges them first.
  const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0) throw new AppError('VALIDATION', 'importMergedCells', { range: merges[0] ?? '' });

  const columnCount = Math.min(worksheet.columnCount, MAX_IMPORT_COLUMNS + 1);
  const rowCells = (n: number): { cells: (string | null)[]; formulas: string[] } => {
    const row = worksheet.getRow(n);
    const cells: (string | null)[] = [];
    const formulas: string[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      const read = cellText(cell.value);
      cells.push(read.text);
      if (read.formulaWithoutResult) formulas.push(cell.address);
    }
    return { cells, formulas };
  };
  const header = rowCells(options.headerRow);
  const headers = header.cells.map((c) => (c ?? '').trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  const body = collectRows(options.headerRow, worksheet.rowCount, (n) => {
    const { cells, formulas } = rowCells(n);
    if (isBlank(cells) && formulas.length === 0) return null;
    return { row: n, cells: cells.slice(0, Math.max(headers.length, 1)), formulasWithoutResult: formulas };
  });
  return {
    kind: 'xlsx',
    sheets,
    sheet: worksheet.name,
    encoding: null,
    delimiter: null,
    table: checkShape({ headers, ...body }),
  };
}

// ---------------------------------------------------------------- CSV

/** UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped), else Windows-1252. */
export function decodeText(bytes: Uint8Array, encoding: 'auto' | CsvEncoding): { text: string; encoding: CsvEncoding } {
  if (encoding !== 'windows-1252') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      if (encoding === 'utf-8') throw new AppError('VALIDATION', 'importEncoding');
    }
  }
  // iconv-lite, not TextDecoder: Node 20's windows-1252 TextDecoder turns 0x80-0x9F (€ œ “ ”) into
  // control characters (toolchain.md).
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
}

const DELIMITERS = [';', ',', '\t', '|'] as const;
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/**
 * The delimiter of the header line: csv-parse has no detection, so the first record is parsed with
 * each candidate and the one giving the most columns wins (';' first on a tie: Excel in nl/fr/BE
 * writes semicolons). Quotes are honoured because csv-parse does the reading.
 */
export function detectDelimiter(text: string): string {
  let best: string = ',';
  let bestCount = 1;
  for (const delimiter of DELIMITERS) {
    try {
      const [first] = parse(text, { delimiter, bom: true, to: 1, relax_column_count: true, record_delimiter: RECORD_DELIMITERS }) as string[][];
      const count = first?.length ?? 0;
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    } catch {
      // This candidate cannot read the header line (e.g. a quote it does not close); try the next.
    }
  }
  return best;
}

function readCsv(bytes: Uint8Array, options: ReadOptions): SpreadsheetContent {
  const decoded = decodeText(bytes, options.encoding);
  const encoding = decoded.encoding;
  // One line end before parsing: csv-parse counts a quoted CR LF as two lines, which would shift the
  // row numbers the dry run reports; a line break inside a field is kept as LF.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      record_delimiter: RECORD_DELIMITERS,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof CsvError) throw new AppError('VALIDATION', 'importCsvMalformed', { line: (e as CsvError & { lines?: number }).lines ?? 0 });
    throw new AppError('VALIDATION', 'importFileUnreadable');
  }
  // A record's number is the line it starts on: the line after the previous record ended.
  const starts: number[] = [];
  let previousEnd = 0;
  for (const r of records) {
    starts.push(previousEnd + 1);
    previousEnd = r.info.lines;
  }
  const headerIndex = options.headerRow - 1;
  const header = records[headerIndex]?.record ?? [];
  const headers = header.map((h) => h.trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  if (headers.length > MAX_IMPORT_COLUMNS) throw new AppError('VALIDATION', 'importTooManyColumns', { max: MAX_IMPORT_COLUMNS });
  const body = collectRows(options.headerRow, records.length, (n) => {
    const r = records[n - 1];
    if (!r) return null;
    const cells = r.record.map((c) => (c === '' ? null : c));
    if (isBlank(cells)) return null;
    return { row: starts[n - 1] ?? n, cells, formulasWithoutResult: [] };
  });
  return { kind: 'csv', sheets: [], sheet: null, encoding, delimiter, table: checkShape({ headers, ...body }) };
}
