/**
 * What a connected desktop's main process (or the test bridge in its client mode) holds instead of
 * the embedded core: a RemoteRouter, plus the renderer events the embedded core would have sent.
 *
 * - `session.changed` after a sign-in or a sign-out through the server, and when the server says
 *   the session ended (LOCKED), so the renderer returns to its unlock screen as it does today.
 * - `data.changed` for every change event the server pushes (channel and time only), so lists,
 *   person pages and the dashboard re-read (docs/team-server.md "Change events").
 * - `server.reachability` when the server stops or starts answering, so the renderer shows one
 *   clear "cannot reach the office server since HH:MM; retrying" state.
 * - `session.changed` with reason `server-restart` when the server forgot this desktop's session
 *   after being out of reach (a restart): the renderer keeps the open screens, and their unsaved
 *   input, hidden behind the sign-in until the same user signs in again.
 *
 * Plain Node (no electron): main only forwards `onEvent` to the window.
 */
import { AppError, type Result } from '../../shared/errors';
import { contract, type EventName, type EventPayload } from '../../shared/ipc/contract';
import type { PreferencesStore } from '../core/ports';
import type { DesktopReminderPrefsStore } from '../core/reminders/reminder-notifications';
import type { Router } from '../core/router';
import { RemoteRouter, type Reachability } from './remote-router';
import type { Pin } from './pinned-tls';
import { RemoteReminders, type RemoteRemindersOptions } from './remote-reminders';

export type DesktopEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface RemoteDesktopOptions {
  url: string;
  fingerprint: string | Pin;
  prefs?: PreferencesStore;
  retryForMs?: number;
  timeoutMs?: number;
  /** This desktop's notifications of its user's reminders, fed by the server (remote-reminders.ts). */
  reminders?: Omit<RemoteRemindersOptions, 'router' | 'enabled'>;
  /** This desktop's reminder choices (electron-store): Settings reads and changes them here, not on the server. */
  reminderPrefs?: DesktopReminderPrefsStore;
}

/** Reminder choices belong to the desktop, as in embedded mode: answered here, never sent. */
const LOCAL_REMINDER_CHANNELS = new Set<unknown>(['reminders.desktopPrefs', 'reminders.setDesktopPrefs']);

export class RemoteDesktop implements Router {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>();
  private stopEvents: (() => void) | null = null;
  private remote!: RemoteRouter;
  /** The server was out of reach while this desktop was signed in: a lost session then means a restart. */
  private outageWhileSignedIn = false;
  /** When this desktop last made a call that keeps its session alive on the server (ms). */
  private lastActive = 0;
  /** The organisation's auto-lock, from the last status (ms; 0 when not known). */
  private autoLockMs = 0;
  private reminders: RemoteReminders | null = null;
  private reminderPrefs: DesktopReminderPrefsStore | null = null;

  private constructor() {}

  static async connect(options: RemoteDesktopOptions): Promise<RemoteDesktop> {
    const desktop = new RemoteDesktop();
    desktop.remote = await RemoteRouter.connect({
      url: options.url,
      fingerprint: options.fingerprint,
      ...(options.prefs ? { prefs: options.prefs } : {}),
      ...(options.retryForMs !== undefined ? { retryForMs: options.retryForMs } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      onReachability: (state: Reachability) => {
        if (!state.reachable && desktop.remote?.signedIn) desktop.outageWhileSignedIn = true;
        desktop.emit('server.reachability', state);
      },
    });
    const prefs = options.reminderPrefs;
    desktop.reminderPrefs = prefs ?? null;
    if (options.reminders) {
      desktop.reminders = new RemoteReminders({ ...options.reminders, router: desktop.remote, ...(prefs ? { enabled: () => prefs.get().notifications } : {}) });
    }
    return desktop;
  }

  get router(): RemoteRouter {
    return this.remote;
  }

  get pin(): Pin {
    return this.remote.pin;
  }

  onEvent(listener: DesktopEventListener): () => void {
    const wrapped = (event: EventName, payload: unknown) => listener(event, payload as EventPayload<typeof event>);
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  async call(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (this.reminderPrefs && LOCAL_REMINDER_CHANNELS.has(channel)) return this.reminderPrefsCall(this.reminderPrefs, channel, input);
    const wasSignedIn = this.remote.signedIn;
    const result = await this.remote.call(channel, input);
    this.noteActivity(channel, result);
    if (channel === 'session.unlock' && result.ok) {
      this.outageWhileSignedIn = false;
      this.startEvents();
      this.reminders?.start();
      this.emit('session.changed', { state: 'unlocked', reason: 'unlock' });
    } else if (channel === 'session.lock' && wasSignedIn) {
      this.outageWhileSignedIn = false;
      this.stopEvents?.();
      this.stopEvents = null;
      this.reminders?.stop();
      this.emit('session.changed', { state: 'locked', reason: 'manual' });
    } else if (wasSignedIn && this.sessionLost(channel, result)) {
      // The server ended the session: after an outage, because it restarted (every token lives in its
      // memory), and the window keeps the user's unsaved input behind the sign-in; otherwise an idle
      // time-out or a disabled user, like the embedded idle lock.
      this.remote.forgetSession();
      const reason = this.outageWhileSignedIn || this.activeRecently() ? 'server-restart' : 'idle';
      this.outageWhileSignedIn = false;
      this.stopEvents?.();
      this.stopEvents = null;
      this.reminders?.stop();
      this.emit('session.changed', { state: 'locked', reason });
    }
    return result;
  }

  private noteActivity(channel: unknown, result: Result<unknown>): void {
    if (!result.ok) return;
    if (channel === 'app.status') {
      const minutes = (result.value as { autoLockMinutes?: unknown } | null)?.autoLockMinutes;
      if (typeof minutes === 'number' && minutes > 0) this.autoLockMs = minutes * 60_000;
    } else {
      // What the server counts as activity: every call but the status poll.
      this.lastActive = Date.now();
    }
  }

  /**
   * The session ended although this user was active within the auto-lock time: not the server's
   * idle time-out, so the server restarted (or ended it for another reason the same user can sign
   * in past). A margin covers the clocks of the two machines drifting apart.
   */
  private activeRecently(): boolean {
    return this.autoLockMs > 0 && Date.now() - this.lastActive < this.autoLockMs - 10_000;
  }

  /** LOCKED on any call, or a status without a user: the server does not know this desktop's token any more. */
  private sessionLost(channel: unknown, result: Result<unknown>): boolean {
    if (!result.ok) return result.error.code === 'LOCKED';
    return channel === 'app.status' && (result.value as { user?: unknown } | null)?.user === null;
  }

  /** Like the embedded core: only while signed in, the input checked against the contract. */
  private reminderPrefsCall(prefs: DesktopReminderPrefsStore, channel: unknown, input: unknown): Result<unknown> {
    if (!this.remote.signedIn) return { ok: false, error: new AppError('LOCKED', 'locked').toPayload() };
    if (channel === 'reminders.setDesktopPrefs') {
      const parsed = contract['reminders.setDesktopPrefs'].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: new AppError('VALIDATION', 'validation').toPayload() };
      prefs.set(parsed.data);
      // Turned on: today's reminders come at once rather than at the next minute.
      if (parsed.data.notifications) void this.reminders?.check();
    }
    return { ok: true, value: { ...prefs.get(), supported: { ...prefs.supported } } };
  }

  private startEvents(): void {
    this.stopEvents?.();
    this.stopEvents = this.remote.subscribe((event) => {
      this.emit('data.changed', { channel: event.channel, at: event.at });
      // A change may bring a reminder due today (a new task, an event recorded): ask at once.
      void this.reminders?.check();
    });
  }

  /** One round of reminders now (tests; main relies on the interval and the change events). */
  checkReminders(): Promise<number> {
    return this.reminders?.check() ?? Promise.resolve(0);
  }

  close(): void {
    this.reminders?.stop();
    this.stopEvents?.();
    this.stopEvents = null;
    this.listeners.clear();
    this.remote.close();
  }
}
