/**
 * Reminders on a desktop connected to the office server (docs/team-server.md "Reminders"): while
 * its user is signed in, main asks the server every minute (and after each change event) which of
 * that user's reminders are due today and not yet shown to them, shows each through the desktop's
 * Notifier (Electron's Notification in main), then tells the server they were shown. The "already
 * shown" record lives on the server, per user and reminder, so a reminder fires once per user
 * across restarts of the server and of the desktops, and a colleague's desktop never shows it.
 *
 * The texts are made by the server with the desktop notifier's rules (shared/reminders/
 * reminder-texts.ts: the kind, the days and the case code; nothing else about the person).
 * Plain Node: electron/main only passes its Notifier.
 */
import type { Language } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import type { Out } from '../../shared/ipc/contract';
import type { Notifier } from '../core/reminders/reminder-ports';

/** The part of a router the poller needs (a RemoteRouter or a RemoteDesktop). */
export interface ReminderCaller {
  call(channel: 'reminders.pending' | 'reminders.notified', input: unknown): Promise<Result<unknown>>;
}

export interface RemoteRemindersOptions {
  router: ReminderCaller;
  notifier: Notifier;
  language: () => Language;
  /**
   * The desktop's own "notifications" choice (Settings, kept in electron-store): off, nothing is
   * asked, shown or recorded, so today's reminders still come once when it is turned on again.
   */
  enabled?: () => boolean;
  /** How often to ask while signed in (default one minute). */
  intervalMs?: number;
  onError?: (e: unknown) => void;
}

export const REMINDER_POLL_MS = 60_000;

export class RemoteReminders {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;

  constructor(private readonly options: RemoteRemindersOptions) {}

  /** Starts asking (at once, then every interval) until stop(). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? REMINDER_POLL_MS);
    this.timer.unref();
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One round: shows what is pending and records it as shown. Resolves to the number shown. A round
   * asked for while one runs runs once more after it (never two at once, so nothing shows twice).
   */
  check(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round()
      .catch((e: unknown) => {
        this.options.onError?.(e);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.check();
        }
      });
    return this.running;
  }

  private async round(): Promise<number> {
    if (this.options.enabled && !this.options.enabled()) return 0;
    const pending = await this.options.router.call('reminders.pending', { language: this.options.language() });
    if (!pending.ok) return 0; // signed out, or locked meanwhile: nothing to show
    const shown: string[] = [];
    let notifications = 0;
    for (const reminder of pending.value as Out<'reminders.pending'>) {
      try {
        this.options.notifier.notify({ title: reminder.title, body: reminder.body });
        shown.push(...reminder.ids);
        notifications += 1;
      } catch (e) {
        // Not recorded as shown: asked again at the next round.
        this.options.onError?.(e);
      }
    }
    for (let i = 0; i < shown.length; i += 500) {
      const marked = await this.options.router.call('reminders.notified', { ids: shown.slice(i, i + 500) });
      if (!marked.ok) this.options.onError?.(new Error(marked.error.code));
    }
    return notifications;
  }
}
