/**
 * IPC and CLI shapes of the spreadsheet import (docs/import.md): the file, what an inspection shows,
 * the dry run's report of every row with its problems, and the import's result.
 * Files cross IPC as base64 with a length cap checked before anything is decoded.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { countrySchema } from '../domain';
import { base64Length } from '../handover/handover.ipc';
import { eventTypeSchema } from '../persons/procedure.schema';
import { importMappingSchema } from './mapping.schema';

/** The largest spreadsheet accepted: a caseload of tens of thousands of rows stays far below it. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Rows below the header row; more is not a caseload but a mistake (or an attack). */
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 200;

export const IMPORT_FILE_KINDS = ['xlsx', 'csv'] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];

export const importFileSchema = z.strictObject({
  /** The file's name as chosen: only its extension is read (never logged or stored). */
  fileName: z.string().trim().min(1).max(255),
  fileBase64: z.string().min(1).max(base64Length(MAX_IMPORT_FILE_BYTES)),
});
export type ImportFile = z.output<typeof importFileSchema>;

export const importInspectInputSchema = z.strictObject({
  file: importFileSchema,
  /** XLSX: which worksheet; default the remembered mapping's, else the first. */
  sheet: z.string().trim().min(1).max(100).optional(),
  headerRow: z.number().int().min(1).max(100).optional(),
});

export const importRunInputSchema = z.strictObject({ file: importFileSchema, mapping: importMappingSchema });
export type ImportRunInput = z.output<typeof importRunInputSchema>;

export const importInspectionSchema = z.object({
  kind: z.enum(IMPORT_FILE_KINDS),
  /** XLSX: the worksheets' names; CSV: empty. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** CSV: what was detected (or chosen in the mapping). */
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows, as text, for the value preview. */
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string().nullable()) })),
  rowCount: z.number().int(),
  /** The organisation's remembered mapping, if any. */
  remembered: importMappingSchema.nullable(),
});
export type ImportInspection = z.infer<typeof importInspectionSchema>;

export const ROW_PROBLEM_CODES = [
  'nameMissing',
  'dateFormat',
  'dateImpossible',
  'dateInFuture',
  'countryUnknown',
  'languageUnknown',
  'genderUnknown',
  'yesNoUnknown',
  'eventIncomplete',
  'eventCountryInvalid',
  'eventTypeUnknown',
  'eventRefused',
  'duplicateExisting',
  'duplicateInFile',
  'formulaWithoutResult',
  'fieldInvalid',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

const labelsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

export const rowProblemSchema = z.object({
  code: z.enum(ROW_PROBLEM_CODES),
  /** The column title the problem is in. */
  column: z.string().optional(),
  /** The cell's text as read (shown to the administrator only; never logged or audited). */
  value: z.string().optional(),
  /** 1-based number of the event mapping. */
  event: z.number().int().optional(),
  /** A field of the person record (fieldInvalid). */
  field: z.string().optional(),
  /** eventRefused: the rule's message and its source in the brochure. */
  rule: z.object({ message: labelsSchema, source: z.string() }).optional(),
  /** duplicateExisting: the existing person's case code. duplicateInFile: the first row. */
  caseCode: z.string().optional(),
  otherRow: z.number().int().optional(),
  /** formulaWithoutResult: the cell, e.g. "D7". */
  cell: z.string().optional(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const mappedEventSchema = z.object({
  /** 1-based number of the event mapping it was read with. */
  event: z.number().int(),
  country: countrySchema,
  type: eventTypeSchema,
  date: calendarDateSchema,
});
export type MappedEvent = z.infer<typeof mappedEventSchema>;

export const rowReportSchema = z.object({
  /** The row's number in the sheet (CSV: the line the record starts on). */
  row: z.number().int(),
  /** "Family, Given" or the first alias, as read, to find the row again. */
  name: z.string(),
  dateOfBirth: calendarDateSchema.nullable(),
  events: z.array(mappedEventSchema),
  problems: z.array(rowProblemSchema),
});
export type RowReport = z.infer<typeof rowReportSchema>;

export const importReportSchema = z.object({
  rows: z.array(rowReportSchema),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    withProblems: z.number().int(),
    emptyRowsSkipped: z.number().int(),
    events: z.number().int(),
  }),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importResultSchema = importReportSchema.extend({
  imported: z.array(z.object({ row: z.number().int(), personId: z.string(), caseCode: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
