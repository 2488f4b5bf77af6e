/**
 * A sharing consent names its partner by picking it: a verified partner (its organisation id, which
 * the export's consent check compares) or a contact-directory entry. The name stored is the key
 * card's or the directory's, never typed. Consents recorded as free text before keep working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { call, fail, footprint, makePartners, newOrg } from '../../../test/helpers/handover';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

async function centre() {
  const clock = new FakeClock('2026-11-29T09:00:00.000Z');
  const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
  const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
  const nl = await newOrg(clock, 'Stichting Voorbeeld (test)', 'NL', cleanups);
  const { bId: luId } = await makePartners(be, lu);
  const { bId: nlId } = await makePartners(be, nl);
  const p = await call(be.core, 'persons.create', { familyName: 'Invented' });
  return { be, lu, luId, nlId, person: p.person };
}

describe('consent by partner pick', () => {
  it('stores the organisation id and the key card name; the export checks the id', async () => {
    const { be, luId, person } = await centre();
    const consent = await call(be.core, 'consents.record', { personId: person.id, kind: 'sharing', partnerOrgId: luId, categories: ['identity'], givenOn: '2026-11-28' });
    expect(consent).toMatchObject({ partner: 'Service Exemple (test)', partnerRef: { kind: 'partner', orgId: luId } });
    const h = await call(be.core, 'handover.start', { personId: person.id, partnerOrgId: luId });
    expect(h.consent).toMatchObject({ consentId: consent.id });
    await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] });
  });

  it('a consent that picked another organisation, or a directory entry, does not cover the export', async () => {
    const { be, luId, nlId, person } = await centre();
    await call(be.core, 'consents.record', { personId: person.id, kind: 'sharing', partnerOrgId: nlId, categories: ['identity'], givenOn: '2026-11-28' });
    const directory = await call(be.core, 'consents.record', {
      personId: person.id,
      kind: 'sharing',
      partnerContactId: 'lu-spj-bescherming-slachtoffers',
      categories: ['identity'],
      givenOn: '2026-11-28',
    });
    expect(directory.partnerRef).toEqual({ kind: 'directory', contactId: 'lu-spj-bescherming-slachtoffers' });
    expect(directory.partner).toBeTruthy();
    const h = await call(be.core, 'handover.start', { personId: person.id, partnerOrgId: luId });
    expect(h.consent).toBeNull();
    expect(await fail(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] })).toMatchObject({ code: 'RULE_VIOLATION', key: 'handoverNoConsent' });
  });

  it('refuses an organisation or directory entry this vault does not know, storing nothing', async () => {
    const { be, person } = await centre();
    const before = footprint(be.core);
    const unknownOrg = await fail(be.core, 'consents.record', {
      personId: person.id,
      kind: 'sharing',
      partnerOrgId: '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81',
      categories: ['identity'],
      givenOn: '2026-11-28',
    });
    expect(unknownOrg).toMatchObject({ code: 'VALIDATION', key: 'consentPartnerUnknown' });
    const unknownContact = await fail(be.core, 'consents.record', { personId: person.id, kind: 'sharing', partnerContactId: 'lu-nobody-here', categories: ['identity'], givenOn: '2026-11-28' });
    expect(unknownContact).toMatchObject({ code: 'VALIDATION', key: 'consentPartnerUnknown' });
    const twoPartners = await fail(be.core, 'consents.record', { personId: person.id, kind: 'sharing', partner: 'x', partnerContactId: 'lu-nobody-here', categories: ['identity'], givenOn: '2026-11-28' });
    expect(twoPartners).toMatchObject({ code: 'VALIDATION' });
    expect(footprint(be.core)).toEqual(before);
  });

  it('keeps a free-text consent recorded before partners could be picked readable, and matched by the exact name', async () => {
    const { be, luId, person } = await centre();
    // As an older vault holds it: no organisation id, no directory entry.
    be.core.vault.write(({ db }) =>
      db.$client
        .prepare(
          `INSERT INTO consents (id, person_id, kind, partner, categories, given_on, recorded_at, updated_at)
           VALUES ('0b5c2f6d-3f0e-4c1b-9d0a-6f1c2a527e81', ?, 'sharing', 'service exemple (TEST)', '["identity"]', '2026-11-01', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`,
        )
        .run(person.id),
    );
    const detail = await call(be.core, 'persons.get', { id: person.id });
    expect(detail.consents).toMatchObject([{ partner: 'service exemple (TEST)', partnerRef: { kind: 'text' } }]);
    const h = await call(be.core, 'handover.start', { personId: person.id, partnerOrgId: luId });
    expect(h.consent).not.toBeNull();
  });
});
