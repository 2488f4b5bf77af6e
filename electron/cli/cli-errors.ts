/**
 * Exit codes and error lines of the CLI. Every failure ends in exactly one line on stderr:
 * the AppError's English message (never personal data), a usage message, or a generic line.
 */
import { CommanderError } from 'commander';
import { isAppError } from '../../shared/errors';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** The command line was wrong: a missing or invalid option, no way to read a password. Exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An operation failed for a reason that is the CLI's own (passwords differ, input too long). Exit 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export interface ReportedError {
  exitCode: number;
  line: string | null;
  /** Not an error the program anticipates: worth a stack trace with --verbose. */
  unexpected?: boolean;
}

/** Turns any thrown value into an exit code and the single line to print (null: already printed). */
export function reportError(e: unknown): ReportedError {
  if (e instanceof CommanderError) {
    // Commander printed its own message (through outputError, one line) or the help text.
    return { exitCode: e.exitCode === 0 ? EXIT_OK : EXIT_USAGE, line: null };
  }
  if (e instanceof UsageError) return { exitCode: EXIT_USAGE, line: `error: ${oneLine(e.message)}` };
  if (e instanceof CliError) return { exitCode: EXIT_ERROR, line: `error: ${oneLine(e.message)}` };
  if (isAppError(e)) {
    // Reasons are short codes (checksum, entry-path, hash...), never personal data.
    const reason = e.details?.reason ? ` (${e.details.reason})` : '';
    return { exitCode: EXIT_ERROR, line: `error: ${oneLine(e.message)}${reason}` };
  }
  const kind = e instanceof Error ? e.name : typeof e;
  return { exitCode: EXIT_ERROR, line: `error: unexpected internal error (${kind}); run again with --verbose for details`, unexpected: true };
}
