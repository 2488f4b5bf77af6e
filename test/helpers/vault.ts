import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger, type Clock } from '../../electron/core/ports';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { FakeClock } from './fake-clock';

export const ADMIN = { username: 'admin.anna', displayName: 'Anna Admin', password: 'correct horse battery' };

export function tempDir(prefix = 'passerelle-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeCore(dir: string, clock: Clock = new FakeClock(), extra: Partial<CoreOptions> = {}): Core {
  return createCore({
    ...extra,
    vaultDir: dir,
    migrationsFolder: MIGRATIONS_DIR,
    clock,
    logger: silentLogger,
    prefs: memoryPreferences(),
    kdfProfile: 'minimum',
  });
}

/** A new vault in a temp folder, unlocked as its first admin. */
export async function newVault(clock: Clock = new FakeClock()) {
  const { dir, cleanup } = tempDir();
  const vaultDir = join(dir, 'vault');
  const core = makeCore(vaultDir, clock);
  const { recoveryKey } = await core.vault.create({ organisationName: 'Test Centre', country: 'BE', admin: ADMIN });
  return {
    core,
    dir: vaultDir,
    recoveryKey,
    cleanup: () => {
      core.dispose();
      cleanup();
    },
  };
}
