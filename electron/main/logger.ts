/**
 * The main process log: events, codes and counts, with stacks of unexpected errors.
 * Core code never passes personal data to the logger (see ports.ts).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/ports';

export function createFileLogger(dir: string): Logger {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'passerelle.log');
  const write = (level: string, event: string, extra: string) => {
    try {
      appendFileSync(file, `${new Date().toISOString()} ${level} ${event} ${extra}\n`, { mode: 0o600 });
    } catch {
      /* logging must never break the app */
    }
  };
  return {
    info: (event, meta) => write('info', event, meta ? JSON.stringify(meta) : ''),
    warn: (event, meta) => write('warn', event, meta ? JSON.stringify(meta) : ''),
    error: (event, error) => write('error', event, error instanceof Error ? (error.stack ?? error.name) : ''),
  };
}
