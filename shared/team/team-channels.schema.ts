/**
 * Inputs and outputs of the channels that let the command line and a connected desktop do over the
 * router what they used to do with the services directly (docs/cli.md "Against an office server",
 * docs/team-server.md): resolve a case code, export the person list, record an event by country,
 * the reminders of a day, the server's backup, and the reminders each desktop shows.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { countrySchema, languageSchema, usernameSchema } from '../domain';
import { caseCodeSchema } from '../persons/case-code';
import { eventInputSchema } from '../persons/procedure.schema';

export const caseCodeInputSchema = z.strictObject({ caseCode: caseCodeSchema });
export const personIdOutputSchema = z.object({ personId: z.string() });

export const assigneeByUsernameInputSchema = z.strictObject({ username: usernameSchema });
export const assigneeIdOutputSchema = z.object({ userId: z.string() });

/** An event of the person's track in `country`; the track is opened when the person has none there. */
export const recordByCountryInputSchema = z.strictObject({
  personId: z.uuid(),
  country: countrySchema,
  event: eventInputSchema,
});

export const dueOnInputSchema = z.strictObject({
  today: calendarDateSchema,
  language: languageSchema,
});

/** One line of `passerelle reminders --json` (docs/cli.md "reminders"). */
export const dueReminderSchema = z.object({
  caseCode: z.string().nullable(),
  kind: z.string(),
  country: z.string(),
  dueDate: z.string(),
  daysLeft: z.number().int(),
  /** The last working day on or before the due date. */
  actBy: z.string(),
  /** Why the due date is not a working day (weekday or holiday, in the language asked), or null. */
  nonWorking: z.string().nullable(),
  /** The lead times whose reminder day is `today`. */
  reminders: z.array(z.object({ lead: z.number().int(), notifyOn: z.string(), movedFrom: z.string().nullable(), fired: z.boolean() })),
  /** True when every one of them already fired on this vault's desktop. */
  alreadyFired: z.boolean(),
  notification: z.object({ title: z.string(), body: z.string() }),
});
export type DueReminder = z.infer<typeof dueReminderSchema>;

/** Reminders for a connected desktop: its user's, today on the server, not yet shown to that user. */
export const pendingRemindersInputSchema = z.strictObject({ language: languageSchema });
export const pendingReminderSchema = z.object({
  /** Opaque reminder ids (item, due date and lead time) shown by this one notification; no person data. */
  ids: z.array(z.string()),
  /** Kind and days only, and the case code: the same text rules as the desktop notifier. */
  title: z.string(),
  body: z.string(),
});
export const REMINDER_IDS_MAX = 500;
export const notifiedInputSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(300)).min(1).max(REMINDER_IDS_MAX),
});

/** A backup file's name inside the server's backup folder: no folder, no leading dot. */
export const serverBackupInputSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
});
export const serverBackupOutputSchema = z.object({
  /** Where the server wrote it, on the server's disk. */
  file: z.string(),
  vaultId: z.string(),
  createdAt: z.string(),
  auditSeq: z.number().int(),
  bytes: z.number().int(),
});

export const keyGenerationSchema = z.object({ generation: z.number().int() });

export const openHandoverInputSchema = z.strictObject({ personId: z.uuid(), partnerOrgId: z.uuid() });
export const openHandoverOutputSchema = z.object({ handoverId: z.string(), started: z.boolean() });

export const packageIdInputSchema = z.strictObject({ packageId: z.string().regex(/^[0-9a-f]{32}$/) });
export const importIdOutputSchema = z.object({ importId: z.string() });
