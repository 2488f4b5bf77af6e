/**
 * Test fixtures: two invented organisations, a Belgian specialised centre and a Luxembourg assistance
 * service, each holding the other as a verified partner. Names are invented; no real organisation's
 * keys. Used by the handover tests and the bench.
 */
import type { Partner } from '../../../shared/handover/key-card.schema';
import { generateOrganisationKeys, importPartnerCard, markPartnerVerified, verifyKeyCard, type OrganisationKeys } from './org-keys';
import type { HandoverContent } from './package';

export const T0 = new Date('2026-11-29T09:00:00.000Z');

export interface Org {
  keys: OrganisationKeys;
  /** The other organisation as this one holds it, verified. */
  partner: Partner;
}

export function verifiedPartner(of: OrganisationKeys, holder: OrganisationKeys, now = T0): Partner {
  const { partner } = importPartnerCard(undefined, verifyKeyCard(of.card), { now, ownOrgId: holder.card.organisation.id, partners: [] });
  return markPartnerVerified(partner, of.fingerprint.display, now);
}

export function unverifiedPartner(of: OrganisationKeys, holder: OrganisationKeys, now = T0): Partner {
  return importPartnerCard(undefined, verifyKeyCard(of.card), { now, ownOrgId: holder.card.organisation.id, partners: [] }).partner;
}

/** A Belgian centre (sender) and a Luxembourg service (receiver), each verified by the other. */
export function twoOrganisations(now = T0): { be: Org; lu: Org } {
  const beKeys = generateOrganisationKeys({ name: 'Centrum Voorbeeld (test)', country: 'BE', now });
  const luKeys = generateOrganisationKeys({ name: 'Service Exemple (test)', country: 'LU', now });
  return {
    be: { keys: beKeys, partner: verifiedPartner(luKeys, beKeys, now) },
    lu: { keys: luKeys, partner: verifiedPartner(beKeys, luKeys, now) },
  };
}

/** A small handover from BE to LU: invented person data, one tiny attachment. */
export function smallContent(recipient: Partner, overrides: Partial<HandoverContent> = {}): HandoverContent {
  return {
    recipient,
    purpose: { code: 'handover', note: null },
    senderCaseCode: 'CVB-2026-0007',
    consent: { givenOn: '2026-11-27', categories: ['identity', 'procedure', 'attachments'] },
    sections: {
      identity: { givenNames: 'Kalomi', familyName: 'Ranetu', dateOfBirth: '1999-04-02', nationality: 'XX' },
      procedure: { country: 'BE', phase: 'be.reflection', events: [{ type: 'annex15Issued', date: '2026-11-20' }] },
    },
    attachments: [{ name: 'verklaring.txt', mediaType: 'text/plain', bytes: Buffer.from('Invented statement for a test.\n') }],
    createdAt: T0,
    ...overrides,
  };
}

export function partnersOf(...ps: Partner[]): Map<string, Partner> {
  return new Map(ps.map((p) => [p.orgId, p]));
}
