/**
 * Where the CLI gets passwords and recovery keys: a prompt without echo on a terminal, or lines
 * of standard input with --password-stdin (for scripts). Never from the command line, where they
 * would end up in the shell history and in the process list.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { en } from '../../shared/i18n/en';
import { CliError, UsageError } from './cli-errors';

export interface SecretReader {
  /** A secret the user already has (a password, the recovery key). `what` names it in prompts. */
  ask(what: string): Promise<string>;
  /** A new password: asked twice on a terminal, one line on standard input. */
  askNew(what: string): Promise<string>;
  /** Stops reading, so the process can exit. */
  close(): void;
}

export type SecretInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Longest standard input accepted with --password-stdin: a few lines, not a file. */
const MAX_STDIN_CHARS = 64 * 1024;

/** Reads standard input one line at a time, only as far as needed (the caller need not close it). */
export class LineReader {
  private buffer = '';
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private readonly onData = (chunk: string | Buffer) => {
    this.buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (this.buffer.length > MAX_STDIN_CHARS) {
      this.failure = new UsageError('standard input is too long for --password-stdin (one secret per line)');
      this.input.pause();
    }
    this.notify();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.notify();
  };
  private readonly onError = (e: Error) => {
    this.failure = e;
    this.notify();
  };

  constructor(private readonly input: NodeJS.ReadableStream) {
    input.setEncoding('utf8');
    input.on('data', this.onData);
    input.on('end', this.onEnd);
    input.on('error', this.onError);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** The next line without its line ending, or null at the end of input. */
  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line.replace(/\r$/, '');
      }
      if (this.failure) throw this.failure;
      if (this.ended) {
        if (this.buffer.length === 0) return null;
        const last = this.buffer.replace(/\r$/, '');
        this.buffer = '';
        return last;
      }
      this.input.resume();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  close(): void {
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onError);
    this.input.pause();
    this.buffer = '';
  }
}

/** With --password-stdin: each call takes the next line. An empty or missing line is a usage error. */
export function stdinSecrets(input: NodeJS.ReadableStream): SecretReader {
  let reader: LineReader | null = null;
  let lineNo = 0;
  const take = async (what: string): Promise<string> => {
    reader ??= new LineReader(input);
    lineNo++;
    const line = await reader.next();
    if (line === null) throw new UsageError(`standard input ended before line ${lineNo} (${what})`);
    if (line.length === 0) throw new UsageError(`line ${lineNo} of standard input (${what}) is empty`);
    return line;
  };
  return { ask: take, askNew: take, close: () => reader?.close() };
}

/** Asks on the terminal with echo off; Ctrl+C or Ctrl+D cancels. */
export function promptHidden(input: SecretInput, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const muted = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
    });
    output.write(prompt);
    const rl = createInterface({ input, output: muted, terminal: true, historySize: 0 });
    let answered = false;
    rl.on('line', (line) => {
      answered = true;
      rl.close();
      output.write('\n');
      resolve(line);
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (answered) return;
      output.write('\n');
      reject(new CliError('Cancelled.'));
    });
  });
}

export function terminalSecrets(input: SecretInput, output: NodeJS.WritableStream): SecretReader {
  const label = (what: string) => what.charAt(0).toUpperCase() + what.slice(1);
  return {
    ask: (what) => promptHidden(input, output, `${label(what)}: `),
    async askNew(what) {
      const first = await promptHidden(input, output, `${label(what)}: `);
      const again = await promptHidden(input, output, `Repeat the ${what}: `);
      if (first !== again) throw new CliError(en.validation.passwordsDiffer);
      return first;
    },
    close() {},
  };
}

/** Picks the source: stdin lines with --password-stdin, else a prompt if standard input is a terminal. */
export function secretReader(passwordStdin: boolean, input: SecretInput, promptOutput: NodeJS.WritableStream): SecretReader {
  if (passwordStdin) return stdinSecrets(input);
  if (input.isTTY) return terminalSecrets(input, promptOutput);
  throw new UsageError('standard input is not a terminal: pass --password-stdin to read passwords from it');
}
