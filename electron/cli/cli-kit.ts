/**
 * What every group of CLI commands is built from: the command's context, the kit of options and
 * helpers program.ts hands to each group, and reading a JSON input file. Kept apart from program.ts
 * so that the command groups do not import the program that registers them.
 */
import { readFileSync } from 'node:fs';
import type { Command, Option } from 'commander';
import type { z } from 'zod';
import { CliError } from './cli-errors';
import type { Context } from './cli-context';
import type { CliSession, TargetOptions } from './cli-session';
import type { SecretReader } from './secrets';

export type { CliIo, Context } from './cli-context';

/** The pieces of program.ts the commands are built from (passed in by program.ts). */
export interface CliKit {
  /** Only for commands that work on a vault folder here; the others take targetOptions(). */
  vaultOption(): Option;
  /** `--vault DIR`, or `--server URL` with `--server-fingerprint DIGITS` (cli-session.ts). */
  targetOptions(): Option[];
  /** Adds targetOptions() to `command`. */
  addTarget(command: Command): Command;
  /** Hidden `--server` options that say the command works on a vault folder here only. */
  localOnlyOptions(command: string): Option[];
  /** Reads secrets, signs in on the vault or the server, runs `fn` on the session, signs out. */
  withTarget<T>(ctx: Context, o: TargetOptions & { user: string; passwordStdin?: boolean | undefined }, fn: (session: CliSession) => Promise<T>): Promise<T>;
  userOption(what?: string): Option;
  stdinOption(): Option;
  stdinOrder(lines: string[]): string;
  pathArg(value: string): string;
  withSecrets<T>(ctx: Context, passwordStdin: boolean | undefined, fn: (secrets: SecretReader) => Promise<T>): Promise<T>;
  print(ctx: Context, text: string): void;
  printJson(ctx: Context, value: unknown): void;
  pad(rows: string[][]): string;
}

/** Reads a JSON file and checks it with `schema`; every problem is named by its field path. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new CliError(`${file} is not valid: ${problems.join('; ')}.`);
  }
  return parsed.data;
}
