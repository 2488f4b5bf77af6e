/** Small ports the core depends on; electron/main, the CLI and tests provide adapters. */
import type { Language } from '../../shared/domain';

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};

/**
 * Logs carry codes and counts only. Never pass a person's data, a password or a key:
 * `meta` values are limited to primitives so nothing structured slips in by accident.
 */
export interface Logger {
  info(event: string, meta?: Record<string, string | number | boolean>): void;
  warn(event: string, meta?: Record<string, string | number | boolean>): void;
  error(event: string, error?: unknown): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const stderrLogger: Logger = {
  info: (event, meta) => console.error(`[info] ${event}`, meta ?? ''),
  warn: (event, meta) => console.error(`[warn] ${event}`, meta ?? ''),
  error: (event, error) => console.error(`[error] ${event}`, error instanceof Error ? error.stack : ''),
};

/** Non-personal preferences of this desktop (electron-store in the app). */
export interface PreferencesStore {
  getLanguage(): Language | null;
  setLanguage(language: Language): void;
}

export function memoryPreferences(initial: Language | null = null): PreferencesStore {
  let language = initial;
  return {
    getLanguage: () => language,
    setLanguage: (l) => {
      language = l;
    },
  };
}
