/**
 * Planned appointments as a source of reminders (reminder-sources.ts): they appear on the dashboard
 * in the group of their day, for the person's caseworker ("my cases") and for everyone who may reach
 * the person ("all"), with ids `appointment:<uuid>`, the person's case code and the organisation's
 * country (whose public holidays are flagged). Done and snoozed on the dashboard live in
 * reminder_dispositions like procedure due dates; an appointment whose status is no longer 'planned'
 * leaves the dashboard.
 */
import { CaseworkRepo, type AppointmentRow } from '../../../db/casework.repo';
import type { Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import type { Country } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { reachablePerson, seesEveryCase } from '../persons/person-access';
import type { ReminderSourceProvider, SourceItem, Viewer } from '../reminders/reminder-sources';

/** Channels after which appointment due dates may have changed: the notification cache refreshes. */
export const APPOINTMENT_DEADLINE_CHANNELS: ReadonlySet<string> = new Set(['appointments.add', 'appointments.update', 'appointments.delete']);

export function appointmentItemId(appointmentId: string): string {
  return `appointment:${appointmentId}`;
}

function countryOf(db: Db): Country {
  return new SettingsRepo(db).organisation()?.country ?? 'BE';
}

function item(row: AppointmentRow, caseCode: string, caseworkerId: string | null, country: Country): SourceItem {
  return {
    id: appointmentItemId(row.id),
    source: 'appointment',
    kind: 'appointment',
    dueDate: row.date,
    country,
    caseCode,
    personId: row.personId,
    assigneeId: caseworkerId,
    title: null,
  };
}

/** "My cases" and a caseworker's view: the persons assigned to them. */
function caseworkerFilter(viewer: Viewer): string | null {
  return !seesEveryCase(viewer.actor) || viewer.scope === 'mine' ? viewer.actor.id : null;
}

export const appointmentReminderSource: ReminderSourceProvider = {
  source: 'appointment',

  list(db, viewer, range) {
    const country = countryOf(db);
    return new CaseworkRepo(db)
      .plannedAppointments(range, caseworkerFilter(viewer))
      .map((r) => item(r, r.caseCode, r.caseworkerId, country));
  },

  countAfter(db, viewer, after) {
    return new CaseworkRepo(db).countPlannedAfter(after, caseworkerFilter(viewer));
  },

  get(db, actor, itemId) {
    const match = /^appointment:([0-9a-f-]{36})$/.exec(itemId);
    const row = match ? new CaseworkRepo(db).appointment(match[1] ?? '') : undefined;
    if (!row || row.status !== 'planned') throw new AppError('NOT_FOUND', 'notFound');
    const person = reachablePerson(db, actor, row.personId);
    return item(row, person.caseCode, person.caseworkerId ?? null, countryOf(db));
  },
};
