/**
 * What an unlock found about the vault's files that an administrator must see (key slots that
 * matched no user, modes looser than the vault's): kept in the database until an administrator
 * dismisses them. Counts and times only.
 */
import type { Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import { securityNoticeSchema, type SecurityNotice } from '../../../shared/ipc/contract';

const SETTING_SECURITY_NOTICES = 'securityNotices';
/** The newest kept: enough to show a pattern, bounded whatever an attacker repeats. */
const MAX_NOTICES = 20;

export function readNotices(db: Db): SecurityNotice[] {
  const parsed = securityNoticeSchema.array().safeParse(new SettingsRepo(db).get(SETTING_SECURITY_NOTICES));
  return parsed.success ? parsed.data : [];
}

/** Call inside a write transaction. */
export function addNotice(db: Db, now: string, notice: SecurityNotice): void {
  new SettingsRepo(db).set(SETTING_SECURITY_NOTICES, [...readNotices(db), notice].slice(-MAX_NOTICES), now);
}

/** Call inside a write transaction; returns how many were cleared. */
export function clearNotices(db: Db, now: string): number {
  const count = readNotices(db).length;
  if (count > 0) new SettingsRepo(db).set(SETTING_SECURITY_NOTICES, [], now);
  return count;
}
