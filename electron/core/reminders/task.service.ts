/**
 * Staff tasks (tasks that staff create themselves): a title, a due date, an
 * assignee and optionally the person the task is about. They remind like deadlines (kind 'task').
 *
 * Access: admins and coordinators see and change every task and assign to any active staff member;
 * a caseworker sees the tasks assigned to them or about the persons assigned to them (any other is
 * NOT_FOUND), may only link a task to one of their persons, and only assigns tasks to themselves.
 * Audit: the action with the person's uuid when the task is about someone, else the task's uuid;
 * the title (free text) never goes to the audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { RemindersRepo, type TaskDueRow } from '../../../db/reminders.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { TaskView } from '../../../shared/reminders/reminders.schema';
import { reachablePerson, seesEveryCase } from '../persons/person-access';
import type { VaultService } from '../vault/vault.service';
import { checkVersion } from '../record-version';
import { taskStamp, taskVisibility, visibleTask } from './reminder-sources';
import type { ReminderService } from './reminder.service';

export interface TaskCreateInput {
  title: string;
  dueDate: CalendarDate;
  assigneeId?: string | undefined;
  personId: string | null;
}

export interface TaskUpdateInput {
  id: string;
  title?: string | undefined;
  dueDate?: CalendarDate | undefined;
  assigneeId?: string | undefined;
  personId?: string | null | undefined;
  expectedVersion?: number | undefined;
}

function subject(actor: SessionUser, task: { id: string; personId: string | null }) {
  return task.personId
    ? ({ actorId: actor.id, actorName: actor.username, subjectType: 'person', subjectId: task.personId } as const)
    : ({ actorId: actor.id, actorName: actor.username, subjectType: 'task', subjectId: task.id } as const);
}

export class TaskService {
  constructor(
    private readonly vault: VaultService,
    private readonly reminders: ReminderService,
  ) {}

  /** An active staff member the actor may assign to (a caseworker: only themselves). */
  private checkAssignee(db: Db, actor: SessionUser, assigneeId: string): void {
    if (!seesEveryCase(actor) && assigneeId !== actor.id) throw new AppError('FORBIDDEN', 'forbidden');
    const user = new UsersRepo(db).byId(assigneeId);
    if (!user || user.status !== 'active') {
      throw new AppError('VALIDATION', 'taskAssigneeInvalid', undefined, {
        fields: [{ path: 'assigneeId', code: 'invalid_assignee', message: 'Not an active staff member' }],
      });
    }
  }

  private view(db: Db, row: TaskDueRow): TaskView {
    const task = new RemindersRepo(db).task(row.id);
    const assignee = new UsersRepo(db).byId(row.assigneeId);
    return {
      id: row.id,
      title: row.title,
      dueDate: row.dueDate,
      assigneeId: row.assigneeId,
      assigneeName: assignee?.displayName ?? null,
      personId: row.personId,
      caseCode: row.caseCode,
      state: row.state,
      snoozedUntil: row.snoozedUntil,
      createdAt: task?.createdAt ?? '',
      createdBy: task?.createdBy ?? null,
      version: task?.version ?? 1,
    };
  }

  list(input: { personId?: string | undefined; includeDone: boolean; limit: number }): TaskView[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      if (input.personId) reachablePerson(db, actor, input.personId);
      const rows = new RemindersRepo(db).tasksDue(null, taskVisibility({ actor, scope: 'all' }), {
        includeDone: input.includeDone,
        ...(input.personId ? { personId: input.personId } : {}),
        limit: input.limit,
      });
      return rows.map((row) => this.view(db, row));
    });
  }

  create(input: TaskCreateInput): TaskView {
    const actor = this.vault.requireSession();
    const view = this.vault.write(({ db, now, audit }) => {
      const assigneeId = input.assigneeId ?? actor.id;
      this.checkAssignee(db, actor, assigneeId);
      if (input.personId) reachablePerson(db, actor, input.personId);
      const country = new SettingsRepo(db).organisation()?.country ?? 'BE';
      const id = randomUUID();
      new RemindersRepo(db).insertTask({
        id,
        title: input.title,
        dueDate: input.dueDate,
        assigneeId,
        personId: input.personId,
        country,
        state: 'open',
        snoozedUntil: null,
        stateReason: null,
        stateNote: null,
        stateAt: null,
        stateBy: null,
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
      });
      audit({ ...subject(actor, { id, personId: input.personId }), action: 'task.create', details: { taskId: id } });
      return this.view(db, visibleTask(db, actor, id));
    });
    this.reminders.changed();
    return view;
  }

  update(input: TaskUpdateInput): TaskView {
    const actor = this.vault.requireSession();
    const view = this.vault.write(({ db, now, audit }) => {
      const current = visibleTask(db, actor, input.id);
      const stamp = taskStamp(new RemindersRepo(db).task(current.id));
      checkVersion(db, input.expectedVersion, stamp);
      const changes: Parameters<RemindersRepo['updateTask']>[1] = { updatedAt: now, updatedBy: actor.id, version: stamp.version + 1 };
      const fields: string[] = [];
      if (input.title !== undefined && input.title !== current.title) {
        changes.title = input.title;
        fields.push('title');
      }
      if (input.dueDate !== undefined && input.dueDate !== current.dueDate) {
        changes.dueDate = input.dueDate;
        fields.push('dueDate');
        // A snooze was bounded by the old date: a new date reminds afresh.
        if (current.state === 'snoozed') {
          changes.state = 'open';
          changes.snoozedUntil = null;
        }
      }
      if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) {
        this.checkAssignee(db, actor, input.assigneeId);
        changes.assigneeId = input.assigneeId;
        fields.push('assigneeId');
      }
      if (input.personId !== undefined && input.personId !== current.personId) {
        if (input.personId) reachablePerson(db, actor, input.personId);
        changes.personId = input.personId;
        fields.push('personId');
      }
      if (fields.length === 0) return this.view(db, current);
      new RemindersRepo(db).updateTask(current.id, changes);
      const next = { id: current.id, personId: input.personId !== undefined ? input.personId : current.personId };
      audit({ ...subject(actor, next), action: 'task.update', details: { taskId: current.id, fields: fields.join(',') } });
      return this.view(db, visibleTask(db, actor, current.id));
    });
    this.reminders.changed();
    return view;
  }

  remove(input: { id: string }): null {
    const actor = this.vault.requireSession();
    this.vault.write(({ db, audit }) => {
      const current = visibleTask(db, actor, input.id);
      new RemindersRepo(db).deleteTask(current.id);
      audit({ ...subject(actor, current), action: 'task.delete', details: { taskId: current.id } });
    });
    this.reminders.changed();
    return null;
  }
}
