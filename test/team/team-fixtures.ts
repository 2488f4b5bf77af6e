/** A vault with an administrator, two caseworkers and a coordinator, for office-server tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { silentLogger, systemClock } from '../../electron/core/ports';
import { startTeamServer, type TeamServer } from '../../electron/server/serve';
import { ADMIN, makeCore, tempDir } from '../helpers/vault';

export const STAFF_PASSWORD = 'a long password 1';
export const STAFF = [
  { username: 'cw.one', role: 'caseworker' },
  { username: 'cw.two', role: 'caseworker' },
  { username: 'co.ord', role: 'coordinator' },
] as const;

/** Makes the vault with the embedded core (as a desktop would), then closes it. */
export async function teamVault(): Promise<{ dir: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir('passerelle-team-');
  const vaultDir = join(dir, 'vault');
  const core = makeCore(vaultDir, systemClock);
  await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  for (const s of STAFF) await core.users.add({ username: s.username, displayName: `${s.username} display`, role: s.role, password: STAFF_PASSWORD });
  core.dispose();
  return { dir: vaultDir, cleanup };
}

export function serve(vaultDir: string, extra: Partial<Parameters<typeof startTeamServer>[0]> = {}): Promise<TeamServer> {
  return startTeamServer({
    vaultDir,
    migrationsFolder: MIGRATIONS_DIR,
    host: '127.0.0.1',
    port: 0,
    username: ADMIN.username,
    password: ADMIN.password,
    clock: systemClock,
    logger: silentLogger,
    ...extra,
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  fingerprint: { hex: string; display: string };
}

/** `passerelle serve` as a child process on 127.0.0.1, resolved once it prints its JSON line. */
export function startServerProcess(
  vaultDir: string,
  options: { port?: number; args?: string[]; stdin?: string } = {},
): Promise<ServerProcess> {
  const port = options.port ?? 0;
  const extraArgs = options.args ?? ['--user', ADMIN.username, '--password-stdin'];
  const stdin = options.stdin ?? `${ADMIN.password}\n`;
  const root = join(import.meta.dirname, '..', '..');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'electron/cli/passerelle.ts'), 'serve', '--vault', vaultDir, '--listen', `127.0.0.1:${port}`, '--json', ...extraArgs],
      { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    child.stdin?.end(stdin);
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        try {
          const parsed = JSON.parse(line) as { url: string; fingerprint: { hex: string; display: string } };
          resolve({ child, url: parsed.url, fingerprint: parsed.fingerprint });
        } catch (e) {
          reject(e as Error);
        }
      }
    });
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited early (${String(code)}): ${err}`)));
  });
}

export function processExited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
