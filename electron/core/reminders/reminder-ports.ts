/**
 * The ports of the reminder scheduler, and the adapters that need no Electron and no database.
 *
 * The integrator provides:
 * - a `FiredTable` over a table of the encrypted vault (one row per fired reminder id, primary key
 *   the id), wrapped in `MirroredFiredStore` so the scheduler can read and record fired reminders
 *   while the vault is locked (see there);
 * - a `Notifier` with Electron's `Notification` in electron/main (`new Notification({ title, body,
 *   silent: false }).show()`; a click may open the dashboard; nothing else is passed);
 * - a `DeadlineCache` filled at unlock and after every change of a deadline.
 */
import type { Logger } from '../ports';
import { toNotifiable, type NotifiableDeadline } from '../../../shared/reminders/reminder.types';

/** Shown by the operating system. Only text made by shared/reminders/reminder-texts. */
export interface ReminderNotification {
  readonly title: string;
  readonly body: string;
}

export interface Notifier {
  notify(notification: ReminderNotification): void;
}

/**
 * Which reminders have fired, so that each fires once per lead time, also across restarts.
 * Ids: `${itemId}:${dueDate}:${lead}` for reminders, `digest:${date}` for the daily digest.
 * `has` must answer whether or not the vault is locked (use MirroredFiredStore for a vault table).
 */
export interface FiredStore {
  has(reminderId: string): boolean;
  add(reminderIds: readonly string[]): void;
}

export class MemoryFiredStore implements FiredStore {
  private readonly ids = new Set<string>();

  has(reminderId: string): boolean {
    return this.ids.has(reminderId);
  }

  add(reminderIds: readonly string[]): void {
    for (const id of reminderIds) this.ids.add(id);
  }

  get size(): number {
    return this.ids.size;
  }
}

/** The vault table behind a MirroredFiredStore. Both methods may throw while the vault is locked. */
export interface FiredTable {
  loadAll(): Iterable<string>;
  /** Inserts ids, ignoring those already present (INSERT OR IGNORE). */
  insert(reminderIds: readonly string[]): void;
}

/**
 * A FiredStore that answers from memory and writes behind to the vault table: reminders fired while the
 * vault is locked are kept in memory and written at the next unlock (`load`) or the next successful add.
 * Call `load()` when the vault is unlocked (it merges, never forgets what was fired while locked).
 *
 * Trade-off: a reminder fired while locked and followed by a quit before any unlock is not recorded,
 * and fires once more after the restart (never lost, at worst repeated once).
 * Pruning the table (rows whose due date, the part before the last ':', is months past) is the
 * integrator's choice; a pruned reminder of a passed deadline is never due again anyway unless the
 * deadline is still open, in which case one more reminder is the right outcome.
 */
export class MirroredFiredStore implements FiredStore {
  private readonly mirror = new Set<string>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly table: FiredTable,
    private readonly logger?: Logger,
  ) {}

  /** Reads the table into memory (at unlock), then writes what was fired meanwhile. */
  load(): void {
    for (const id of this.table.loadAll()) this.mirror.add(id);
    this.flush();
  }

  has(reminderId: string): boolean {
    return this.mirror.has(reminderId);
  }

  add(reminderIds: readonly string[]): void {
    for (const id of reminderIds) {
      this.mirror.add(id);
      this.pending.add(id);
    }
    this.flush();
  }

  /** Writes pending ids; false (and kept for later) when the table cannot be written (locked). */
  flush(): boolean {
    if (this.pending.size === 0) return true;
    try {
      this.table.insert([...this.pending]);
      this.pending.clear();
      return true;
    } catch {
      this.logger?.info('reminders.firedPending', { count: this.pending.size });
      return false;
    }
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}

/** Where the scheduler reads the open deadlines. Synchronous: it answers from memory. */
export interface DeadlineSource {
  deadlines(): readonly NotifiableDeadline[];
}

/**
 * The non-personal list the scheduler works on, kept in main-process memory while the vault is
 * locked: id, kind, due date, country and case code of every open deadline (done and snoozed ones
 * left out by the integrator). Whatever objects are passed in, only those five fields are kept.
 *
 * Trade-off (the integrator decides, see README): keeping it lets reminders fire while the vault is
 * locked, as they must, at the price of case codes and dates staying in memory (never on disk);
 * calling `clear()` on lock keeps nothing but then nothing fires until the next unlock. After a
 * restart nothing fires before the first unlock either way: the list is never written outside the vault.
 */
export class DeadlineCache implements DeadlineSource {
  private list: readonly NotifiableDeadline[] = [];

  replace(deadlines: readonly NotifiableDeadline[]): void {
    this.list = Object.freeze(deadlines.map(toNotifiable));
  }

  clear(): void {
    this.list = [];
  }

  deadlines(): readonly NotifiableDeadline[] {
    return this.list;
  }
}
