/**
 * Who may reach which case: admins and coordinators every case; a caseworker only
 * the cases assigned to them. Any other case is NOT_FOUND for a caseworker, never FORBIDDEN, so the
 * answer does not tell them that the record exists.
 */
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import type { Db } from '../../../db/connection';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';

export function seesEveryCase(actor: SessionUser): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator';
}

export function mayReach(actor: SessionUser, row: Pick<PersonRow, 'caseworkerId'>): boolean {
  return seesEveryCase(actor) || row.caseworkerId === actor.id;
}

/** The person's row if `actor` may reach it; NOT_FOUND otherwise (also when it does not exist). */
export function reachablePerson(db: Db, actor: SessionUser, personId: string): PersonRow {
  const row = new PersonsRepo(db).byId(personId);
  if (!row || !mayReach(actor, row)) throw new AppError('NOT_FOUND', 'notFound');
  return row;
}

/** The calendar day on this computer (the Clock port's local date), for age and deadlines. */
export function todayOf(clock: Clock): CalendarDate {
  const d = clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as CalendarDate;
}

/** Audit entry fields for an action on a person: the actor and the pseudonymous record id only. */
export function personSubject(actor: SessionUser, personId: string) {
  return { actorId: actor.id, actorName: actor.username, subjectType: 'person', subjectId: personId } as const;
}
