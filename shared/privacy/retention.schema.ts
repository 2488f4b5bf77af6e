/** The retention of closed files (docs/access-request.md "Retention of closed files"). */
import { z } from 'zod';

export const CLOSED_FILE_RETENTION_YEARS = { min: 1, max: 100 } as const;

export const retentionSettingsSchema = z.object({ closedFileYears: z.number().int().nullable() });
export const retentionSettingsInputSchema = z.strictObject({
  /** Years after closing; null: closed files are not brought up for review. */
  closedFileYears: z.number().int().min(CLOSED_FILE_RETENTION_YEARS.min).max(CLOSED_FILE_RETENTION_YEARS.max).nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
