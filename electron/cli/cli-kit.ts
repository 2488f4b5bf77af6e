/**
 * What every group of CLI commands is built from: the command's context, the kit of options and
 * helpers program.ts hands to each group, and reading a JSON input file. Kept apart from program.ts
 * so that the command groups do not import the program that registers them.
 */
import { readFileSync } from 'node:fs';
import type { Option } from 'commander';
import type { z } from 'zod';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/ports';
import { CliError } from './cli-errors';
import type { SecretInput, SecretReader } from './secrets';

export interface CliIo {
  stdin: SecretInput;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Context {
  io: CliIo;
  logger: Logger;
  verbose: boolean;
}

/** The pieces of program.ts the commands are built from (passed in by program.ts). */
export interface CliKit {
  vaultOption(): Option;
  userOption(what?: string): Option;
  stdinOption(): Option;
  stdinOrder(lines: string[]): string;
  pathArg(value: string): string;
  withSecrets<T>(ctx: Context, passwordStdin: boolean | undefined, fn: (secrets: SecretReader) => Promise<T>): Promise<T>;
  withSession<T>(ctx: Context, vaultDir: string, user: string, secrets: SecretReader, fn: (core: Core) => Promise<T>): Promise<T>;
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
