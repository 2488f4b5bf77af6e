/**
 * Where reminder items come from. Each source lists its dated items for a
 * viewer, finds one by id with the same access rules as the rest of the app, and may keep the done /
 * snoozed state itself (tasks do); the others' state lives in reminder_dispositions.
 *
 * Sources today: procedure due dates (track_due_dates, written by the procedure engine after every
 * change) and staff tasks. HOOK FOR ISSUE 5: handover deadlines become a third source. Implement
 * `ReminderSourceProvider` with `source: 'handover'`, items of kind 'handover' with ids
 * `handover:<handoverId>:<checklistItemId>` (the id regex in shared/reminders/reminders.schema.ts
 * allows them), the person's case code and the handover's country, and pass it to
 * `ReminderService.addSource()` in app-core.ts (and add the channels that change handover deadlines
 * to DEADLINE_CHANNELS there, so the notification cache is refreshed). Nothing else changes: the
 * dashboard, notifications, calendar export, done/snooze and the CLI all go through the sources.
 */
import { DUE_BASES, type DueBasis } from '../../../shared/procedure/engine';
import type { Db } from '../../../db/connection';
import { RemindersRepo, type ProcedureDueRow, type TaskDueRow, type TaskRow, type TaskVisibility } from '../../../db/reminders.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { addDays } from '../../../shared/dates/calendar-date';
import type { DashboardGroup, DashboardItem } from '../../../shared/reminders/dashboard';
import type { ReminderKind, ReminderSource } from '../../../shared/reminders/reminder.types';
import type { ReminderState } from '../../../shared/reminders/reminders.schema';
import { DUE_KINDS } from '../../../shared/rules/rule.types';
import { reachablePerson, seesEveryCase } from '../persons/person-access';
import type { RecordStamp } from '../record-version';
import type { WriteContext } from '../vault/vault.service';

/** A reminder item as the service handles it (never sent as is: rows are built from it). */
export interface SourceItem extends DashboardItem {
  readonly source: ReminderSource;
  readonly personId: string | null;
  /** The staff member responsible: the person's caseworker, or the task's assignee. */
  readonly assigneeId: string | null;
  /** A task's title (free text); null for other kinds. */
  readonly title: string | null;
  /** Kept by the source itself (tasks); undefined: look it up in reminder_dispositions. */
  readonly state?: ReminderState;
  readonly snoozedUntil?: CalendarDate | null;
  /** A task's version (a versioned record); undefined for the other sources. */
  readonly version?: number;
}

/** Who is looking, and whether they asked for their own cases or all they may see. */
export interface Viewer {
  readonly actor: SessionUser;
  readonly scope: 'mine' | 'all';
}

export type Decision =
  | { readonly state: 'done'; readonly reason: string; readonly note: string }
  | { readonly state: 'snoozed'; readonly until: CalendarDate; readonly reason: string; readonly note: string };

/** Due dates from `from` to `to`, both included; null: unbounded. */
export interface DueRange {
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
}

/** What the dashboard asks a large source for (see `summarize`). */
export interface SummaryQuery {
  readonly today: CalendarDate;
  readonly weekEnd: CalendarDate;
  readonly horizon: CalendarDate;
  readonly limits: Readonly<Record<DashboardGroup, number>>;
}

/** A large source's part of the dashboard: open items counted and the first rows of each group. */
export interface SourceSummary {
  readonly counts: Record<DashboardGroup, number>;
  /** The first `limits[group]` open items of each group, in the dashboard's order. */
  readonly rows: Record<DashboardGroup, SourceItem[]>;
  readonly later: number;
  /** Items done, or snoozed today, up to the horizon. */
  readonly handled: { item: SourceItem; state: 'done' | 'snoozed'; until: CalendarDate | null }[];
}

export interface ReminderSourceProvider {
  readonly source: ReminderSource;
  /** Items due in `range` the viewer sees, open, snoozed or (where kept) done. */
  list(db: Db, viewer: Viewer, range: DueRange): SourceItem[];
  /**
   * For a source too large to list at every dashboard (procedure due dates at 100k persons): its
   * counts and first rows straight from SQL. Null: the service lists and groups the items itself.
   */
  summarize?(db: Db, viewer: Viewer, query: SummaryQuery): SourceSummary | null;
  /**
   * How many items due after `after` the viewer sees. Optional: the dashboard counts a listed source's
   * later items from `list` itself (one read), and a summarising source reports `later` in its summary.
   */
  countAfter?(db: Db, viewer: Viewer, after: CalendarDate): number;
  /** The item with this id if `actor` may reach it; NOT_FOUND otherwise (also for another caseworker's). */
  get(db: Db, actor: SessionUser, itemId: string): SourceItem;
  /** For sources that keep the state themselves: store a decision (null: reopen). */
  decide?(ctx: WriteContext, item: SourceItem, decision: Decision | null, actor: SessionUser): void;
  /** For items that are versioned records (tasks): where the record stands, to refuse a stale decision. */
  stamp?(db: Db, item: SourceItem): RecordStamp;
}

export function sourceOf(itemId: string): ReminderSource | null {
  const prefix = itemId.slice(0, itemId.indexOf(':'));
  return prefix === 'procedure' || prefix === 'task' || prefix === 'handover' || prefix === 'retention' || prefix === 'appointment'
    ? prefix
    : null;
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'notFound');
}

// ---------------------------------------------------------------- procedure due dates

const PROCEDURE_KINDS = new Set<string>(DUE_KINDS);

export function procedureItemId(trackId: string, kind: string): string {
  return `procedure:${trackId}:${kind}`;
}

/** "My cases" and a caseworker's view: the persons assigned to them. */
function caseworkerFilter(viewer: Viewer): string | null {
  return !seesEveryCase(viewer.actor) || viewer.scope === 'mine' ? viewer.actor.id : null;
}

function procedureItem(r: ProcedureDueRow): SourceItem {
  return {
    id: procedureItemId(r.trackId, r.kind),
    source: 'procedure',
    kind: r.kind as ReminderKind,
    dueDate: r.dueDate,
    country: r.country,
    caseCode: r.caseCode,
    personId: r.personId,
    assigneeId: r.caseworkerId,
    title: null,
    basis: (DUE_BASES as readonly string[]).includes(r.basis) ? (r.basis as DueBasis) : undefined,
    recomputed: r.recomputed === 1,
  };
}

/** Rows of kinds this build knows (a kind it does not know is never guessed at). */
function procedureItems(rows: readonly ProcedureDueRow[]): SourceItem[] {
  const out: SourceItem[] = [];
  for (const r of rows) if (PROCEDURE_KINDS.has(r.kind)) out.push(procedureItem(r));
  return out;
}

export const procedureSource: ReminderSourceProvider = {
  source: 'procedure',

  list(db, viewer, range) {
    return procedureItems(new RemindersRepo(db).procedureDue(range, caseworkerFilter(viewer)));
  },

  /**
   * Every case (an admin's or coordinator's "all"): counts over the due-date index, the first rows of
   * each group read in order, and the few done or snoozed ones subtracted. A caseload ("my cases", a
   * caseworker) is listed instead: it is read from the caseworker's persons, thousands of rows at most.
   */
  summarize(db, viewer, q) {
    if (caseworkerFilter(viewer) !== null) return null;
    const repo = new RemindersRepo(db);
    const ranges: Record<DashboardGroup, [CalendarDate | null, CalendarDate]> = {
      overdue: [null, addDays(q.today, -1)],
      today: [q.today, q.today],
      thisWeek: [addDays(q.today, 1), q.weekEnd],
      next30Days: [addDays(q.weekEnd, 1), q.horizon],
    };
    const groupOf = (due: CalendarDate): DashboardGroup =>
      due < q.today ? 'overdue' : due === q.today ? 'today' : due <= q.weekEnd ? 'thisWeek' : 'next30Days';
    const handled = repo
      .procedureHandled(q.horizon, q.today, null)
      .filter((r) => PROCEDURE_KINDS.has(r.kind))
      .map((r) => ({ item: procedureItem(r), state: r.state, until: r.state === 'snoozed' ? r.snoozedUntil : null }));
    const counts = { overdue: 0, today: 0, thisWeek: 0, next30Days: 0 };
    const rows: Record<DashboardGroup, SourceItem[]> = { overdue: [], today: [], thisWeek: [], next30Days: [] };
    for (const group of Object.keys(ranges) as DashboardGroup[]) {
      const [from, to] = ranges[group];
      if (from !== null && from > to) continue;
      counts[group] = repo.procedureDueCount(from, to);
      rows[group] = procedureItems(repo.procedureDueFirst(from, to, q.today, q.limits[group]));
    }
    for (const h of handled) counts[groupOf(h.item.dueDate)] -= 1;
    return { counts, rows, later: repo.procedureDueAfter(q.horizon, null), handled };
  },

  countAfter(db, viewer, after) {
    return new RemindersRepo(db).procedureDueAfter(after, caseworkerFilter(viewer));
  },

  get(db, actor, itemId) {
    const match = /^procedure:([^:]+):([A-Za-z]+)$/.exec(itemId);
    if (!match) throw notFound();
    const row = new RemindersRepo(db).procedureDueOne(match[1] ?? '', match[2] ?? '');
    if (!row || !PROCEDURE_KINDS.has(row.kind)) throw notFound();
    reachablePerson(db, actor, row.personId);
    return procedureItem(row);
  },
};

// ---------------------------------------------------------------- staff tasks

export function taskItemId(taskId: string): string {
  return `task:${taskId}`;
}

/** Which tasks a viewer sees: a caseworker those assigned to them or about their cases. */
export function taskVisibility(viewer: Viewer): TaskVisibility {
  if (!seesEveryCase(viewer.actor)) return { kind: 'caseworker', userId: viewer.actor.id };
  return viewer.scope === 'mine' ? { kind: 'assigned', userId: viewer.actor.id } : { kind: 'all' };
}

/** Whether `actor` may see and change a task (assigned to them, about one of their cases, or any for admins and coordinators). */
export function maySeeTask(actor: SessionUser, task: { assigneeId: string; caseworkerId: string | null }): boolean {
  return seesEveryCase(actor) || task.assigneeId === actor.id || (task.caseworkerId !== null && task.caseworkerId === actor.id);
}

export function taskToItem(t: TaskDueRow): SourceItem {
  return {
    id: taskItemId(t.id),
    source: 'task',
    kind: 'task',
    dueDate: t.dueDate,
    country: t.country as Country,
    caseCode: t.caseCode ?? '',
    personId: t.personId,
    assigneeId: t.assigneeId,
    title: t.title,
    state: t.state,
    snoozedUntil: t.snoozedUntil,
    version: t.version,
  };
}

/** A task row with its person's case code and caseworker, or NOT_FOUND when `actor` may not see it. */
export function visibleTask(db: Db, actor: SessionUser, taskId: string): TaskDueRow {
  const repo = new RemindersRepo(db);
  const task = repo.task(taskId);
  if (!task) throw notFound();
  const person = task.personId ? db.$client.prepare('SELECT case_code AS caseCode, caseworker_id AS caseworkerId FROM persons WHERE id = ?').get(task.personId) as
    | { caseCode: string; caseworkerId: string | null }
    | undefined : undefined;
  const row: TaskDueRow = {
    id: task.id,
    title: task.title,
    dueDate: task.dueDate,
    country: task.country,
    assigneeId: task.assigneeId,
    personId: task.personId,
    caseCode: person?.caseCode ?? null,
    caseworkerId: person?.caseworkerId ?? null,
    state: task.state,
    snoozedUntil: task.snoozedUntil,
    version: task.version,
  };
  if (!maySeeTask(actor, row)) throw notFound();
  return row;
}

/** A task's version, and who changed it last and when. */
export function taskStamp(task: TaskRow | undefined): RecordStamp {
  if (!task) throw notFound();
  return { version: task.version, changedBy: task.updatedBy ?? null, changedAt: task.updatedAt };
}

export const taskSource: ReminderSourceProvider = {
  source: 'task',

  list(db, viewer, range) {
    return new RemindersRepo(db)
      .tasksDue(range.to, taskVisibility(viewer), { includeDone: false })
      .filter((t) => range.from === null || t.dueDate >= range.from)
      .map(taskToItem);
  },

  countAfter(db, viewer, after) {
    return new RemindersRepo(db).tasksDueAfter(after, taskVisibility(viewer));
  },

  get(db, actor, itemId) {
    const match = /^task:([0-9a-f-]{36})$/.exec(itemId);
    if (!match) throw notFound();
    return taskToItem(visibleTask(db, actor, match[1] ?? ''));
  },

  stamp(db, item) {
    return taskStamp(new RemindersRepo(db).task(item.id.slice('task:'.length)));
  },

  decide({ db, now }, item, decision, actor) {
    const taskId = item.id.slice('task:'.length);
    const repo = new RemindersRepo(db);
    repo.updateTask(taskId, {
      // Done, snoozed and reopened are changes of the task like any other: they raise its version.
      version: taskStamp(repo.task(taskId)).version + 1,
      state: decision ? decision.state : 'open',
      snoozedUntil: decision?.state === 'snoozed' ? decision.until : null,
      stateReason: decision?.reason ?? null,
      stateNote: decision?.note ?? null,
      stateAt: now,
      stateBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
    });
  },
};
