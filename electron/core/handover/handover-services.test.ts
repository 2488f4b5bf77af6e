/**
 * The handover services beyond the round trip (test/handover/handover-roundtrip.test.ts): keys for a
 * vault made before handover keys existed, key rotation, the contact directory with its seed kept apart, checklist
 * editing and the reminders' due dates, declining a package, and the retention setting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DIRECTORY_SEED, type DirectorySeed } from '../../../shared/directory';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { advance, auditRows, call, fail, footprint, makePartners, newOrg } from '../../../test/helpers/handover';
import { ADMIN } from '../../../test/helpers/vault';
import { DirectoryService } from './directory.service';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const DAY = 24 * 60 * 60 * 1000;

describe('organisation keys', () => {
  it('are made at set-up, or at the first unlock by an administrator of an older vault; rotation keeps the old keys and is audited', async () => {
    const clock = new FakeClock();
    const org = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    expect(footprint(org.core).org_keys).toBe(1);
    expect(auditRows(org.core).filter((r) => r.action === 'keys.create')).toMatchObject([{ details: { at: 'setup' } }]);

    // A vault from before handover keys existed: no keys. A caseworker's unlock does not make them; an admin's does.
    await call(org.core, 'users.add', { username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
    org.core.vault.write(({ db }) => db.$client.prepare('DELETE FROM org_keys').run());
    org.core.vault.lock();
    await org.core.vault.unlock('case.worker', 'caseworker pass 1');
    expect(await fail(org.core, 'keys.card', {})).toMatchObject({ code: 'CONFLICT', key: 'keysMissing' });
    org.core.vault.lock();
    await org.core.vault.unlock(ADMIN.username, ADMIN.password);
    const card = await call(org.core, 'keys.card', {});
    expect(card).toMatchObject({ organisation: { name: 'Centrum Voorbeeld (test)', country: 'BE' }, previousKeys: 0 });
    expect(auditRows(org.core).filter((r) => r.action === 'keys.create').at(-1)).toMatchObject({ details: { at: 'firstAdminUnlock' } });

    const rotated = await call(org.core, 'keys.rotate', {});
    expect(rotated.organisation.id).toBe(card.organisation.id);
    expect(rotated.fingerprint.hex).not.toBe(card.fingerprint.hex);
    expect(rotated.previousKeys).toBe(1);
    expect(auditRows(org.core).at(-1)).toMatchObject({ action: 'keys.rotate', details: { previousFingerprint: card.fingerprint.hex, fingerprint: rotated.fingerprint.hex } });
    // The private halves never leave the vault: the card file holds public keys only.
    const file = JSON.parse(Buffer.from(rotated.file.contentBase64, 'base64').toString('utf8')) as Record<string, unknown>;
    expect(JSON.stringify(file)).not.toMatch(/"d"/);
    org.core.vault.lock();
    await org.core.vault.unlock('case.worker', 'caseworker pass 1');
    expect(await fail(org.core, 'keys.rotate', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(org.core, 'partners.import', { fileBase64: card.file.contentBase64 })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a key card that is not one: damaged, too large, altered after signing', async () => {
    const clock = new FakeClock();
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const card = await call(lu.core, 'keys.card', {});
    const text = Buffer.from(card.file.contentBase64, 'base64').toString('utf8');
    const altered = text.replace('Service Exemple (test)', 'Service Exemplé (test)');
    const before = footprint(be.core);
    expect(await fail(be.core, 'partners.import', { fileBase64: Buffer.from(altered).toString('base64') })).toMatchObject({ key: 'keyCardBadSelfSignature' });
    expect(await fail(be.core, 'partners.import', { fileBase64: Buffer.from('{"format":"x"}').toString('base64') })).toMatchObject({ key: 'keyCardMalformed' });
    expect(await fail(be.core, 'partners.import', { fileBase64: Buffer.alloc(16 * 1024 + 1, 0x20).toString('base64') })).toMatchObject({ key: 'keyCardOversize' });
    expect(await fail(be.core, 'partners.import', { fileBase64: 'not*base64' })).toMatchObject({ key: 'fileUnreadable' });
    expect(footprint(be.core).partners).toBe(before.partners);
  });
});

describe('contact-point directory', () => {
  it('serves the seed, searches and filters, and keeps edits apart so a seed update shows under them', async () => {
    const clock = new FakeClock();
    const org = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const all = await call(org.core, 'directory.list', {});
    expect(all.entries).toHaveLength(DIRECTORY_SEED.entries.length);
    expect(all.seed).toMatchObject({ version: DIRECTORY_SEED.seedVersion, document: 'Benelux brochure 2021' });
    const parket = await call(org.core, 'directory.list', { text: 'federaal PARKET', country: 'BE', category: 'justice' });
    expect(parket.entries.map((e) => e.id)).toEqual(['be-federaal-parket']);

    const edited = await call(org.core, 'directory.update', { id: 'be-federaal-parket', fields: { phones: ['+32 2 557 77 12'] } });
    expect(edited).toMatchObject({ origin: 'seed', overridden: ['phones'], phones: ['+32 2 557 77 12'], seedChanges: [] });
    const hidden = await call(org.core, 'directory.setHidden', { id: 'be-federaal-parket', hidden: true });
    expect(hidden.hidden).toBe(true);
    expect((await call(org.core, 'directory.list', { text: 'federaal parket' })).entries).toEqual([]);
    expect((await call(org.core, 'directory.list', { text: 'federaal parket', includeHidden: true })).entries).toHaveLength(1);
    await call(org.core, 'directory.setHidden', { id: 'be-federaal-parket', hidden: false });
    const added = await call(org.core, 'directory.add', {
      country: 'LU',
      category: 'victimAssistanceCoordination',
      name: 'Invented helpline (test)',
      address: null,
      postalAddress: null,
      phones: ['+352 1234 5678'],
      faxes: [],
      emails: ['help@example.org'],
      websites: [],
      notes: null,
    });
    expect(added).toMatchObject({ origin: 'user', source: null });
    expect(added.id).toMatch(/^user-[0-9a-f]{16}$/);
    expect(await fail(org.core, 'directory.remove', { id: 'be-federaal-parket' })).toMatchObject({ key: 'directoryEntryNotRemovable' });
    expect(auditRows(org.core).filter((r) => r.action === 'directory.edit').map((r) => r.details.change)).toEqual(['update', 'hide', 'unhide', 'add']);

    // The seed changes the phone the user had corrected: the user's value stays, the change shows.
    const seed2: DirectorySeed = {
      ...DIRECTORY_SEED,
      seedVersion: DIRECTORY_SEED.seedVersion + 1,
      entries: DIRECTORY_SEED.entries.map((e) => (e.id === 'be-federaal-parket' ? { ...e, phones: ['+32 2 557 77 00'] } : e)),
    };
    const updated = new DirectoryService(org.core.vault, seed2);
    const listed = updated.list({ text: 'federaal parket', includeHidden: false });
    expect(listed.pendingSeedChanges).toBe(1);
    expect(listed.entries[0]).toMatchObject({ phones: ['+32 2 557 77 12'], seedChanges: [{ field: 'phones', seedValue: ['+32 2 557 77 00'], baseValue: ['+32 (0)2 557 77 11'] }] });
    expect(updated.resolveSeedChange({ id: 'be-federaal-parket', field: 'phones', choice: 'takeSeed' })).toMatchObject({ phones: ['+32 2 557 77 00'], overridden: [] });
    // The user's own entry survives any seed.
    expect(updated.list({ text: 'invented helpline', includeHidden: false }).entries).toHaveLength(1);
    await call(org.core, 'directory.remove', { id: added.id });
    expect((await call(org.core, 'directory.list', { text: 'invented helpline' })).entries).toEqual([]);
  });
});

/** A Belgian centre with a caseworker (case.worker / 'caseworker pass 1'), and a verified LU partner. */
async function centreWithCaseworker() {
  const clock = new FakeClock('2026-11-29T09:00:00.000Z');
  const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
  const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
  const { bId: luId } = await makePartners(be, lu);
  const worker = await call(be.core, 'users.add', { username: 'case.worker', displayName: 'Wim', role: 'caseworker', password: 'caseworker pass 1' });
  return { clock, be, lu, luId, worker };
}

describe('handover checklist, decline and retention', () => {
  it('lets the caseworker of the case prepare the checklist, feeds the reminders, and reopens the handover on a declined receipt', async () => {
    const { clock, be, lu, luId, worker } = await centreWithCaseworker();
    const minor = await call(be.core, 'persons.create', {
      givenNames: 'Invented',
      familyName: 'Minor',
      dateOfBirth: { precision: 'exact', date: '2012-05-01' },
      unaccompanied: true,
      nationalities: ['VN'],
      caseworkerId: worker.id,
    });
    await call(be.core, 'consents.record', { personId: minor.person.id, kind: 'sharing', partner: 'Service Exemple (test)', categories: ['identity'], givenOn: '2026-11-28' });
    await call(be.core, 'handover.updateSettings', { retentionDays: 10 });

    be.core.vault.lock();
    await be.core.vault.unlock('case.worker', 'caseworker pass 1');
    const h = await call(be.core, 'handover.start', { personId: minor.person.id, partnerOrgId: luId });
    const ids = h.items.map((i) => i.itemId);
    expect(ids).toContain('handover.guardian');
    expect(ids).toContain('handover.to.LU.minors');
    expect(h.items.find((i) => i.itemId === 'handover.interpreter')?.owner).toMatchObject({ id: worker.id, displayName: 'Wim' });
    const moved = await call(be.core, 'handover.updateItem', { handoverId: h.id, itemId: 'handover.interpreter', dueDate: '2026-12-24', ownerId: null, note: 'Vietnamese' });
    expect(moved.items.find((i) => i.itemId === 'handover.interpreter')).toMatchObject({ dueDate: '2026-12-24', owner: null, note: 'Vietnamese' });
    const withCustom = await call(be.core, 'handover.addItem', { handoverId: h.id, label: 'Book the train to Luxembourg', dueDate: '2026-12-05', ownerId: worker.id });
    const custom = withCustom.items.at(-1);
    expect(custom).toMatchObject({ kind: 'custom', source: null, label: { en: 'Book the train to Luxembourg' }, owner: { id: worker.id } });
    expect(await fail(be.core, 'handover.updateItem', { handoverId: h.id, itemId: 'handover.nothing', status: 'done' })).toMatchObject({ code: 'NOT_FOUND' });
    const deadlines = be.core.handovers.handoverDeadlines();
    expect(deadlines.find((d) => d.id === `${h.id}:${custom?.itemId}`)).toEqual({
      id: `${h.id}:${custom?.itemId}`,
      kind: 'handover',
      dueDate: '2026-12-05',
      country: 'BE',
      caseCode: minor.person.caseCode,
      personId: minor.person.id,
      assigneeId: worker.id,
    });
    expect(await call(be.core, 'handover.list', { status: 'open' })).toMatchObject([{ id: h.id, openItems: withCustom.items.length, nextDue: '2026-12-01' }]);
    expect(await fail(be.core, 'handover.updateSettings', { retentionDays: 5 })).toMatchObject({ code: 'FORBIDDEN' });
    // The audit names the item by its template id, never the label typed for a custom item.
    expect(JSON.stringify(auditRows(be.core))).not.toContain('Book the train');

    // The coordinator's work: export; the partner declines; the receipt reopens the handover.
    be.core.vault.lock();
    await be.core.vault.unlock(ADMIN.username, ADMIN.password);
    const pkg = await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] });
    const declined = await call(lu.core, 'handover.declineImport', { fileBase64: pkg.file.contentBase64 });
    expect(footprint(lu.core).persons).toBe(0);
    expect(await fail(lu.core, 'handover.acceptImport', { fileBase64: pkg.file.contentBase64 })).toMatchObject({ details: { reason: 'replay' } });
    expect(await call(lu.core, 'handover.imports', {})).toMatchObject([{ outcome: 'declined', personId: null, caseCode: null }]);
    const reopened = await call(be.core, 'handover.importReceipt', { fileBase64: declined.receipt.contentBase64 });
    expect(reopened.status).toBe('preparing');
    expect(reopened.packages[0]).toMatchObject({ receipt: { outcome: 'rejected', reason: 'declined' }, deletionDueOn: null });

    // A second package, accepted: closed, and the copy due for deletion after the 10 days set above.
    const pkg2 = await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] });
    const accepted = await call(lu.core, 'handover.acceptImport', { fileBase64: pkg2.file.contentBase64, caseworkerId: null });
    await advance(clock, 2 * DAY, [be, lu]);
    const closed = await call(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 });
    expect(closed.status).toBe('closed');
    expect(closed.packages[1]).toMatchObject({ receipt: { outcome: 'accepted' }, deletionDueOn: '2026-12-11' });
    expect(await call(be.core, 'handover.settings', {})).toEqual({ retentionDays: 10 });
    // Someone else's receipt (the LU vault's receipt is addressed to BE): LU cannot import it.
    expect(await fail(lu.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 })).toMatchObject({
      code: 'PACKAGE_REJECTED',
      key: 'receiptRejected',
      details: { reason: 'wrongRecipient' },
    });
    // A person registered here has no origin history; the imported one has.
    expect(await call(be.core, 'handover.origin', { personId: minor.person.id })).toBeNull();
    expect(await call(lu.core, 'handover.origin', { personId: accepted.personId })).toMatchObject({ readOnly: true, senderCaseCode: minor.person.caseCode });
  });

  it("reminds of the day the sender's copy is due for deletion, until the record is erased", async () => {
    const { be, lu, luId, worker } = await centreWithCaseworker();
    const p = await call(be.core, 'persons.create', { familyName: 'Invented', caseworkerId: worker.id });
    await call(be.core, 'consents.record', { personId: p.person.id, kind: 'sharing', partner: lu.name, categories: ['identity'], givenOn: '2026-11-28' });
    await call(be.core, 'handover.updateSettings', { retentionDays: 10 });
    const h = await call(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: luId });
    const pkg = await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] });
    const accepted = await call(lu.core, 'handover.acceptImport', { fileBase64: pkg.file.contentBase64, caseworkerId: null });
    await call(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 });

    const itemId = `handover:${h.id}:retention`;
    const rowsOf = async (scope: 'mine' | 'all') =>
      Object.values((await call(be.core, 'reminders.dashboard', { scope, today: '2026-11-29' })).groups).flatMap((g) => g.rows);
    // Closed: no checklist item is due any more; the deletion day is, for the administrator (also under
    // "my cases") and for the caseworker of the case.
    expect((await rowsOf('all')).map((r) => [r.id, r.kind, r.dueDate, r.caseCode])).toEqual([[itemId, 'handoverRetentionEnd', '2026-12-09', p.person.caseCode]]);
    expect((await rowsOf('mine')).map((r) => r.id)).toEqual([itemId]);
    be.core.vault.lock();
    await be.core.vault.unlock('case.worker', 'caseworker pass 1');
    expect((await rowsOf('mine')).map((r) => r.id)).toEqual([itemId]);
    // The notification says the kind and the case code only.
    const due = be.core.reminders.dueOn('2026-12-08' as CalendarDate, new Set(), 'en');
    expect(due.map((d) => d.notification.title)).toEqual([`Retention of a handed-over file ends tomorrow: ${p.person.caseCode}`]);
    be.core.vault.lock();
    await be.core.vault.unlock(ADMIN.username, ADMIN.password);
    // Snoozing it works like any due date; erasing the record ends it.
    await call(be.core, 'reminders.snooze', { itemId, until: '2026-12-02', reason: 'other' });
    await call(be.core, 'persons.erase', { personId: p.person.id, confirmCaseCode: p.person.caseCode, reason: 'retentionEnded' });
    expect(await rowsOf('all')).toEqual([]);
    expect(await fail(be.core, 'reminders.reopen', { itemId })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('puts the open checklist items on the reminders dashboard, for whom they are meant, until they are done', async () => {
    const { be, luId, worker } = await centreWithCaseworker();
    const p = await call(be.core, 'persons.create', { familyName: 'Invented', caseworkerId: worker.id });
    const h = await call(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: luId });
    const dashboard = await call(be.core, 'reminders.dashboard', { scope: 'all', today: '2026-11-29' });
    const rowsOf = (d: typeof dashboard) => Object.values(d.groups).flatMap((g) => g.rows);
    const handoverRows = rowsOf(dashboard).filter((r) => r.kind === 'handover');
    expect(handoverRows.length).toBe(h.items.length);
    expect(handoverRows[0]).toMatchObject({ id: `handover:${h.id}:handover.consent`, source: 'handover', caseCode: p.person.caseCode, country: 'BE' });
    await call(be.core, 'handover.updateItem', { handoverId: h.id, itemId: 'handover.consent', status: 'done' });
    const after = rowsOf(await call(be.core, 'reminders.dashboard', { scope: 'all', today: '2026-11-29' }));
    expect(after.some((r) => r.id === `handover:${h.id}:handover.consent`)).toBe(false);
    // The caseworker of the case sees its items; done or snoozed through the reminders like any due date.
    be.core.vault.lock();
    await be.core.vault.unlock('case.worker', 'caseworker pass 1');
    const mine = rowsOf(await call(be.core, 'reminders.dashboard', { scope: 'mine', today: '2026-11-29' }));
    expect(mine.filter((r) => r.kind === 'handover').length).toBe(h.items.length - 1);
    const snoozed = await be.core.router.call('reminders.snooze', { itemId: `handover:${h.id}:handover.interpreter`, until: '2026-12-02', reason: 'waitingForPerson' });
    expect(snoozed.ok ? 'ok' : snoozed.error).toBe('ok');
  });

  it('opens a package sent to a key replaced since, and answers with the current key, which the sender must verify first', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const p = await call(be.core, 'persons.create', { familyName: 'Invented' });
    await call(be.core, 'consents.record', { personId: p.person.id, kind: 'sharing', partner: luId, categories: ['identity'], givenOn: '2026-11-28' });
    const h = await call(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: luId });
    const pkg = await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] });
    const newCard = await call(lu.core, 'keys.rotate', {});
    const accepted = await call(lu.core, 'handover.acceptImport', { fileBase64: pkg.file.contentBase64, caseworkerId: null });
    // The receipt is signed with LU's new key: BE refuses it until it has compared the new fingerprint.
    expect(await fail(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 })).toMatchObject({ key: 'receiptRejected', details: { reason: 'senderKeyChanged' } });
    const reimported = await call(be.core, 'partners.import', { fileBase64: newCard.file.contentBase64 });
    expect(reimported).toMatchObject({ outcome: 'pending', partner: { status: 'verified', pending: { fingerprint: { hex: newCard.fingerprint.hex } } } });
    expect(await fail(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 })).toMatchObject({ details: { reason: 'senderKeyChanged' } });
    await call(be.core, 'partners.verify', { orgId: luId, fingerprint: newCard.fingerprint.display });
    expect((await call(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 })).status).toBe('closed');
  });

  it('refuses to start a handover to a partner in the same country or to one that is not verified', async () => {
    const clock = new FakeClock();
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const be2 = await newOrg(clock, 'Ander Centrum (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: be2Id } = await makePartners(be, be2);
    const { bId: luId } = await makePartners(be, lu, { aVerifiesB: false });
    const p = await call(be.core, 'persons.create', { familyName: 'Invented' });
    expect(await fail(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: be2Id })).toMatchObject({ key: 'handoverSameCountry' });
    expect(await fail(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: luId })).toMatchObject({ key: 'handoverRecipientNotVerified' });
    expect(footprint(be.core).handovers).toBe(0);
  });
});
