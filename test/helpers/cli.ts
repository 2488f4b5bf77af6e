/** Runs the `passerelle` command line as a user would (a child process, secrets on standard input). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root: the CLI runs from there. */
export const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], stdin = ''): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/passerelle.ts', ...args], {
    cwd: CLI_ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
