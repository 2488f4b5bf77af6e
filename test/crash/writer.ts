/**
 * Child process for the crash test: unlocks the vault and commits a stream of writes, printing
 * `ack <auditSeq> <value>` after each commit returns (the anchor follows in batches: some kills
 * fall between a commit and its anchor, some during the anchor's write). The parent kills it with SIGKILL at a random moment.
 */
import { createCore } from '../../electron/core/app-core';
import { memoryPreferences, silentLogger, systemClock } from '../../electron/core/ports';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { AuditRepo } from '../../db/audit.repo';

const [dir, username, password, startArg] = process.argv.slice(2);
if (!dir || !username || !password) throw new Error('usage: writer DIR USER PASSWORD START');

const core = createCore({ vaultDir: dir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences() });
await core.vault.unlock(username, password);
process.stdout.write('ready\n');
let i = Number(startArg ?? 0);
for (;;) {
  const value = 1 + (i % 60);
  core.settings.update({ autoLockMinutes: value });
  // The committed entry's own number: its anchor in the key-slot file follows in batches.
  const seq = core.vault.read((db) => new AuditRepo(db).last()?.seq ?? 0);
  process.stdout.write(`ack ${seq} ${value}\n`);
  i++;
  if (i % 25 === 0) await new Promise((r) => setImmediate(r));
}
