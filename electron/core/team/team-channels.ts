/**
 * Handlers of the channels the command line and connected desktops call instead of the services
 * (shared/team/team-channels.schema.ts): every one runs behind the router, so the office server
 * checks the role, the caseworker restriction and writes the audit trail, whoever calls.
 * See docs/cli.md "Against an office server" and docs/team-server.md.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { TeamRepo } from '../../../db/team.repo';
import { UsersRepo } from '../../../db/users.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { addDays } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../router';
import type { Clock } from '../ports';
import type { HandoverImportService } from '../handover/import.service';
import type { HandoverKeysService } from '../handover/keys.service';
import type { HandoverService } from '../handover/handover.service';
import type { PersonService } from '../persons/person.service';
import type { ProcedureService } from '../persons/procedure.service';
import type { ReminderService } from '../reminders/reminder.service';
import { localDate, systemTimeZone } from '../reminders/local-time';
import { createBackup } from '../vault/backup';
import type { VaultService } from '../vault/vault.service';
import { decodeFileBase64 } from '../handover/file-transfer';

export type TeamChannel =
  | 'persons.idByCaseCode'
  | 'persons.exportList'
  | 'persons.assigneeByUsername'
  | 'procedure.recordByCountry'
  | 'reminders.dueOn'
  | 'reminders.pending'
  | 'reminders.notified'
  | 'vault.backup'
  | 'vault.keyGeneration'
  | 'handover.openFor'
  | 'handover.importIdOfPackage'
  | 'partners.addVerified';

export interface TeamChannelDeps {
  vault: VaultService;
  clock: Clock;
  persons: PersonService;
  procedures: ProcedureService;
  reminders: ReminderService;
  handovers: HandoverService;
  handoverImports: HandoverImportService;
  handoverKeys: HandoverKeysService;
  /** The office server's backup folder (absolute); none on a desktop. */
  backupDir?: string;
  timeZone?: string;
}

/** How long the per-user "already shown" record of a reminder is kept. */
export const NOTIFIED_KEEP_DAYS = 400;

export function teamChannelHandlers(d: TeamChannelDeps): Pick<Handlers, TeamChannel> {
  const today = (): CalendarDate => localDate(d.clock.now(), d.timeZone ?? systemTimeZone());
  return {
    'persons.idByCaseCode': ({ caseCode }) => ({ personId: d.persons.idByCaseCode(caseCode) }),
    'persons.exportList': () => d.persons.exportList(),
    'persons.assigneeByUsername': ({ username }) => {
      d.vault.requireSession();
      const user = d.vault.read((db) => new UsersRepo(db).byUsername(username));
      if (!user || user.status !== 'active') throw new AppError('NOT_FOUND', 'notFound');
      return { userId: user.id };
    },
    'procedure.recordByCountry': ({ personId, country, event }) => {
      const existing = d.procedures.trackIdOf(personId, country);
      const trackId = existing ?? d.procedures.openTrack({ personId, country }).id;
      return d.procedures.recordEvent({ trackId, event });
    },
    'reminders.dueOn': ({ today: day, language }) =>
      d.reminders.dueOn(day, d.reminders.firedIds(), language).map((r) => ({
        caseCode: r.deadline.caseCode || null,
        kind: r.deadline.kind,
        country: r.deadline.country,
        dueDate: r.deadline.dueDate,
        daysLeft: r.daysLeft,
        actBy: r.actBy,
        nonWorking: r.nonWorking,
        reminders: r.reminders.map((x) => ({ lead: x.lead, notifyOn: x.notifyOn, movedFrom: x.movedFrom, fired: x.fired })),
        alreadyFired: r.reminders.every((x) => x.fired),
        notification: { title: r.notification.title, body: r.notification.body },
      })),
    // Each desktop shows its own user's reminders; what it showed is kept per user on the server.
    'reminders.pending': ({ language }) => {
      const user = d.vault.requireSession();
      const shown = d.vault.read((db) => new TeamRepo(db).notifiedIds(user.id));
      return d.reminders
        .dueOn(today(), shown, language)
        .map((r) => ({ ids: r.reminders.filter((x) => !x.fired).map((x) => x.id), title: r.notification.title, body: r.notification.body }))
        .filter((r) => r.ids.length > 0);
    },
    'reminders.notified': ({ ids }) => {
      const user = d.vault.requireSession();
      const now = d.clock.now();
      d.vault.write(({ db }) => {
        const repo = new TeamRepo(db);
        repo.markNotified(user.id, ids, now.toISOString());
        repo.pruneNotified(`${addDays(localDate(now, 'UTC'), -NOTIFIED_KEEP_DAYS)}T00:00:00.000Z`);
      });
      return null;
    },
    'vault.backup': async ({ name }) => {
      d.vault.requireRole('admin');
      if (!d.backupDir || !isAbsolute(d.backupDir)) throw new AppError('FORBIDDEN', 'serverBackupOnly');
      // The server's account only: the files are encrypted, but their names and dates are nobody else's business.
      mkdirSync(d.backupDir, { recursive: true, mode: 0o700 });
      const result = await createBackup(d.vault, join(d.backupDir, name));
      const m = result.manifest;
      return { file: result.file, vaultId: m.vaultId, createdAt: m.createdAt, auditSeq: m.auditSeq, bytes: result.bytes };
    },
    'vault.keyGeneration': () => {
      d.vault.requireRole('admin');
      return { generation: d.vault.keySlots().generation };
    },
    'handover.openFor': ({ personId, partnerOrgId }) => d.handovers.openHandoverFor(personId, partnerOrgId),
    'handover.importIdOfPackage': ({ packageId }) => ({ importId: d.handoverImports.importIdOfPackage(packageId) }),
    'partners.addVerified': ({ fileBase64, fingerprint }) => d.handoverKeys.addVerified(decodeFileBase64(fileBase64), fingerprint),
  };
}
