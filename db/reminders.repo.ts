/**
 * Reminders: the running due dates of procedure tracks joined with the case code, staff
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
  /** What the date rests on (exact, maximum, estimate, document). */
  basis: string;
  /** 1 while a recomputation of this due date is not acknowledged. */
  recomputed: number;
}

/** The columns every procedure-due query selects after the track's. */
const DUE_EXTRA = `d.basis AS basis,
             EXISTS (SELECT 1 FROM deadline_recomputations rc
                      WHERE rc.track_id = d.track_id AND rc.kind = d.kind AND rc.acknowledged_at IS NULL) AS recomputed`;

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
  /** Raised by every change of the task (docs/team-server.md "Concurrent edits"). */
  version: number;
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

/**
 * Running due dates (procedureDue). A caseload: the caseworker's persons from the covering index
 * persons_caseload, then each one's due dates from the covering index track_due_dates_person (one
 * seek per person; no person, track or due-date row read), so a caseload of thousands costs
 * thousands of index entries, not the whole vault.
 */
function procedureDueQuery(range: { from: CalendarDate | null; to: CalendarDate | null }, caseworkerId: string | null): { sqlText: string; params: Record<string, string> } {
  const where = [
    range.to ? 'd.due_date <= @to' : null,
    range.from ? 'd.due_date >= @from' : null,
    caseworkerId ? 'p.caseworker_id = @caseworkerId' : null,
  ].filter(Boolean);
  const from = caseworkerId ? 'persons p CROSS JOIN track_due_dates d ON d.person_id = p.id' : 'track_due_dates d JOIN persons p ON p.id = d.person_id';
  const sqlText = `
      SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
             p.case_code AS caseCode, p.caseworker_id AS caseworkerId, ${DUE_EXTRA}
        FROM ${from}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const params: Record<string, string> = {};
  if (range.to) params.to = range.to;
  if (range.from) params.from = range.from;
  if (caseworkerId) params.caseworkerId = caseworkerId;
  return { sqlText, params };
}

/** Running due dates after `after` (procedureDueAfter), a caseload's over the same covering index. */
function procedureDueAfterQuery(after: CalendarDate, caseworkerId: string | null): { sqlText: string; params: Record<string, string> } {
  const sqlText = caseworkerId
    ? `SELECT count(*) AS n FROM persons p CROSS JOIN track_due_dates d ON d.person_id = p.id
        WHERE p.caseworker_id = @caseworkerId AND d.due_date > @after`
    : 'SELECT count(*) AS n FROM track_due_dates WHERE due_date > @after';
  return { sqlText, params: caseworkerId ? { after, caseworkerId } : { after } };
}

/**
 * Open persons without a recorded expiry (missingExpiry): everyone's over the partial index
 * persons_missing_expiry, a caseload's over persons_caseworker_missing_expiry, already in case-code order.
 */
function missingExpiryQuery(caseworkerId: string | null, limit: number): { countText: string; rowsText: string; params: Record<string, string | number> } {
  const where = `missing_expiry_country IS NOT NULL AND is_open = 1${caseworkerId ? ' AND caseworker_id = @caseworkerId' : ''}`;
  // Named, not left to the planner: with statistics (ANALYZE) it preferred persons_caseworker_due
  // for the count, reading the caseload's rows (7 ms for 3,000 persons instead of 0.06 ms).
  const persons = `persons INDEXED BY ${caseworkerId ? 'persons_caseworker_missing_expiry' : 'persons_missing_expiry'}`;
  return {
    countText: `SELECT count(*) FROM ${persons} WHERE ${where}`,
    rowsText: `SELECT id, case_code AS caseCode, given_names AS givenNames, family_name AS familyName, aliases, missing_expiry_country AS country
           FROM ${persons} WHERE ${where} ORDER BY case_code LIMIT @limit`,
    params: caseworkerId ? { caseworkerId, limit } : { limit },
  };
}

export class RemindersRepo {
  constructor(private readonly db: Db) {}

  // ------------------------------------------------------------ procedure due dates

  /**
   * Running due dates from `from` to `to` (both included; null: unbounded), with the person's case code
   * and caseworker; only the persons of `caseworkerId` when given (procedureDueQuery).
   * Unordered: the caller groups them.
   */
  procedureDue(range: { from: CalendarDate | null; to: CalendarDate | null }, caseworkerId: string | null): ProcedureDueRow[] {
    const { sqlText, params } = procedureDueQuery(range, caseworkerId);
    return this.db.$client.prepare(sqlText).all(params) as ProcedureDueRow[];
  }

  /** How many running due dates fall after `after` (the dashboard's "later"). */
  procedureDueAfter(after: CalendarDate, caseworkerId: string | null): number {
    const { sqlText, params } = procedureDueAfterQuery(after, caseworkerId);
    return (this.db.$client.prepare(sqlText).get(params) as { n: number }).n;
  }

  /** How many running due dates fall from `from` to `to` (both included; null: unbounded), over the due-date index only. */
  procedureDueCount(from: CalendarDate | null, to: CalendarDate | null): number {
    const where = [from ? 'due_date >= @from' : null, to ? 'due_date <= @to' : null].filter(Boolean);
    const params: Record<string, string> = {};
    if (from) params.from = from;
    if (to) params.to = to;
    return this.db.$client
      .prepare(`SELECT count(*) FROM track_due_dates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
      .pluck()
      .get(params) as number;
  }

  /**
   * The first `limit` running due dates from `from` to `to` in the dashboard's order (due date, case
   * code, item id), leaving out those snoozed on `today` (a procedure deadline marked "followed up"
   * stays listed: it ends only when its event is recorded). Reads the due-date index in order and
   * stops after `limit` rows (plus the rest of the last day): a page costs the page, not the range.
   */
  procedureDueFirst(from: CalendarDate | null, to: CalendarDate, today: CalendarDate, limit: number): ProcedureDueRow[] {
    return this.db.$client
      .prepare(
        `SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
                p.case_code AS caseCode, p.caseworker_id AS caseworkerId, ${DUE_EXTRA}
           FROM track_due_dates d INDEXED BY track_due_dates_due JOIN persons p ON p.id = d.person_id
          WHERE d.due_date >= @from AND d.due_date <= @to
            AND NOT EXISTS (SELECT 1 FROM reminder_dispositions r
                             WHERE r.item_id = 'procedure:' || d.track_id || ':' || d.kind AND r.due_date = d.due_date
                               AND r.snoozed_until > @today)
          ORDER BY d.due_date, p.case_code, d.track_id, d.kind
          LIMIT @limit`,
      )
      .all({ from: from ?? '0000-01-01', to, today, limit }) as ProcedureDueRow[];
  }

  /**
   * Procedure due dates snoozed on `today`, whose decision is about their current due date,
   * up to `to`; only the persons of `caseworkerId` when given. Few rows: decisions about older due
   * dates are pruned (pruneStaleDispositions).
   */
  procedureHandled(to: CalendarDate, today: CalendarDate, caseworkerId: string | null): (ProcedureDueRow & { state: 'done' | 'snoozed'; snoozedUntil: CalendarDate | null })[] {
    return this.db.$client
      .prepare(
        `SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
                p.case_code AS caseCode, p.caseworker_id AS caseworkerId, r.state, r.snoozed_until AS snoozedUntil,
                ${DUE_EXTRA}
           FROM reminder_dispositions r
           JOIN track_due_dates d ON d.track_id = substr(r.item_id, 11, instr(substr(r.item_id, 11), ':') - 1)
                                 AND d.kind = substr(r.item_id, 11 + instr(substr(r.item_id, 11), ':'))
           JOIN persons p ON p.id = d.person_id
          WHERE r.item_id LIKE 'procedure:%' AND r.due_date = d.due_date AND d.due_date <= @to
            AND r.state = 'snoozed' AND r.snoozed_until > @today
            ${caseworkerId ? 'AND p.caseworker_id = @caseworkerId' : ''}`,
      )
      .all(caseworkerId ? { to, today, caseworkerId } : { to, today }) as (ProcedureDueRow & {
      state: 'done' | 'snoozed';
      snoozedUntil: CalendarDate | null;
    })[];
  }

  /** One running due date, with the person (for mark done / snooze). */
  procedureDueOne(trackId: string, kind: string): ProcedureDueRow | undefined {
    return this.db.$client
      .prepare(
        `SELECT d.track_id AS trackId, d.person_id AS personId, d.kind, d.due_date AS dueDate, d.country,
                p.case_code AS caseCode, p.caseworker_id AS caseworkerId, ${DUE_EXTRA}
           FROM track_due_dates d JOIN persons p ON p.id = d.person_id
          WHERE d.track_id = @trackId AND d.kind = @kind`,
      )
      .get({ trackId, kind }) as ProcedureDueRow | undefined;
  }

  /** Removes decisions about procedure due dates that moved or ended: they can never apply again. */
  pruneStaleDispositions(): number {
    return this.db.$client
      .prepare(
        `DELETE FROM reminder_dispositions
          WHERE item_id LIKE 'procedure:%'
            AND NOT EXISTS (SELECT 1 FROM track_due_dates d
                             WHERE d.track_id = substr(item_id, 11, instr(substr(item_id, 11), ':') - 1)
                               AND d.kind = substr(item_id, 11 + instr(substr(item_id, 11), ':'))
                               AND d.due_date = reminder_dispositions.due_date)`,
      )
      .run().changes;
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
             p.case_code AS caseCode, p.caseworker_id AS caseworkerId, t.state, t.snoozed_until AS snoozedUntil,
             t.version
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

  insertTask(row: typeof staffTasks.$inferInsert): void {
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

  /**
   * Open persons with a document recorded without the printed expiry that alone dates it (no reminder
   * can run); only `caseworkerId`'s when given (missingExpiryQuery).
   */
  missingExpiry(caseworkerId: string | null, limit: number): { total: number; rows: (PersonNameRow & { country: Country })[] } {
    const { countText, rowsText, params } = missingExpiryQuery(caseworkerId, limit);
    const total = this.db.$client.prepare(countText).pluck().get(params) as number;
    const rows = this.db.$client.prepare(rowsText).all(params) as (PersonNameRow & { country: Country })[];
    return { total, rows };
  }

  /**
   * The query plans of a caseload's dashboard reads (procedureDue, procedureDueAfter, missingExpiry
   * for `caseworkerId`): tests check that they stay on the indexes made for them.
   */
  explainCaseload(
    caseworkerId: string,
    today: CalendarDate,
  ): { procedureDue: string[]; procedureDueAfter: string[]; missingExpiry: string[]; missingExpiryCount: string[] } {
    const plan = (sqlText: string, params: Record<string, string | number>) =>
      (this.db.$client.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const due = procedureDueQuery({ from: null, to: today }, caseworkerId);
    const after = procedureDueAfterQuery(today, caseworkerId);
    const missing = missingExpiryQuery(caseworkerId, 10);
    return {
      procedureDue: plan(due.sqlText, due.params),
      procedureDueAfter: plan(after.sqlText, after.params),
      missingExpiry: plan(missing.rowsText, missing.params),
      missingExpiryCount: plan(missing.countText, missing.params),
    };
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

  /**
   * Before a person is erased: removes the fired reminders of their procedure tracks, handovers and
   * tasks (ids `procedure:<trackId>:…`, `handover:<handoverId>:…`, `task:<taskId>:…`).
   */
  forgetFiredOfPerson(personId: string): number {
    // Team mode keeps the same ids per user (db/schema/team.table.ts): forgotten with the person too.
    this.db.$client
      .prepare(
        `DELETE FROM reminder_notified WHERE EXISTS (
           SELECT 1 FROM (
             SELECT 'procedure:' || id || ':' AS prefix FROM tracks WHERE person_id = @p
             UNION ALL SELECT 'handover:' || id || ':' FROM handovers WHERE person_id = @p
             UNION ALL SELECT 'task:' || id || ':' FROM staff_tasks WHERE person_id = @p
           ) AS owned WHERE substr(reminder_notified.reminder_id, 1, length(owned.prefix)) = owned.prefix
         )`,
      )
      .run({ p: personId });
    return this.db.$client
      .prepare(
        `DELETE FROM reminder_fired WHERE EXISTS (
           SELECT 1 FROM (
             SELECT 'procedure:' || id || ':' AS prefix FROM tracks WHERE person_id = @p
             UNION ALL SELECT 'handover:' || id || ':' FROM handovers WHERE person_id = @p
             UNION ALL SELECT 'task:' || id || ':' FROM staff_tasks WHERE person_id = @p
           ) AS owned WHERE substr(reminder_fired.id, 1, length(owned.prefix)) = owned.prefix
         )`,
      )
      .run({ p: personId }).changes;
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
