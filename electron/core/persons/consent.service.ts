/** Consent records (issue 3 item 1): given, and withdrawn on a date (never erased). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ConsentsRepo, type ConsentRow } from '../../../db/consents.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { AppError } from '../../../shared/errors';
import type { Consent, consentRecordInputSchema } from '../../../shared/persons/consent.schema';
import type { VaultService } from '../vault/vault.service';
import { personSubject, reachablePerson } from './person-access';

export type ConsentRecordInput = z.output<typeof consentRecordInputSchema>;

export function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind,
    partner: row.partner ?? null,
    categories: row.categories,
    givenOn: row.givenOn,
    withdrawnOn: row.withdrawnOn ?? null,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy ?? null,
  };
}

export class ConsentService {
  constructor(private readonly vault: VaultService) {}

  record(input: ConsentRecordInput): Consent {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const row: ConsentRow = {
        id: randomUUID(),
        personId: person.id,
        kind: input.kind,
        partner: input.kind === 'sharing' ? input.partner : null,
        categories: input.kind === 'sharing' ? input.categories : [],
        givenOn: input.givenOn,
        withdrawnOn: null,
        recordedAt: now,
        recordedBy: actor.id,
        updatedAt: now,
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

  withdraw(input: { consentId: string; withdrawnOn: CalendarDate }): Consent {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const repo = new ConsentsRepo(db);
      const row = repo.byId(input.consentId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      reachablePerson(db, actor, row.personId);
      if (row.withdrawnOn) throw new AppError('CONFLICT', 'consentAlreadyWithdrawn');
      if (input.withdrawnOn < row.givenOn) {
        throw new AppError('VALIDATION', 'withdrawalBeforeConsent', undefined, {
          fields: [{ path: 'withdrawnOn', code: 'before_consent', message: 'Before the date the consent was given' }],
        });
      }
      repo.withdraw(row.id, input.withdrawnOn, now);
      audit({ ...personSubject(actor, row.personId), action: 'consent.withdraw', details: { consentId: row.id, kind: row.kind } });
      return toConsent({ ...row, withdrawnOn: input.withdrawnOn, updatedAt: now });
    });
  }
}
