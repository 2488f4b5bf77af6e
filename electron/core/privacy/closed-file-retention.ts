/**
 * Retention of closed files (docs/access-request.md "Retention of closed files"): an administrator
 * sets how many years a file is kept after it was closed; when that day comes, the file appears on
 * the dashboard (kind 'closedFileRetentionEnd', id `retention:<personId>`) for review and erasure
 * with the existing erasure (persons.erase, reason 'closedFileRetentionEnded'). Off until an
 * administrator sets it. The handover retention (handover-reminder-source.ts) is separate and unchanged.
 *
 * A file is closed when every procedure track is in a terminal phase (persons.is_open = 0); its
 * closing day is the date of the last event of its procedures, the event that ended the last track.
 * The item stays until the record is erased or the item is marked done (kept on purpose, with the
 * reason recorded like every reminder decision). Administrators see it under "my cases" too, since
 * erasing is theirs to do; coordinators under "all"; caseworkers for their own cases.
 */
import type { Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import { addYears, type CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { mayReach } from '../persons/person-access';
import type { DueRange, ReminderSourceProvider, SourceItem, Viewer } from '../reminders/reminder-sources';
import { CLOSED_FILE_RETENTION_YEARS, type RetentionSettings } from '../../../shared/privacy/retention.schema';
import type { VaultService } from '../vault/vault.service';

export const SETTING_CLOSED_FILE_RETENTION = 'retention.closedFileYears';

/** Channels after which a closed file's review day may have changed. */
export const RETENTION_DEADLINE_CHANNELS: ReadonlySet<string> = new Set(['retention.updateSettings']);

export function closedFileYears(db: Db): number | null {
  const v = new SettingsRepo(db).get(SETTING_CLOSED_FILE_RETENTION);
  return typeof v === 'number' && Number.isInteger(v) && v >= CLOSED_FILE_RETENTION_YEARS.min ? v : null;
}

interface ClosedFile {
  id: string;
  caseCode: string;
  caseworkerId: string | null;
  closedOn: CalendarDate;
}

/** Closed files (one query, no per-person lookups) and the day each was closed; `personId` narrows to one. */
function closedFiles(db: Db, personId?: string): ClosedFile[] {
  return db.$client
    .prepare(
      `SELECT p.id AS id, p.case_code AS caseCode, p.caseworker_id AS caseworkerId, max(e.date) AS closedOn
       FROM persons p JOIN tracks t ON t.person_id = p.id JOIN procedure_events e ON e.track_id = t.id
       WHERE p.is_open = 0 AND e.removed_at IS NULL ${personId ? 'AND p.id = @personId' : ''} GROUP BY p.id`,
    )
    .all(personId ? { personId } : {}) as ClosedFile[];
}

function retentionItem(person: ClosedFile, dueDate: CalendarDate, country: SourceItem['country']): SourceItem {
  return {
    id: `retention:${person.id}`,
    source: 'retention',
    kind: 'closedFileRetentionEnd',
    dueDate,
    country,
    caseCode: person.caseCode,
    personId: person.id,
    assigneeId: person.caseworkerId ?? null,
    title: null,
  };
}

function visible(viewer: Viewer, person: ClosedFile): boolean {
  if (!mayReach(viewer.actor, person)) return false;
  return viewer.scope === 'all' || viewer.actor.role === 'admin' || person.caseworkerId === viewer.actor.id;
}

function due(db: Db, viewer: Viewer, personId?: string): SourceItem[] {
  const years = closedFileYears(db);
  if (years === null) return [];
  const country = new SettingsRepo(db).organisation()?.country ?? 'BE';
  return closedFiles(db, personId)
    .filter((c) => visible(viewer, c))
    .map((c) => retentionItem(c, addYears(c.closedOn, years), country));
}

function inRange(d: CalendarDate, range: DueRange): boolean {
  return (range.from === null || d >= range.from) && (range.to === null || d <= range.to);
}

export const closedFileRetentionSource: ReminderSourceProvider = {
  source: 'retention',
  list(db, viewer, range) {
    return due(db, viewer).filter((i) => inRange(i.dueDate, range));
  },
  countAfter(db, viewer, after) {
    return due(db, viewer).filter((i) => i.dueDate > after).length;
  },
  get(db, actor: SessionUser, itemId) {
    const match = /^retention:([0-9a-f-]{36})$/.exec(itemId);
    const item = match ? due(db, { actor, scope: 'all' }, match[1]).at(0) : undefined;
    if (!item) throw new AppError('NOT_FOUND', 'notFound');
    return item;
  },
};

export class RetentionService {
  constructor(private readonly vault: VaultService) {}

  settings(): RetentionSettings {
    this.vault.requireSession();
    return this.vault.read((db) => ({ closedFileYears: closedFileYears(db) }));
  }

  updateSettings(input: { closedFileYears: number | null }): RetentionSettings {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_CLOSED_FILE_RETENTION, input.closedFileYears, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'retention.settingsUpdate', details: { closedFileYears: input.closedFileYears } });
      return { closedFileYears: input.closedFileYears };
    });
  }
}
