/**
 * Child process for the lock and leftover tests. Unlocks the vault, then:
 * - `hold`: prints `ready` and keeps the vault open until killed;
 * - `kill-before-rename`: commits one write and kills itself with SIGKILL between the key-slot
 *   file's temporary write and its rename (the anchor of that write), after printing `ack <seq>`.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger, systemClock } from '../../electron/core/ports';
import { atomicWriteHooks } from '../../electron/core/vault/atomic-file';
import { AuditRepo } from '../../db/audit.repo';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';

const [mode, dir, username, password] = process.argv.slice(2);
if (!mode || !dir || !username || !password) throw new Error('usage: holder MODE DIR USER PASSWORD');

const core = createCore({ vaultDir: dir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences() });
await core.vault.unlock(username, password);
if (mode === 'hold') {
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1000);
} else if (mode === 'kill-before-rename') {
  atomicWriteHooks.beforeRename = (tmp) => {
    if (!tmp.includes('keyslots.json')) return;
    // The write below is committed; its anchor is in the temporary file, not yet renamed.
    const seq = core.vault.read((db) => new AuditRepo(db).last()?.seq ?? 0);
    writeSync(1, `ack ${seq}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  core.settings.update({ autoLockMinutes: 7 });
  // The anchor is written in batches; write it now, as the lock or the delay would.
  core.vault.writeAnchor();
  throw new Error('not killed before the rename');
} else {
  throw new Error(`unknown mode ${mode}`);
}
