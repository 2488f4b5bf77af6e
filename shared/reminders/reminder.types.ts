/**
 * What a reminder is about: a dated deadline of a case, from a procedure
 * track, a task that staff created, or a handover. Pure data shared by main, the CLI and the renderer.
 *
 * A `ReminderItem` may carry the ids that link it to a person and a staff member (for the dashboard and
 * the "my cases" filter). What the notifier and the calendar export may see is the narrower
 * `NotifiableDeadline`: an opaque id, the kind, the date, the country and the case code. Nothing in it
 * names or describes a person.
 */
import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from '../dates/calendar-date';
import { countrySchema, type Country } from '../domain';
import { DUE_KINDS, type DueKind } from '../rules/rule.types';

export const REMINDER_SOURCES = ['procedure', 'task', 'handover', 'retention', 'appointment'] as const;
export type ReminderSource = (typeof REMINDER_SOURCES)[number];

/**
 * The procedure engine's due-date kinds, plus a staff task, a handover checklist deadline, and the
 * day a handed-over person's file is due for deletion here (the retention after the partner's receipt),
 * and a planned appointment with a service (docs/casework.md).
 */
export const REMINDER_KINDS = [
  ...DUE_KINDS,
  'task',
  'handover',
  'handoverRetentionEnd',
  'closedFileRetentionEnd',
  'appointment',
] as const;
/** closedFileRetentionEnd: a closed file reached the retention an administrator set (years after closing). */
export type ReminderKind = DueKind | 'task' | 'handover' | 'handoverRetentionEnd' | 'closedFileRetentionEnd' | 'appointment';
export const reminderKindSchema = z.enum(REMINDER_KINDS);

/**
 * Case codes as issued by Passerelle (`PAY-2026-0007`, shared/persons/case-code.ts). Only text of this
 * form goes into a notification or a calendar file: should an integration ever put something else
 * (a name) in the case-code field, it is left out instead of shown (see `notifiableCaseCode`).
 */
export const NOTIFIABLE_CASE_CODE = /^[A-Z]{2,5}-\d{4}-\d{4,}$/;

export function notifiableCaseCode(caseCode: string): string | null {
  return NOTIFIABLE_CASE_CODE.test(caseCode) ? caseCode : null;
}

export interface NotifiableDeadline {
  /**
   * Stable, opaque id of the deadline (e.g. `procedure:<trackId>:attestationExpiry`, `task:<taskId>`).
   * The due date need not be part of it: reminder ids add it (see `reminderId`).
   */
  readonly id: string;
  readonly kind: ReminderKind;
  readonly dueDate: CalendarDate;
  /** Whose public holidays count: the country of the procedure (or of the organisation for a task). */
  readonly country: Country;
  readonly caseCode: string;
}

export interface ReminderItem extends NotifiableDeadline {
  readonly personId: string;
  /** The staff member responsible; absent or null: nobody in particular ("all" only). */
  readonly assigneeId?: string | null | undefined;
  readonly trackId?: string | null | undefined;
  readonly source: ReminderSource;
}

export const notifiableDeadlineSchema = z.object({
  id: z.string().min(1).max(200),
  kind: reminderKindSchema,
  dueDate: calendarDateSchema,
  country: countrySchema,
  caseCode: z.string().min(1).max(40),
});

export const reminderItemSchema = notifiableDeadlineSchema.extend({
  personId: z.string().min(1).max(200),
  assigneeId: z.string().min(1).max(200).nullish(),
  trackId: z.string().min(1).max(200).nullish(),
  source: z.enum(REMINDER_SOURCES),
});

/** A copy with only the non-personal fields, whatever else the object carries. */
export function toNotifiable(item: NotifiableDeadline): NotifiableDeadline {
  return { id: item.id, kind: item.kind, dueDate: item.dueDate, country: item.country, caseCode: item.caseCode };
}
