/** Reading the migrations' journal in tests that rebuild a vault as an older release left it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';

/** The `when` drizzle records for the migration whose tag starts with `tag` (e.g. '0026'). */
export function journalWhen(tag: string): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const entry = journal.entries.find((e) => e.tag.startsWith(tag));
  if (!entry) throw new Error(`no migration ${tag}`);
  return entry.when;
}
