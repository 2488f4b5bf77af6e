/**
 * IPC shapes of reminders: the dashboard, marking a deadline done or snoozing it, staff
 * tasks, the admin's lead days, this desktop's notification preferences and the calendar export.
 *
 * Reason codes are closed lists so that what is stored is a code; the optional note beside it is short
 * free text kept in the encrypted vault only (never in the audit trail, a log or a notification).
 */
import { DUE_BASES } from '../procedure/engine';
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';
import { countrySchema, languageSchema } from '../domain';
import { DASHBOARD_GROUPS } from './dashboard';
import { REMINDER_KINDS, REMINDER_SOURCES, reminderKindSchema, type ReminderKind } from './reminder.types';
import { digestSettingsSchema, leadDaysSchema, localTimeSchema, reminderSettingsSchema } from './reminder-settings';

const labelsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

// ---------------------------------------------------------------- done and snooze

/** Why a deadline or task is done. */
export const DONE_REASONS = ['actionTaken', 'documentReceived', 'decisionReceived', 'notApplicable', 'handledElsewhere', 'other', 'followedUp'] as const;
/**
 * The only "done" a procedure deadline takes: a dated follow-up while nothing has happened yet. The
 * deadline stays open (overdue if it is) until the event that meets it is recorded on the track.
 */
export const PROCEDURE_DONE_REASON = 'followedUp' satisfies DoneReason;
/** Why a reminder is put off. */
export const SNOOZE_REASONS = ['waitingForAuthority', 'waitingForPerson', 'waitingForDocument', 'appointmentPlanned', 'other'] as const;
export type DoneReason = (typeof DONE_REASONS)[number];
export type SnoozeReason = (typeof SNOOZE_REASONS)[number];

export const REMINDER_NOTE_MAX = 200;
/** An overdue deadline (or one due today) can be snoozed this many days at most; a later one until its due date. */
export const SNOOZE_MAX_DAYS_WHEN_DUE = 14;

/**
 * A reminder item's id: `procedure:<trackId>:<kind>`, `task:<taskId>`, `handover:<id>` or
 * `appointment:<appointmentId>`.
 * Opaque to the renderer, which only sends back what the dashboard gave it.
 */
export const reminderItemIdSchema = z
  .string()
  .min(3)
  .max(200)
  .regex(/^(procedure|task|handover|retention|appointment):[A-Za-z0-9:._-]+$/, 'reminderItemId');

const noteSchema = z.string().trim().max(REMINDER_NOTE_MAX).default('');

export const markDoneInputSchema = z.strictObject({
  itemId: reminderItemIdSchema,
  reason: z.enum(DONE_REASONS),
  note: noteSchema,
  /** For a task: the version it was shown at (a stale one is refused with CONFLICT). */
  expectedVersion: expectedVersionSchema,
});
export const snoozeInputSchema = z.strictObject({
  itemId: reminderItemIdSchema,
  /** The reminder comes back on this day (hidden and silent before it). */
  until: calendarDateSchema,
  reason: z.enum(SNOOZE_REASONS),
  note: noteSchema,
  expectedVersion: expectedVersionSchema,
});
export const reopenInputSchema = z.strictObject({ itemId: reminderItemIdSchema, expectedVersion: expectedVersionSchema });

export const reminderStateSchema = z.enum(['open', 'done', 'snoozed']);
export type ReminderState = z.infer<typeof reminderStateSchema>;

// ---------------------------------------------------------------- dashboard

export const dashboardGroupSchema = z.enum(DASHBOARD_GROUPS);
export const DASHBOARD_ROWS_DEFAULT = 50;
export const DASHBOARD_ROWS_MAX = 1000;
const rowLimit = z.number().int().min(1).max(DASHBOARD_ROWS_MAX);

export const dashboardInputSchema = z.strictObject({
  /** 'mine': the user's cases and tasks. A caseworker only ever gets their own (also with 'all'). */
  scope: z.enum(['mine', 'all']).default('mine'),
  /** Rows sent per group (counts are always complete); default DASHBOARD_ROWS_DEFAULT. */
  limits: z
    .strictObject({ overdue: rowLimit.optional(), today: rowLimit.optional(), thisWeek: rowLimit.optional(), next30Days: rowLimit.optional() })
    .default({}),
  /** Also list the deadlines marked done or snoozed (up to the horizon), to reopen one. */
  includeHandled: z.boolean().default(false),
  /** Default: today on this computer. */
  today: calendarDateSchema.optional(),
});
export type DashboardInput = z.input<typeof dashboardInputSchema>;

export const nonWorkingSchema = z.object({
  type: z.enum(['weekend', 'publicHoliday']),
  label: labelsSchema,
});

export const dashboardRowSchema = z.object({
  /** The reminder item's id (send it back to mark done, snooze or reopen). */
  id: z.string(),
  source: z.enum(REMINDER_SOURCES),
  kind: reminderKindSchema,
  /** Null for a task linked to nobody. */
  personId: z.string().nullable(),
  caseCode: z.string().nullable(),
  /** "Family, Given" or the first alias; null without a person. */
  name: z.string().nullable(),
  /** A task's title; null for other kinds. */
  title: z.string().nullable(),
  country: countrySchema,
  dueDate: calendarDateSchema,
  weekday: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  daysLeft: z.number().int(),
  /** Set when the due date is a weekend day or a public holiday of `country`. */
  nonWorking: nonWorkingSchema.nullable(),
  /** The last working day on or before the due date. */
  actBy: calendarDateSchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  state: reminderStateSchema,
  /** Set while snoozed: the day it comes back. */
  snoozedUntil: calendarDateSchema.nullable(),
  /** A procedure deadline followed up (still open): the day it was, else null. */
  followedUpOn: calendarDateSchema.nullable(),
  /** A procedure due date: what it rests on; null for tasks and handovers. */
  basis: z.enum(DUE_BASES).nullable().default(null),
  /** A procedure due date recomputed under corrected rules, not yet acknowledged. */
  recomputed: z.boolean().default(false),
  /** A task's version, sent back as expectedVersion when it is changed, done, snoozed or reopened; null for other kinds. */
  version: recordVersionSchema.nullable().default(null),
});
export type DashboardRowView = z.infer<typeof dashboardRowSchema>;

const groupSchema = z.object({ total: z.number().int(), rows: z.array(dashboardRowSchema) });

export const dashboardViewSchema = z.object({
  today: calendarDateSchema,
  weekEnd: calendarDateSchema,
  horizon: calendarDateSchema,
  scope: z.enum(['mine', 'all']),
  groups: z.object({ overdue: groupSchema, today: groupSchema, thisWeek: groupSchema, next30Days: groupSchema }),
  /** Open deadlines after the horizon (counted, not listed). */
  later: z.number().int(),
  /** Done or snoozed items up to the horizon (only with includeHandled; at most 200 rows). */
  handled: z.array(dashboardRowSchema),
  handledTotal: z.number().int(),
  /**
   * Persons with a document recorded without the printed expiry that alone dates it: no reminder
   * runs until it is entered (the first rows, in case-code order, and the count).
   */
  missingExpiry: z
    .object({
      total: z.number().int(),
      rows: z.array(z.object({ personId: z.string(), caseCode: z.string(), name: z.string().nullable(), country: countrySchema })),
    })
    .default({ total: 0, rows: [] }),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

// ---------------------------------------------------------------- tasks

export const TASK_TITLE_MAX = 200;
export const taskTitleSchema = z.string().trim().min(1).max(TASK_TITLE_MAX);

export const taskCreateSchema = z.strictObject({
  title: taskTitleSchema,
  dueDate: calendarDateSchema,
  /** Default: the signed-in user. A caseworker may only assign to themselves. */
  assigneeId: z.uuid().optional(),
  personId: z.uuid().nullable().default(null),
});
export const taskUpdateSchema = z.strictObject({
  id: z.uuid(),
  title: taskTitleSchema.optional(),
  dueDate: calendarDateSchema.optional(),
  assigneeId: z.uuid().optional(),
  personId: z.uuid().nullable().optional(),
  expectedVersion: expectedVersionSchema,
});
export const taskIdInputSchema = z.strictObject({ id: z.uuid() });
export const taskListInputSchema = z.strictObject({
  personId: z.uuid().optional(),
  includeDone: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: calendarDateSchema,
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  personId: z.string().nullable(),
  caseCode: z.string().nullable(),
  state: reminderStateSchema,
  snoozedUntil: calendarDateSchema.nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Raised by every change (also done, snoozed, reopened); sent back as expectedVersion. */
  version: recordVersionSchema,
});
export type TaskView = z.infer<typeof taskSchema>;

// ---------------------------------------------------------------- settings

/** The vault-wide lead days (admin). The input accepts a subset of kinds; the others keep their value. */
export const reminderSettingsViewSchema = reminderSettingsSchema;
export const reminderSettingsUpdateSchema = z.strictObject({
  leadDays: z.strictObject(
    Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, leadDaysSchema.optional()])) as Record<ReminderKind, z.ZodOptional<typeof leadDaysSchema>>,
  ),
});

/** This desktop's preferences (electron-store: nothing personal). */
export const desktopReminderPrefsSchema = z.object({
  notifications: z.boolean().default(true),
  digest: digestSettingsSchema.default({ enabled: false, time: '08:00' }),
  /** Closing the window keeps Passerelle in the tray (locked), so reminders keep coming. */
  keepRunningInTray: z.boolean().default(false),
});
export type DesktopReminderPrefs = z.output<typeof desktopReminderPrefsSchema>;
export const DEFAULT_DESKTOP_REMINDER_PREFS: DesktopReminderPrefs = {
  notifications: true,
  digest: { enabled: false, time: '08:00' },
  keepRunningInTray: false,
};
export const desktopReminderPrefsInputSchema = z.strictObject({
  notifications: z.boolean(),
  digest: z.strictObject({ enabled: z.boolean(), time: localTimeSchema }),
  keepRunningInTray: z.boolean(),
});
/** What the renderer learns besides the preferences: whether this build can use them. */
export const desktopReminderPrefsViewSchema = desktopReminderPrefsSchema.extend({
  /** False in the CLI and the test bridge: no desktop notifications or tray there. */
  supported: z.object({ notifications: z.boolean(), tray: z.boolean() }),
});

// ---------------------------------------------------------------- calendar

export const CALENDAR_DAYS_DEFAULT = 365;
export const calendarExportInputSchema = z.strictObject({
  scope: z.enum(['mine', 'all']).default('mine'),
  /** Deadlines from today to today + withinDays. */
  withinDays: z.number().int().min(1).max(3660).default(CALENDAR_DAYS_DEFAULT),
  /** The language of the event titles; default this desktop's. */
  language: languageSchema.optional(),
});
export const calendarExportSchema = z.object({
  /** `passerelle-deadlines-YYYY-MM-DD.ics`: no personal data. */
  fileName: z.string(),
  /** RFC 5545 text. */
  content: z.string(),
  events: z.number().int(),
});
