/**
 * Attacks by someone inside the organisation, performed with the project's own modules; each is
 * refused or detected, and each test fails without its fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateOrganisationKeys, serialiseKeyCard } from '../../electron/core/handover/org-keys';
import { FakeClock } from '../helpers/fake-clock';
import { auditRows, call, fail, makePartners, newOrg, type Org } from '../helpers/handover';
import { ADMIN } from '../helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const COORDINATOR = { username: 'coord.insider', displayName: 'C', role: 'coordinator' as const, password: 'coordinator pass 1' };

/** A BE centre and its verified LU partner; BE's coordinator signed in (the insider). */
async function centreWithPartner() {
  const clock = new FakeClock('2026-12-07T09:00:00.000Z');
  const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
  const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
  const { bId: luId } = await makePartners(be, lu);
  const luCard = await call(lu.core, 'keys.card', {});
  await call(be.core, 'users.add', COORDINATOR);
  await signIn(be, COORDINATOR.username, COORDINATOR.password);
  return { clock, be, lu, luId, luCard };
}

async function signIn(org: Org, username: string, password: string): Promise<void> {
  org.core.vault.lock();
  await org.core.vault.unlock(username, password);
}

/** A self-signed card naming a real partner's organisation id, made with the attacker's own keys. */
function forgedCard(orgId: string, createdAt: Date): { fileBase64: string; digits: string } {
  const forged = generateOrganisationKeys({ orgId, name: 'Service Exemple (test)', country: 'LU', now: createdAt });
  return { fileBase64: Buffer.from(serialiseKeyCard(forged.card), 'utf8').toString('base64'), digits: forged.fingerprint.display };
}

async function partnerIsUsable(be: Org, luId: string, fingerprintHex: string): Promise<void> {
  const [lu] = (await call(be.core, 'partners.list', {})).filter((p) => p.orgId === luId);
  expect(lu).toMatchObject({ status: 'verified', canExchange: true, fingerprint: { hex: fingerprintHex } });
  // Exchanges still work: a handover to the partner can be started.
  const person = await call(be.core, 'persons.create', { familyName: 'Invented' });
  expect((await call(be.core, 'handover.start', { personId: person.person.id, partnerOrgId: luId })).status).toBe('preparing');
}

describe('insider: forged partner key cards', () => {
  it("refuses a card dated 2099 that names a real partner's organisation; the real partner stays verified and usable", async () => {
    const { clock, be, lu, luId, luCard } = await centreWithPartner();
    const forged = forgedCard(luId, new Date('2099-01-01T00:00:00.000Z'));
    expect(await fail(be.core, 'partners.import', { fileBase64: forged.fileBase64 })).toMatchObject({
      code: 'VALIDATION',
      key: 'keyCardFutureCard',
      details: { reason: 'keyCard.futureCard' },
    });
    await partnerIsUsable(be, luId, luCard.fingerprint.hex);
    expect(auditRows(be.core).filter((r) => r.action === 'partner.importRefused')).toMatchObject([
      { actorName: COORDINATOR.username, subjectType: 'partner', subjectId: luId, details: { reason: 'keyCard.futureCard' } },
    ]);
    // The genuine partner's next card is not blocked as "older" by the forgery: it waits, and is
    // accepted once its digits are compared.
    clock.advance(60_000);
    const rotated = await call(lu.core, 'keys.rotate', {});
    expect(await call(be.core, 'partners.import', { fileBase64: rotated.file.contentBase64 })).toMatchObject({ outcome: 'pending' });
    const accepted = await call(be.core, 'partners.verify', { orgId: luId, fingerprint: rotated.fingerprint.display });
    expect(accepted).toMatchObject({ status: 'verified', canExchange: true, fingerprint: { hex: rotated.fingerprint.hex }, pending: null });
    expect(auditRows(be.core).at(-1)).toMatchObject({ action: 'partner.pendingAccept', subjectId: luId, details: { fingerprint: rotated.fingerprint.hex } });
  });

  it('keeps a forged card dated now waiting beside the verified card: exchanges go on, the real digits do not accept it, an administrator removes it', async () => {
    const { be, luId, luCard } = await centreWithPartner();
    const forged = forgedCard(luId, new Date('2026-12-07T09:00:00.000Z'));
    const imported = await call(be.core, 'partners.import', { fileBase64: forged.fileBase64 });
    expect(imported).toMatchObject({ outcome: 'pending', partner: { status: 'verified', canExchange: true, fingerprint: { hex: luCard.fingerprint.hex } } });
    expect(imported.partner.pending?.fingerprint.display).toBe(forged.digits);
    await partnerIsUsable(be, luId, luCard.fingerprint.hex);
    // The partner reads out its real digits on the phone: they confirm the verified card, not the forgery.
    const confirmed = await call(be.core, 'partners.verify', { orgId: luId, fingerprint: luCard.fingerprint.display });
    expect(confirmed).toMatchObject({ fingerprint: { hex: luCard.fingerprint.hex }, pending: { fingerprint: { display: forged.digits } } });
    // Removing the waiting card is for administrators, and names the card seen.
    const pendingHex = confirmed.pending?.fingerprint.hex ?? '';
    expect(await fail(be.core, 'partners.removePending', { orgId: luId, fingerprint: pendingHex })).toMatchObject({ code: 'FORBIDDEN' });
    await signIn(be, ADMIN.username, ADMIN.password);
    expect(await fail(be.core, 'partners.removePending', { orgId: luId, fingerprint: luCard.fingerprint.hex })).toMatchObject({ code: 'CONFLICT', key: 'partnerPendingChanged' });
    expect(await call(be.core, 'partners.removePending', { orgId: luId, fingerprint: pendingHex })).toMatchObject({ status: 'verified', canExchange: true, pending: null });
    const trail = auditRows(be.core).filter((r) => r.subjectId === luId && r.action.startsWith('partner.'));
    expect(trail.map((r) => [r.actorName, r.action])).toEqual([
      [ADMIN.username, 'partner.import'],
      [ADMIN.username, 'partner.verify'],
      [COORDINATOR.username, 'partner.import'],
      [COORDINATOR.username, 'partner.verify'],
      [ADMIN.username, 'partner.pendingRemove'],
    ]);
    expect(trail[2]?.details).toMatchObject({ outcome: 'pending', fingerprint: pendingHex, status: 'verified' });
  });

  it('lets an administrator remove a partner nobody uses (a forged organisation), and refuses while a handover names it', async () => {
    const { be, luId } = await centreWithPartner();
    const fake = forgedCard('0b9e5c52-9f5e-4c7e-8a3e-1d2c3b4a5f60', new Date('2026-12-07T09:00:00.000Z'));
    const added = await call(be.core, 'partners.import', { fileBase64: fake.fileBase64 });
    expect(added).toMatchObject({ outcome: 'added', partner: { status: 'unverified' } });
    expect(await fail(be.core, 'partners.remove', { orgId: added.partner.orgId })).toMatchObject({ code: 'FORBIDDEN' });
    const person = await call(be.core, 'persons.create', { familyName: 'Invented' });
    await call(be.core, 'handover.start', { personId: person.person.id, partnerOrgId: luId });
    await signIn(be, ADMIN.username, ADMIN.password);
    expect(await call(be.core, 'partners.remove', { orgId: added.partner.orgId })).toEqual({ removed: true });
    expect((await call(be.core, 'partners.list', {})).map((p) => p.orgId)).toEqual([luId]);
    expect(await fail(be.core, 'partners.remove', { orgId: luId })).toMatchObject({ code: 'CONFLICT', key: 'partnerHasHandovers' });
    expect(auditRows(be.core).filter((r) => r.action === 'partner.remove')).toMatchObject([
      { actorName: ADMIN.username, subjectId: added.partner.orgId, details: { status: 'unverified' } },
    ]);
  });
});
