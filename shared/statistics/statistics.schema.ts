/**
 * The yearly statistics (docs/statistics.md): what is asked, and the report as it leaves the service,
 * already suppressed (shared/statistics/suppression.ts). Nothing here can carry a hidden count: a
 * hidden cell has no number in it at all.
 */
import { z } from 'zod';
import { countrySchema, languageSchema } from '../domain';
import { MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from './suppression';

export const STATISTICS_YEARS = { min: 2000, max: 2100 } as const;
export const statisticsYearSchema = z.number().int().min(STATISTICS_YEARS.min).max(STATISTICS_YEARS.max);

export const statisticsQuerySchema = z.strictObject({
  year: statisticsYearSchema,
  /** Persons with a procedure in this country, and that country's procedures only; absent: all. */
  country: countrySchema.nullable().default(null),
});
export type StatisticsQuery = z.output<typeof statisticsQuerySchema>;

export const STATISTICS_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export const statisticsFormatSchema = z.enum(STATISTICS_FORMATS);
export type StatisticsFormat = z.infer<typeof statisticsFormatSchema>;

/** `language`: of the file's labels; absent, the desktop's language (the command line and a server give it). */
export const statisticsExportInputSchema = statisticsQuerySchema.extend({ format: statisticsFormatSchema, language: languageSchema.optional() });

/** Age group at registration (Eurostat: child / adult); presumed minors are minors, shown apart. */
export const AGE_GROUPS = ['minor', 'presumedMinor', 'adult'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const STATISTICS_TABLE_IDS = [
  'sex',
  'citizenship',
  'exploitation',
  'detection',
  'phase',
  'reflection',
  'permits',
  'handovers',
  'closed',
  'registrations',
] as const;
export type StatisticsTableId = (typeof STATISTICS_TABLE_IDS)[number];

export const publishedCountSchema = z.union([
  z.strictObject({ value: z.number().int().nonnegative() }),
  z.strictObject({ hidden: z.enum(['small', 'secondary', 'withheld']) }),
]);

export const publishedTableSchema = z.strictObject({
  id: z.enum(STATISTICS_TABLE_IDS),
  rows: z.array(z.string()),
  columns: z.array(z.enum(AGE_GROUPS)),
  cells: z.array(z.array(publishedCountSchema)),
  rowTotals: z.array(publishedCountSchema),
  columnTotals: z.array(publishedCountSchema),
  total: publishedCountSchema,
});
export type StatisticsTable = z.infer<typeof publishedTableSchema>;

export const statisticsReportSchema = z.strictObject({
  format: z.literal('passerelle-statistics'),
  v: z.literal(1),
  year: z.number().int(),
  country: countrySchema.nullable(),
  /** The organisation's own country: "national" citizenship is relative to it. */
  reportingCountry: countrySchema,
  threshold: z.number().int(),
  generatedAt: z.string(),
  tables: z.array(publishedTableSchema),
});
export type StatisticsReport = z.infer<typeof statisticsReportSchema>;

export const statisticsThresholdSchema = z.number().int().min(MIN_SUPPRESSION_THRESHOLD).max(MAX_SUPPRESSION_THRESHOLD);
export const statisticsSettingsSchema = z.object({ threshold: z.number().int() });
export const statisticsSettingsInputSchema = z.strictObject({ threshold: statisticsThresholdSchema });

/** A hidden cell as printed: "<5" below the threshold, "x" for a cell hidden to protect another. */
export function showCount(count: z.infer<typeof publishedCountSchema>, threshold: number): string {
  if ('value' in count) return String(count.value);
  return count.hidden === 'small' ? `<${threshold}` : 'x';
}
