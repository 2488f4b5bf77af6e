/** A vault with an administrator, two caseworkers and a coordinator, for office-server tests. */
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
