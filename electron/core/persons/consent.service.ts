/** Consent records: given, and withdrawn on a date (never erased). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ConsentsRepo, type ConsentRow } from '../../../db/consents.repo';
import { PartnersRepo } from '../../../db/handover.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { Consent, consentRecordInputSchema } from '../../../shared/persons/consent.schema';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';
import { personSubject, reachablePerson } from './person-access';

export type ConsentRecordInput = z.output<typeof consentRecordInputSchema>;

function unknownPartner(): AppError {
  return new AppError('VALIDATION', 'consentPartnerUnknown', undefined, {
    fields: [{ path: 'partner', code: 'unknown_partner', message: 'Not a partner or directory entry of this vault' }],
  });
}

export function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind,
    partner: row.partner ?? null,
    partnerRef: row.partnerOrgId
      ? { kind: 'partner', orgId: row.partnerOrgId }
      : row.partnerContactId
        ? { kind: 'directory', contactId: row.partnerContactId }
        : row.partner
          ? { kind: 'text' }
          : null,
    categories: row.categories,
    givenOn: row.givenOn,
    withdrawnOn: row.withdrawnOn ?? null,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy ?? null,
    version: row.version,
  };
}

/** The name of a contact-directory entry (seed merged with this vault's edits), or null when there is none. */
export type DirectoryEntryName = (contactId: string) => string | null;

export class ConsentService {
  constructor(
    private readonly vault: VaultService,
    private readonly directoryEntryName: DirectoryEntryName = () => null,
  ) {}

  record(input: ConsentRecordInput): Consent {
    const actor = this.vault.requireSession();
    // A picked directory entry is named as the directory names it (read before the write).
    const contactName = input.partnerContactId ? this.directoryEntryName(input.partnerContactId) : null;
    if (input.partnerContactId && contactName === null) throw unknownPartner();
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      let partner = input.kind === 'sharing' ? input.partner : null;
      if (input.kind === 'sharing' && input.partnerOrgId) {
        // The name on the partner's key card: the consent names the organisation the package will be sealed for.
        const card = new PartnersRepo(db).byId(input.partnerOrgId);
        if (!card) throw unknownPartner();
        partner = card.card.organisation.name;
      }
      if (input.kind === 'sharing' && contactName !== null) partner = contactName;
      const row: ConsentRow = {
        id: randomUUID(),
        personId: person.id,
        kind: input.kind,
        partner,
        partnerOrgId: input.kind === 'sharing' ? (input.partnerOrgId ?? null) : null,
        partnerContactId: input.kind === 'sharing' ? (input.partnerContactId ?? null) : null,
        categories: input.kind === 'sharing' ? input.categories : [],
        givenOn: input.givenOn,
        withdrawnOn: null,
        recordedAt: now,
        recordedBy: actor.id,
        updatedAt: now,
        updatedBy: actor.id,
        version: 1,
      };
      new ConsentsRepo(db).insert(row);
      // The partner's name stays out of the audit trail: only the kind and the number of categories.
      audit({
        ...personSubject(actor, person.id),
        action: 'consent.record',
        details: { consentId: row.id, kind: row.kind, categories: row.categories.length },
      });
      return toConsent(row);
    });
  }

  withdraw(input: { consentId: string; withdrawnOn: CalendarDate; expectedVersion?: number | undefined }): Consent {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const repo = new ConsentsRepo(db);
      const row = repo.byId(input.consentId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      reachablePerson(db, actor, row.personId);
      checkVersion(db, input.expectedVersion, { version: row.version, changedBy: row.updatedBy ?? row.recordedBy, changedAt: row.updatedAt });
      if (row.withdrawnOn) throw new AppError('CONFLICT', 'consentAlreadyWithdrawn');
      if (input.withdrawnOn < row.givenOn) {
        throw new AppError('VALIDATION', 'withdrawalBeforeConsent', undefined, {
          fields: [{ path: 'withdrawnOn', code: 'before_consent', message: 'Before the date the consent was given' }],
        });
      }
      repo.withdraw(row.id, input.withdrawnOn, { at: now, by: actor.id, version: row.version + 1 });
      audit({ ...personSubject(actor, row.personId), action: 'consent.withdraw', details: { consentId: row.id, kind: row.kind } });
      return toConsent(repo.byId(row.id) as ConsentRow);
    });
  }
}
