/**
 * Reminders (issue 4): the running due dates of procedure tracks joined with the case code, staff
 * tasks, done/snoozed decisions and the fired-reminders table. The dashboard reads thousands of due
 * dates at 100k persons, so those reads are hand-written statements over the due-date index, returning
 * only the narrow columns it groups on; names are fetched afterwards for the rows actually shown.
 */
import { eq, inArray } from 'drizzle-orm';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Country } from '../shared/domain';
import type { Db } from './connection';
import { reminderDispositions, reminderFired, staffTasks } from './schema';

export type DispositionRow = typeof reminderDispositions.$inferSelect;
export type TaskRow = typeof staffTasks.$inferSelect;

export interface ProcedureDueRow {
  trackId: string;
  personId: string;
  kind: string;
  dueDate: CalendarDate;
  country: Country;
  caseCode: string;
  caseworkerId: string | null;
}

export interface TaskDueRow {
  id: string;
  title: string;
  dueDate: CalendarDate;
  country: Country;
  assigneeId: string;
  personId: string | null;
  caseCode: string | null;
  caseworkerId: string | null;
  state: 'open' | 'done' | 'snoozed';
  snoozedUntil: CalendarDate | null;
}

/** Whose tasks: everyone's, those assigned to a user, or a caseworker's (assigned to them or about their cases). */
export type TaskVisibility = { kind: 'all' } | { kind: 'assigned'; userId: string } | { kind: 'caseworker'; userId: string };

export interface PersonNameRow {
  id: string;
  caseCode: string;
  givenNames: string;
  familyName: string;
  aliases: string;
}

const FIRED_BATCH = 400;

export class RemindersRepo {
  constructor(private readonly db: Db) {}

  // ------------------------------------------------------------ procedure due dates

  /**
   * Running due dates from `from` to `to` (both included; null: unbounded), with the person's case code
   * and caseworker; only the persons of `caseworkerId` when given. Unordered: the caller groups them.
   */
  procedureDue(range: { from: CalendarDate | null; to: CalendarDate | null }, caseworkerId: string | null): ProcedureDueRow[] {
    const where = [
      range.to ? 'd.due_date <= @to' : null,
      range.from ? 'd.due_date >= @from' : null,
      caseworkerId ? 'p.caseworker_id = @caseworkerId' : null,
    ].filter(Boolean);
    const sqlText = `
      SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
             p.case_code AS caseCode, p.caseworker_id AS caseworkerId
        FROM track_due_dates d JOIN persons p ON p.id = d.person_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const params: Record<string, string> = {};
    if (range.to) params.to = range.to;
    if (range.from) params.from = range.from;
    if (caseworkerId) params.caseworkerId = caseworkerId;
    return this.db.$client.prepare(sqlText).all(params) as ProcedureDueRow[];
  }

  /** How many running due dates fall after `after` (the dashboard's "later"). */
  procedureDueAfter(after: CalendarDate, caseworkerId: string | null): number {
    const sqlText = caseworkerId
      ? `SELECT count(*) AS n FROM track_due_dates d JOIN persons p ON p.id = d.person_id
          WHERE d.due_date > @after AND p.caseworker_id = @caseworkerId`
      : 'SELECT count(*) AS n FROM track_due_dates WHERE due_date > @after';
    const params: Record<string, string> = { after };
    if (caseworkerId) params.caseworkerId = caseworkerId;
    return (this.db.$client.prepare(sqlText).get(params) as { n: number }).n;
  }

  /** One running due date, with the person (for mark done / snooze). */
  procedureDueOne(trackId: string, kind: string): ProcedureDueRow | undefined {
    return this.db.$client
      .prepare(
        `SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
                p.case_code AS caseCode, p.caseworker_id AS caseworkerId
           FROM track_due_dates d JOIN persons p ON p.id = d.person_id
          WHERE d.track_id = @trackId AND d.kind = @kind`,
      )
      .get({ trackId, kind }) as ProcedureDueRow | undefined;
  }

  // ------------------------------------------------------------ tasks

  /** Tasks due up to `to` (null: any date), not done unless `includeDone`, that `visibility` allows. */
  tasksDue(to: CalendarDate | null, visibility: TaskVisibility, options: { includeDone: boolean; personId?: string; limit?: number }): TaskDueRow[] {
    const where = [
      options.includeDone ? null : "t.state <> 'done'",
      to ? 't.due_date <= @to' : null,
      options.personId ? 't.person_id = @personId' : null,
      visibility.kind === 'assigned' ? 't.assignee_id = @userId' : null,
      visibility.kind === 'caseworker' ? '(t.assignee_id = @userId OR p.caseworker_id = @userId)' : null,
    ].filter(Boolean);
    const sqlText = `
      SELECT t.id, t.title, t.due_date AS dueDate, t.country, t.assignee_id AS assigneeId, t.person_id AS personId,
             p.case_code AS caseCode, p.caseworker_id AS caseworkerId, t.state, t.snoozed_until AS snoozedUntil
        FROM staff_tasks t LEFT JOIN persons p ON p.id = t.person_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY t.due_date, t.id
       ${options.limit ? 'LIMIT @limit' : ''}`;
    const params: Record<string, string | number> = {};
    if (to) params.to = to;
    if (options.personId) params.personId = options.personId;
    if (visibility.kind !== 'all') params.userId = visibility.userId;
    if (options.limit) params.limit = options.limit;
    return this.db.$client.prepare(sqlText).all(params) as TaskDueRow[];
  }

  /** Open (or snoozed) tasks due after `after` that `visibility` allows. */
  tasksDueAfter(after: CalendarDate, visibility: TaskVisibility): number {
    const where = [
      "t.state <> 'done'",
      't.due_date > @after',
      visibility.kind === 'assigned' ? 't.assignee_id = @userId' : null,
      visibility.kind === 'caseworker' ? '(t.assignee_id = @userId OR p.caseworker_id = @userId)' : null,
    ].filter(Boolean);
    const params: Record<string, string> = { after };
    if (visibility.kind !== 'all') params.userId = visibility.userId;
    return (
      this.db.$client
        .prepare(`SELECT count(*) AS n FROM staff_tasks t LEFT JOIN persons p ON p.id = t.person_id WHERE ${where.join(' AND ')}`)
        .get(params) as { n: number }
    ).n;
  }

  task(id: string): TaskRow | undefined {
    return this.db.select().from(staffTasks).where(eq(staffTasks.id, id)).get();
  }

  insertTask(row: TaskRow): void {
    this.db.insert(staffTasks).values(row).run();
  }

  updateTask(id: string, values: Partial<Omit<TaskRow, 'id'>>): void {
    this.db.update(staffTasks).set(values).where(eq(staffTasks.id, id)).run();
  }

  deleteTask(id: string): void {
    this.db.delete(staffTasks).where(eq(staffTasks.id, id)).run();
  }

  // ------------------------------------------------------------ done / snoozed

  dispositions(): DispositionRow[] {
    return this.db.select().from(reminderDispositions).all();
  }

  disposition(itemId: string): DispositionRow | undefined {
    return this.db.select().from(reminderDispositions).where(eq(reminderDispositions.itemId, itemId)).get();
  }

  upsertDisposition(row: DispositionRow): void {
    const { itemId: _id, ...rest } = row;
    this.db.insert(reminderDispositions).values(row).onConflictDoUpdate({ target: reminderDispositions.itemId, set: rest }).run();
  }

  deleteDisposition(itemId: string): void {
    this.db.delete(reminderDispositions).where(eq(reminderDispositions.itemId, itemId)).run();
  }

  // ------------------------------------------------------------ names for the rows shown

  names(personIds: readonly string[]): Map<string, PersonNameRow> {
    const out = new Map<string, PersonNameRow>();
    for (let i = 0; i < personIds.length; i += 500) {
      const chunk = personIds.slice(i, i + 500);
      const rows = this.db.$client
        .prepare(
          `SELECT id, case_code AS caseCode, given_names AS givenNames, family_name AS familyName, aliases
             FROM persons WHERE id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk) as PersonNameRow[];
      for (const row of rows) out.set(row.id, row);
    }
    return out;
  }

  // ------------------------------------------------------------ fired reminders

  firedIds(): string[] {
    return (this.db.$client.prepare('SELECT id FROM reminder_fired').pluck().all() as string[]);
  }

  insertFired(ids: readonly string[], at: string): void {
    for (let i = 0; i < ids.length; i += FIRED_BATCH) {
      const chunk = ids.slice(i, i + FIRED_BATCH);
      this.db
        .insert(reminderFired)
        .values(chunk.map((id) => ({ id, firedAt: at })))
        .onConflictDoNothing()
        .run();
    }
  }

  /** Removes fired ids whose due date (the part before the last ':' of a reminder id) is before `before`. */
  pruneFired(before: CalendarDate): number {
    const ids = this.firedIds().filter((id) => {
      const parts = id.split(':');
      const date = id.startsWith('digest:') ? parts[1] : parts[parts.length - 2];
      return date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && date < before;
    });
    for (let i = 0; i < ids.length; i += FIRED_BATCH) {
      this.db.delete(reminderFired).where(inArray(reminderFired.id, ids.slice(i, i + FIRED_BATCH))).run();
    }
    return ids.length;
  }
}
