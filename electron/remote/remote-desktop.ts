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
      onReachability: (state: Reachability) => desktop.emit('server.reachability', state),
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
    if (channel === 'session.unlock' && result.ok) {
      this.startEvents();
      this.reminders?.start();
      this.emit('session.changed', { state: 'unlocked', reason: 'unlock' });
    } else if (channel === 'session.lock' && wasSignedIn) {
      this.stopEvents?.();
      this.stopEvents = null;
      this.reminders?.stop();
      this.emit('session.changed', { state: 'locked', reason: 'manual' });
    } else if (wasSignedIn && !result.ok && result.error.code === 'LOCKED') {
      // The server ended the session (idle time-out, disabled user): like the embedded idle lock.
      this.stopEvents?.();
      this.stopEvents = null;
      this.reminders?.stop();
      this.emit('session.changed', { state: 'locked', reason: 'idle' });
    }
    return result;
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
