/**
 * `passerelle`, the admin command line (`npm run cli -- --help`). Runs in plain Node on the same
 * core services as the app. Exit codes: 0 ok, 1 error (one line on stderr), 2 usage. docs/cli.md.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildProgram, createContext, type CliIo } from './program';
import { reportError } from './cli-errors';

export async function main(argv: string[], io: CliIo): Promise<number> {
  const ctx = createContext(io);
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    const { exitCode, line, unexpected } = reportError(e);
    if (line !== null) io.stderr.write(`${line}\n`);
    if (unexpected) ctx.logger.error('cli.unexpected-error', e); // prints only with --verbose
    return exitCode;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  process.exitCode = code;
}
