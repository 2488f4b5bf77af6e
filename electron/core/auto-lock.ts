/**
 * Locks the vault after a period without activity. Pure timer logic on the Clock port,
 * tested with a fake clock; electron/main adds suspend and screen-lock through powerMonitor.
 */
import type { Clock, TimerHandle } from './ports';

export class AutoLock {
  private timer: TimerHandle | null = null;
  private lastActivity = 0;
  private timeoutMs = 5 * 60_000;
  private running = false;

  constructor(
    private readonly clock: Clock,
    private readonly onIdle: () => void,
  ) {}

  start(timeoutMinutes: number): void {
    this.timeoutMs = timeoutMinutes * 60_000;
    this.running = true;
    this.activity();
  }

  setTimeoutMinutes(minutes: number): void {
    this.timeoutMs = minutes * 60_000;
    if (this.running) this.schedule(this.lastActivity + this.timeoutMs - this.clock.now().getTime());
  }

  /** Any sign of use: input in the window, a call from the UI. */
  activity(): void {
    if (!this.running) return;
    this.lastActivity = this.clock.now().getTime();
    this.schedule(this.timeoutMs);
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = null;
  }

  isRunning(): boolean {
    return this.running;
  }

  private schedule(ms: number): void {
    this.timer?.cancel();
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, ms));
  }

  private fire(): void {
    if (!this.running) return;
    const idle = this.clock.now().getTime() - this.lastActivity;
    if (idle >= this.timeoutMs) {
      this.stop();
      this.onIdle();
    } else {
      this.schedule(this.timeoutMs - idle);
    }
  }
}
