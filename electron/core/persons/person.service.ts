/**
 * Person records: create, update, assign, view and list, with the caseworker
 * restriction (person-access.ts) and an audit entry for every view and change that names the
 * person's uuid only.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { ConsentsRepo } from '../../../db/consents.repo';
import { HandoverImportsRepo } from '../../../db/handover.repo';
import { PersonsRepo, type PersonListFilter, type PersonRow } from '../../../db/persons.repo';
import { RemindersRepo } from '../../../db/reminders.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { caseCodeSearchPrefix, deriveCaseCodePrefix, formatCaseCode, sameCaseCode } from '../../../shared/persons/case-code';
import type { PersonDetail } from '../../../shared/persons/person-detail.schema';
import type {
  Assignee,
  EraseReason,
  PersonFields,
  PersonListPage,
  PersonListQuery,
  PersonRecord,
} from '../../../shared/persons/person.schema';
import { foldForSearch } from '../../../shared/persons/search-text';
import type { Clock } from '../ports';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';
import { toAttachmentMeta } from './attachment.service';
import { toConsent } from './consent.service';
import { mayReach, personSubject, reachablePerson, seesEveryCase, todayOf } from './person-access';
import { fieldColumns, rowFields, toListItem, toRecord } from './person-mapping';
import { rederivePerson, trackViewsOf } from './track-derivation';

/** Fields whose change alters what the procedure rules read (minor status, nationality). */
const FACT_FIELDS: readonly (keyof PersonFields)[] = [
  'dateOfBirth',
  'ageInDoubt',
  'unaccompanied',
  'nationalities',
  'residenceStatus',
  'parentalConflict',
  'parentsArePerpetrators',
];

export class PersonService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  private today(): CalendarDate {
    return todayOf(this.clock);
  }

  private checkFields(f: PersonFields): void {
    if (f.dateOfBirth.date && f.dateOfBirth.date > this.today()) {
      throw new AppError('VALIDATION', 'dateOfBirthInFuture', undefined, {
        fields: [{ path: 'dateOfBirth.date', code: 'date_in_future', message: 'The date of birth cannot be in the future' }],
      });
    }
  }

  /** An active staff member a case may be assigned to; VALIDATION caseworkerInvalid otherwise. */
  private checkAssignee(db: Db, userId: string): void {
    const user = new UsersRepo(db).byId(userId);
    if (!user || user.status !== 'active') {
      throw new AppError('VALIDATION', 'caseworkerInvalid', undefined, {
        fields: [{ path: 'caseworkerId', code: 'invalid_assignee', message: 'Not an active staff member' }],
      });
    }
  }

  private detail(db: Db, row: PersonRow): PersonDetail {
    const today = this.today();
    return {
      person: toRecord(row, new PersonsRepo(db).caseworkerName(row.caseworkerId ?? null), today),
      tracks: trackViewsOf(db, row, today),
      consents: new ConsentsRepo(db).of(row.id).map(toConsent),
      attachments: new AttachmentsRepo(db).of(row.id).map(toAttachmentMeta),
    };
  }

  create(input: PersonFields & { caseworkerId?: string | null | undefined }): PersonDetail {
    const actor = this.vault.requireSession();
    const { caseworkerId: requested, ...fields } = input;
    this.checkFields(fields);
    let caseworkerId: string | null = requested ?? null;
    if (!seesEveryCase(actor)) {
      // A caseworker's new case is theirs: otherwise they could not open it again.
      if (caseworkerId !== null && caseworkerId !== actor.id) throw new AppError('FORBIDDEN', 'forbidden');
      caseworkerId = actor.id;
    }
    return this.vault.write(({ db, now, audit }) => {
      if (caseworkerId) this.checkAssignee(db, caseworkerId);
      const repo = new PersonsRepo(db);
      const org = new SettingsRepo(db).organisation();
      const prefix = org?.caseCodePrefix ?? deriveCaseCodePrefix(org?.name ?? '');
      const year = Number(this.today().slice(0, 4));
      const caseCode = formatCaseCode(prefix, year, repo.nextCaseNumber(year));
      const id = randomUUID();
      repo.insert({
        id,
        caseCode,
        ...fieldColumns(caseCode, fields),
        caseworkerId,
        isOpen: true,
        createdAt: now,
        createdBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
      });
      audit({ ...personSubject(actor, id), action: 'person.create', details: { assigned: caseworkerId !== null } });
      return this.detail(db, repo.byId(id) as PersonRow);
    });
  }

  update(input: PersonFields & { id: string; expectedVersion?: number | undefined }): PersonDetail {
    const actor = this.vault.requireSession();
    const { id, expectedVersion, ...fields } = input;
    this.checkFields(fields);
    return this.vault.write(({ db, now, audit }) => {
      const row = reachablePerson(db, actor, id);
      // Someone else saved this record since the caller read it: refuse, and say who and when, so
      // the user can reload or re-apply their change (docs/team-server.md "Concurrent edits").
      checkVersion(db, expectedVersion, { version: row.version, changedBy: row.updatedBy ?? null, changedAt: row.updatedAt });
      const before = rowFields(row);
      const changed = (Object.keys(fields) as (keyof PersonFields)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]),
      );
      if (changed.length === 0) return this.detail(db, row);
      const repo = new PersonsRepo(db);
      repo.update(id, { ...fieldColumns(row.caseCode, fields), updatedAt: now, updatedBy: actor.id, version: row.version + 1 });
      const updated = repo.byId(id) as PersonRow;
      if (changed.some((k) => FACT_FIELDS.includes(k))) rederivePerson(db, updated, this.today(), now);
      // Field names are codes; the values never go into the audit trail.
      audit({ ...personSubject(actor, id), action: 'person.update', details: { fields: changed.join(','), count: changed.length } });
      return this.detail(db, repo.byId(id) as PersonRow);
    });
  }

  /** The person page: written to the audit trail as a view. */
  get(input: { id: string }): PersonDetail {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, audit }) => {
      const row = reachablePerson(db, actor, input.id);
      audit({ ...personSubject(actor, row.id), action: 'person.view' });
      return this.detail(db, row);
    });
  }

  assign(input: { personId: string; caseworkerId: string | null }): PersonRecord {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const row = reachablePerson(db, actor, input.personId);
      if (input.caseworkerId) this.checkAssignee(db, input.caseworkerId);
      const repo = new PersonsRepo(db);
      if (row.caseworkerId !== input.caseworkerId) {
        repo.update(row.id, { caseworkerId: input.caseworkerId, updatedAt: now, updatedBy: actor.id, version: row.version + 1 });
        audit({ ...personSubject(actor, row.id), action: 'person.assign', details: { caseworkerId: input.caseworkerId } });
      }
      const updated = repo.byId(row.id) as PersonRow;
      return toRecord(updated, repo.caseworkerName(updated.caseworkerId ?? null), this.today());
    });
  }

  /**
   * Erases a person's record for good (administrators): the record, its procedure tracks and
   * checklists, attachments, consents, handovers, reminder decisions and tasks about the person, and
   * the sender's sections kept for a person received from a partner. The administrator types the
   * case code again. The audit trail keeps one entry with the person's uuid and the reason code.
   * Deleted pages are overwritten (secure_delete) and the WAL is emptied afterwards, so nothing of the
   * record stays in the vault folder; backups made before still hold it. Fired-reminder ids of the
   * person's tracks, handovers and tasks go too. A checkpoint that cannot run now (a reader holds the
   * WAL) is logged and happens when the vault closes; it never turns a committed erasure into an error.
   */
  erase(input: { personId: string; confirmCaseCode: string; reason: EraseReason }): { caseCode: string } {
    const actor = this.vault.requireRole('admin');
    const caseCode = this.vault.write(({ db, audit }) => {
      const row = reachablePerson(db, actor, input.personId);
      if (!sameCaseCode(input.confirmCaseCode, row.caseCode)) {
        throw new AppError('VALIDATION', 'eraseConfirmMismatch', undefined, {
          fields: [{ path: 'confirmCaseCode', code: 'mismatch', message: 'This is not the case code of this record' }],
        });
      }
      new HandoverImportsRepo(db).forgetImportedPerson(row.id);
      new RemindersRepo(db).forgetFiredOfPerson(row.id);
      new PersonsRepo(db).delete(row.id);
      audit({ ...personSubject(actor, row.id), action: 'person.erase', details: { reason: input.reason } });
      return row.caseCode;
    });
    this.vault.checkpoint();
    return { caseCode };
  }

  /** Active staff a case can be assigned to (names and roles only). */
  assignees(): Assignee[] {
    this.vault.requireSession();
    return this.vault.read((db) =>
      new UsersRepo(db)
        .all()
        .filter((u) => u.status === 'active')
        .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    );
  }

  private filterFor(actor: SessionUser, q: PersonListQuery, today: CalendarDate): PersonListFilter {
    const caseCodePrefix = caseCodeSearchPrefix(q.search);
    return {
      search: caseCodePrefix ? '' : foldForSearch(q.search),
      caseCodePrefix,
      country: q.country,
      phase: q.phase,
      minorStatus: q.minorStatus,
      // A caseworker's list is their own cases, whatever filter they send.
      caseworkerId: seesEveryCase(actor) ? q.caseworkerId : actor.id,
      status: q.status,
      today,
    };
  }

  /** One window of the list, and the total count, for a virtualised list. */
  list(query: PersonListQuery): PersonListPage {
    const actor = this.vault.requireSession();
    const today = query.today ?? this.today();
    return this.vault.read((db) => {
      const repo = new PersonsRepo(db);
      const filter = this.filterFor(actor, query, today);
      return {
        total: repo.count(filter),
        offset: query.offset,
        items: repo.page(filter, query.sort, query.offset, query.limit).map((r) => toListItem(r, today)),
      };
    });
  }

  /** Every reachable person, for the CLI's `person list --json`; written to the audit trail with the count. */
  exportList(): PersonRecord[] {
    const actor = this.vault.requireSession();
    const today = this.today();
    return this.vault.write(({ db, audit }) => {
      const repo = new PersonsRepo(db);
      const filter = this.filterFor(actor, { search: '', status: 'all', sort: 'caseCode', offset: 0, limit: 1 }, today);
      const ids = repo.page(filter, 'caseCode', 0, Number.MAX_SAFE_INTEGER).map((r) => r.id);
      const records = ids.flatMap((id) => {
        const row = repo.byId(id);
        return row && mayReach(actor, row) ? [toRecord(row, repo.caseworkerName(row.caseworkerId ?? null), today)] : [];
      });
      audit({ actorId: actor.id, actorName: actor.username, action: 'person.listExport', details: { count: records.length } });
      return records;
    });
  }

  /** The person's uuid for a case code, if `actor` may reach it (CLI). */
  idByCaseCode(caseCode: string): string {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const id = new PersonsRepo(db).idByCaseCode(caseCode.trim().toUpperCase());
      if (!id) throw new AppError('NOT_FOUND', 'notFound');
      return reachablePerson(db, actor, id).id;
    });
  }
}
