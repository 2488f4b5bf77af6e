/**
 * Lead times: per kind, how many days before the deadline a reminder fires.
 * Defaults 14, 7, 3, 1 and 0 (on the day). An admin changes them (vault-wide setting); the daily
 * digest is a preference of each desktop (on or off, at a chosen local time).
 *
 * Lists are normalised, not refused: duplicates removed, sorted from the longest lead to 0.
 */
import { z } from 'zod';
import { AppError, type FieldIssue } from '../errors';
import { REMINDER_KINDS, type ReminderKind } from './reminder.types';

export const DEFAULT_LEAD_DAYS: readonly number[] = [14, 7, 3, 1, 0];
export const LEAD_DAYS_LIMITS = { min: 0, max: 365, maxCount: 10 } as const;

export const leadDaysSchema = z
  .array(z.number().int().min(LEAD_DAYS_LIMITS.min).max(LEAD_DAYS_LIMITS.max))
  .min(1)
  .max(LEAD_DAYS_LIMITS.maxCount)
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

const leadDaysShape = Object.fromEntries(
  REMINDER_KINDS.map((kind) => [kind, leadDaysSchema.default(() => [...DEFAULT_LEAD_DAYS])]),
) as Record<ReminderKind, z.ZodDefault<typeof leadDaysSchema>>;

/** Vault-wide (admin): the lead days of every kind; a kind left out gets the defaults. */
export const reminderSettingsSchema = z.object({
  leadDays: z.object(leadDaysShape).default(() => defaultLeadDays()),
});
export type ReminderSettings = z.output<typeof reminderSettingsSchema>;

/** 'HH:MM', 24-hour local time. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'localTime');

/** Per desktop (non-personal preference): one summary notification a day at `time`. */
export const digestSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  time: localTimeSchema.default('08:00'),
});
export type DigestSettings = z.output<typeof digestSettingsSchema>;

function defaultLeadDays(): Record<ReminderKind, number[]> {
  return Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, [...DEFAULT_LEAD_DAYS]])) as Record<ReminderKind, number[]>;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { leadDays: defaultLeadDays() };
export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { enabled: false, time: '08:00' };

function validation(error: z.ZodError, prefix: string): AppError {
  const fields: FieldIssue[] = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  return new AppError('VALIDATION', 'validation', undefined, { fields });
}

/** Parses an admin's input (or a stored value); throws AppError VALIDATION with the field paths. */
export function parseReminderSettings(input: unknown): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) throw validation(parsed.error, '');
  return parsed.data;
}

export function parseDigestSettings(input: unknown): DigestSettings {
  const parsed = digestSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) throw validation(parsed.error, '');
  return parsed.data;
}

/** The lead days of a kind, longest first (defaults when the settings lack the kind). */
export function leadDaysFor(settings: ReminderSettings, kind: ReminderKind): readonly number[] {
  return settings.leadDays[kind] ?? DEFAULT_LEAD_DAYS;
}
