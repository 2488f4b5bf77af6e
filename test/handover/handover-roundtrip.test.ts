/**
 * a Belgian centre and a Luxembourg assistance service, each with its own
 * encrypted vault, run the whole handover through the IPC router: key cards, verification out of
 * band, the checklist, export, preview, import, receipt, closure, the printable summary. Then every
 * refusal the issue names, each with its own message, writing nothing but its audit entry.
 */
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../../shared/persons/consent.schema';
import { CONSENT_CATEGORIES, HANDOVER_SECTIONS } from '../../shared/handover/package.schema';
import { HANDOVER_PACKAGE_MAX_BYTES } from '../../shared/handover/handover.ipc';
import { DEFAULT_MAX_PACKAGE_BYTES } from '../../electron/core/handover/package';
import { REJECTION_MESSAGES } from '../../shared/handover/reasons';
import { FakeClock } from '../helpers/fake-clock';
import { filesContaining } from '../helpers/files';
import { pdfText } from '../helpers/pdf-text';
import { advance, auditRows, call, fail, footprint, makePartners, newOrg, TINY_PDF, type Org } from '../helpers/handover';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = 'Kalomi-Zqx';
const FAMILY = 'Ranetu-Invented';
const DAY = 24 * 60 * 60 * 1000;

/** A person of the Belgian centre, with a consent to share identity, procedure and attachments with `partnerName`. */
async function belgianPerson(be: Org, partnerName: string, categories: ('identity' | 'procedure' | 'attachments' | 'health' | 'safety')[] = ['identity', 'procedure', 'attachments']) {
  const detail = await call(be.core, 'persons.create', {
    givenNames: NAME,
    familyName: FAMILY,
    dateOfBirth: { precision: 'exact', date: '1999-04-02' },
    nationalities: ['NG'],
    languages: ['en'],
    safetyNotes: 'Never contact through relatives.',
  });
  const personId = detail.person.id;
  const track = await call(be.core, 'procedure.openTrack', { personId, country: 'BE' });
  await call(be.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
  await call(be.core, 'consents.record', { personId, kind: 'sharing', partner: partnerName, categories, givenOn: '2026-11-27' });
  const attachment = await call(be.core, 'attachments.add', {
    personId,
    kind: 'statement',
    mediaType: 'application/pdf',
    fileName: 'verklaring.pdf',
    contentBase64: TINY_PDF.toString('base64'),
  });
  return { personId, caseCode: detail.person.caseCode, attachmentId: attachment.id };
}

describe('cross-border handover between two vaults (BE centre -> LU assistance service)', () => {
  it('keeps HANDOVER_SECTIONS and the consent data categories of shared/persons the same list, and one size cap', () => {
    expect([...CONSENT_CATEGORIES]).toEqual([...DATA_CATEGORIES]);
    expect([...HANDOVER_SECTIONS, 'attachments']).toEqual([...DATA_CATEGORIES]);
    expect(HANDOVER_PACKAGE_MAX_BYTES).toBe(DEFAULT_MAX_PACKAGE_BYTES);
  });

  it('runs the whole round trip: key cards, verification, checklist, export, preview, import, receipt, closure, summary', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);

    // 1. Key cards made at set-up; each side imports the other's card: unverified until compared.
    const beCard = await call(be.core, 'keys.card', {});
    const luCard = await call(lu.core, 'keys.card', {});
    expect(beCard.file.fileName).toMatch(/^passerelle-key-card-[0-9a-f]{8}\.json$/);
    expect(beCard.fingerprint.display).toMatch(/^(\d{5} ){11}\d{5}$/);
    const imported = await call(be.core, 'partners.import', { fileBase64: luCard.file.contentBase64 });
    expect(imported).toMatchObject({ outcome: 'added', partner: { name: 'Service Exemple (test)', country: 'LU', status: 'unverified', canExchange: false } });
    const luId = imported.partner.orgId;
    // Its own card is refused; a wrong fingerprint is refused; the right one verifies.
    expect(await fail(be.core, 'partners.import', { fileBase64: beCard.file.contentBase64 })).toMatchObject({ code: 'VALIDATION', key: 'keyCardOwnCard' });
    const wrongDigits = luCard.fingerprint.display.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await fail(be.core, 'partners.verify', { orgId: luId, fingerprint: wrongDigits })).toMatchObject({
      code: 'VALIDATION',
      key: 'keyCardFingerprintMismatch',
      details: { reason: 'keyCard.fingerprintMismatch' },
    });
    const { personId, caseCode, attachmentId } = await belgianPerson(be, 'service exemple (TEST)');
    // No handover to a partner not verified yet.
    expect(await fail(be.core, 'handover.start', { personId, partnerOrgId: luId })).toMatchObject({ key: 'handoverRecipientNotVerified' });
    expect(await call(be.core, 'partners.verify', { orgId: luId, fingerprint: luCard.fingerprint.display.replace(/ /g, '-') })).toMatchObject({
      status: 'verified',
      canExchange: true,
    });
    const inLu = await call(lu.core, 'partners.import', { fileBase64: beCard.file.contentBase64 });
    await call(lu.core, 'partners.verify', { orgId: inLu.partner.orgId, fingerprint: beCard.fingerprint.display });

    // 2. The handover: the receiving country's procedure and the BE -> LU checklist, with owners and due dates.
    const started = await call(be.core, 'handover.start', { personId, partnerOrgId: luId });
    expect(started).toMatchObject({ from: 'BE', to: 'LU', templateId: 'handover.BE-LU', status: 'preparing', caseCode });
    expect(started.receiving.points[0]?.label.en).toMatch(/judicial police/);
    const itemIds = started.items.map((i) => i.itemId);
    expect(itemIds).toContain('handover.to.LU.identification');
    expect(itemIds).not.toContain('handover.guardian'); // an adult
    expect(started.items.find((i) => i.itemId === 'handover.consent')).toMatchObject({ dueDate: '2026-12-01', status: 'open', ownerRole: 'caseworker' });
    expect(started.consent).toMatchObject({ givenOn: '2026-11-27', categories: ['identity', 'procedure', 'attachments'] });
    expect(started.defaultSections).toEqual(['identity']);
    const afterItem = await call(be.core, 'handover.updateItem', { handoverId: started.id, itemId: 'handover.consent', status: 'done', note: 'Signed form in the file' });
    expect(afterItem.items.find((i) => i.itemId === 'handover.consent')).toMatchObject({ status: 'done', doneOn: '2026-11-29' });
    const deadlines = be.core.handovers.handoverDeadlines();
    expect(deadlines).toHaveLength(started.items.length - 1);
    expect(deadlines[0]).toMatchObject({ kind: 'handover', country: 'BE', caseCode, personId });
    expect(deadlines.every((d) => d.id.startsWith(`${started.id}:`))).toBe(true);

    // 3. The printable summary: the same content, the sender's fingerprint, no personal data in its name.
    const pdf = await call(be.core, 'handover.summaryPdf', { handoverId: started.id, sections: ['identity', 'procedure'], attachmentIds: [attachmentId] });
    expect(pdf.fileName).toMatch(/^handover-summary-[0-9a-f]{8}\.pdf$/);
    const pdfBytes = Buffer.from(pdf.contentBase64, 'base64');
    const doc = await PDFDocument.load(pdfBytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getSubject()).toContain(beCard.fingerprint.hex);
    expect(doc.getTitle()).toBe('Passerelle handover summary');
    const drawn = await pdfText(pdfBytes);
    expect(drawn).toContain(beCard.fingerprint.display);
    expect(drawn).toContain(NAME);
    expect(drawn).toContain('annex15Issued');
    expect(drawn).toContain('verklaring.pdf');
    expect(drawn).not.toContain('Never contact through relatives'); // safety was not chosen

    // 4. Export: identity and procedure, and the attachment.
    const exported = await call(be.core, 'handover.export', {
      handoverId: started.id,
      sections: ['identity', 'procedure'],
      attachmentIds: [attachmentId],
      note: 'Transfer agreed by phone',
    });
    expect(exported.file.fileName).toBe(`handover-${exported.packageId.slice(0, 8)}.handover`);
    expect(exported.handover.status).toBe('sent');
    const packageBytes = Buffer.from(exported.file.contentBase64, 'base64');
    expect(packageBytes.includes(Buffer.from(NAME))).toBe(false);
    expect(exported.expiresAt).toBe('2026-12-13T09:00:00.000Z');

    // 5. Preview at the receiving side: everything it holds, and nothing written.
    const before = footprint(lu.core);
    const preview = await call(lu.core, 'handover.previewImport', { fileBase64: exported.file.contentBase64 });
    expect(footprint(lu.core)).toEqual(before);
    expect(preview).toMatchObject({
      packageId: exported.packageId,
      sender: { name: 'Centrum Voorbeeld (test)', country: 'BE', fingerprint: { hex: beCard.fingerprint.hex } },
      recipient: { name: 'Service Exemple (test)', country: 'LU' },
      senderCaseCode: caseCode,
      purpose: { code: 'handover', note: 'Transfer agreed by phone' },
      attachments: [{ name: 'verklaring.pdf', mediaType: 'application/pdf', size: TINY_PDF.length, storable: true }],
    });
    expect(Object.keys(preview.sections)).toEqual(['identity', 'procedure']);
    expect(preview.sections.identity).toMatchObject({ givenNames: NAME, familyName: FAMILY });

    // 6. Accept: a new person here, linked to the sender's case code, with the origin history read-only.
    const accepted = await call(lu.core, 'handover.acceptImport', { fileBase64: exported.file.contentBase64, caseworkerId: null });
    expect(accepted.caseCode).toMatch(/^SER-2026-\d{4}$/);
    expect(accepted.receipt.fileName).toMatch(/^receipt-[0-9a-f]{8}\.handover-receipt$/);
    const person = await call(lu.core, 'persons.get', { id: accepted.personId });
    expect(person.person).toMatchObject({ givenNames: NAME, familyName: FAMILY, nationalities: ['NG'], safetyNotes: '' });
    expect(person.attachments).toHaveLength(1);
    const content = await call(lu.core, 'attachments.get', { attachmentId: person.attachments[0]?.id as string });
    expect(Buffer.from(content.contentBase64, 'base64').equals(TINY_PDF)).toBe(true);
    const origin = await call(lu.core, 'handover.origin', { personId: accepted.personId });
    expect(origin).toMatchObject({ readOnly: true, senderCaseCode: caseCode, senderName: 'Centrum Voorbeeld (test)', senderCountry: 'BE' });
    expect((origin?.sections.procedure?.tracks as { events: { type: string }[] }[])[0]?.events[0]?.type).toBe('annex15Issued');
    expect(await call(lu.core, 'handover.imports', {})).toMatchObject([{ outcome: 'accepted', caseCode: accepted.caseCode, senderCaseCode: caseCode }]);
    const again = await call(lu.core, 'handover.receipt', { importId: accepted.importId });
    expect(again.contentBase64).toBe(accepted.receipt.contentBase64);

    // 7. The receipt closes the handover at the sender; the copy is due for deletion after the retention.
    await advance(clock, DAY, [be, lu]);
    const closed = await call(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 });
    expect(closed.status).toBe('closed');
    expect(closed.packages[0]).toMatchObject({ packageId: exported.packageId, receipt: { outcome: 'accepted', reason: null }, deletionDueOn: '2026-12-30' });
    expect(be.core.handovers.handoverDeadlines()).toEqual([]);
    expect(await fail(be.core, 'handover.importReceipt', { fileBase64: accepted.receipt.contentBase64 })).toMatchObject({
      code: 'PACKAGE_REJECTED',
      key: 'receiptRejected',
      details: { reason: 'replay' },
    });
    expect(await fail(be.core, 'handover.export', { handoverId: started.id, sections: ['identity'] })).toMatchObject({ key: 'handoverNotEditable' });

    // 8. The audit trails: every step is there, with uuids, ids and codes only.
    const beAudit = auditRows(be.core);
    const luAudit = auditRows(lu.core);
    const actions = [...beAudit, ...luAudit].map((r) => r.action);
    for (const a of ['keys.create', 'keys.cardExport', 'partner.import', 'partner.verify', 'handover.start', 'handover.itemUpdate', 'handover.summaryPdf', 'handover.export', 'handover.import', 'handover.receiptExport', 'handover.receiptImport', 'handover.receiptRefused']) {
      expect(actions, a).toContain(a);
    }
    for (const row of [...beAudit, ...luAudit].filter((r) => /^(handover|partner|keys)\./.test(r.action))) {
      if (row.subjectId !== null) expect(row.subjectId).toMatch(UUID);
      const text = JSON.stringify(row);
      for (const secret of [NAME, FAMILY, caseCode, accepted.caseCode, 'Centrum Voorbeeld', 'Service Exemple', 'verklaring', 'Transfer agreed']) {
        expect(text, `${row.action} names ${secret}`).not.toContain(secret);
      }
      for (const v of Object.values(row.details)) {
        expect(typeof v === 'number' || typeof v === 'boolean' || v === null || /^[0-9a-zA-Z.,:_-]*$/.test(String(v)), `${row.action} ${String(v)}`).toBe(true);
      }
    }
    expect(be.core.audit.verify().ok).toBe(true);
    expect(lu.core.audit.verify().ok).toBe(true);

    // Nothing of the person in clear on disk in either vault.
    expect(filesContaining(be.dir, NAME)).toEqual([]);
    expect(filesContaining(lu.dir, NAME)).toEqual([]);
  });

  it('refuses a wrong recipient, an unverified sender, a replay and an expired package through the import channel, each with its own message, writing nothing', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const nl = await newOrg(clock, 'Stichting Voorbeeld (test)', 'NL', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const { bId: nlId } = await makePartners(be, nl);
    // A second Belgian centre whose card LU imported but never verified.
    const other = await newOrg(clock, 'Ander Centrum (test)', 'BE', cleanups);
    const { bId: luFromOther } = await makePartners(other, lu, { bVerifiesA: false });

    const exportTo = async (from: Org, partnerName: string, partnerId: string, validityDays = 14) => {
      const p = await belgianPerson(from, partnerName, ['identity']);
      const h = await call(from.core, 'handover.start', { personId: p.personId, partnerOrgId: partnerId });
      return (await call(from.core, 'handover.export', { handoverId: h.id, sections: ['identity'], validityDays })).file.contentBase64;
    };
    const toNl = await exportTo(be, 'Stichting Voorbeeld (test)', nlId);
    const fromOther = await exportTo(other, 'Service Exemple (test)', luFromOther);
    const fresh = await exportTo(be, 'Service Exemple (test)', luId);
    const shortLived = await exportTo(be, 'Service Exemple (test)', luId, 1);
    await call(lu.core, 'handover.acceptImport', { fileBase64: fresh, caseworkerId: null });

    await advance(clock, 2 * DAY, [be, lu, nl, other]);
    const cases: [string, string, string][] = [
      ['wrong recipient', toNl, 'wrongRecipient'],
      ['unverified sender', fromOther, 'unverifiedSender'],
      ['replay', fresh, 'replay'],
      ['expired', shortLived, 'expired'],
    ];
    const messages = new Set<string>();
    for (const [what, file, reason] of cases) {
      for (const channel of ['handover.previewImport', 'handover.acceptImport', 'handover.declineImport'] as const) {
        const before = footprint(lu.core);
        const error = await fail(lu.core, channel, { fileBase64: file });
        expect(error, `${what} via ${channel}`).toMatchObject({ code: 'PACKAGE_REJECTED', key: 'packageRejected', details: { reason } });
        expect(error.message).toBe(`The handover package was refused: ${REJECTION_MESSAGES[reason as 'replay'].en}.`);
        messages.add(error.message);
        // Nothing written but the audit entry of the refusal.
        const after = footprint(lu.core);
        expect({ ...after, auditSeq: 0 }, `${what} via ${channel}`).toEqual({ ...before, auditSeq: 0 });
        const seq = before.auditSeq ?? 0;
        expect(after.auditSeq).toBe(seq + 1);
        const [entry] = auditRows(lu.core, seq);
        expect(entry).toMatchObject({ action: 'handover.importRefused', subjectId: null, details: { reason } });
      }
    }
    expect(messages.size).toBe(4);

    // A new card for a verified partner waits beside the verified one until its digits are compared;
    // packages signed with the new keys are refused until then.
    await call(be.core, 'keys.rotate', {});
    const rotated = await call(be.core, 'keys.card', {});
    const reimport = await call(lu.core, 'partners.import', { fileBase64: rotated.file.contentBase64 });
    expect(reimport).toMatchObject({
      outcome: 'pending',
      partner: { status: 'verified', canExchange: true, pending: { name: 'Centrum Voorbeeld (test)', keysChanged: true, fingerprint: { hex: rotated.fingerprint.hex } } },
    });
    const oldKeyPackage = await exportTo(be, 'Service Exemple (test)', luId).catch((e: unknown) => e);
    expect(typeof oldKeyPackage).toBe('string'); // LU's keys did not change: BE may still send to LU ...
    expect(await fail(lu.core, 'handover.previewImport', { fileBase64: oldKeyPackage as string })).toMatchObject({ details: { reason: 'senderKeyChanged' } }); // ... but LU refuses it
    await call(lu.core, 'partners.verify', { orgId: reimport.partner.orgId, fingerprint: rotated.fingerprint.display });
    expect(await call(lu.core, 'handover.previewImport', { fileBase64: oldKeyPackage as string })).toMatchObject({ sender: { fingerprint: { hex: rotated.fingerprint.hex } } });
  });

  it('refuses an export the consent does not cover, names what is missing, audits the refusal and records no package', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const { personId, attachmentId } = await belgianPerson(be, 'Service Exemple (test)', ['identity']);
    const h = await call(be.core, 'handover.start', { personId, partnerOrgId: luId });

    const before = footprint(be.core);
    const notCovered = await fail(be.core, 'handover.export', { handoverId: h.id, sections: ['identity', 'health'], attachmentIds: [attachmentId] });
    expect(notCovered).toMatchObject({
      code: 'RULE_VIOLATION',
      key: 'handoverConsentNotCovered',
      params: { categories: 'health, attachments' },
      details: { reason: 'handover.consentNotCovered' },
    });
    expect(notCovered.message).toContain('does not cover: health, attachments');
    const pdfRefused = await fail(be.core, 'handover.summaryPdf', { handoverId: h.id, sections: ['safety'] });
    expect(pdfRefused).toMatchObject({ code: 'RULE_VIOLATION', key: 'handoverConsentNotCovered' });
    const after = footprint(be.core);
    expect(after.sent_packages).toBe(before.sent_packages);
    expect(auditRows(be.core, before.auditSeq).map((r) => [r.action, r.details.reason])).toEqual([
      ['handover.exportRefused', 'handover.consentNotCovered'],
      ['handover.exportRefused', 'handover.consentNotCovered'],
    ]);

    // A consent withdrawn, or naming another partner, is no consent for this one.
    const consents = (await call(be.core, 'persons.get', { id: personId })).consents;
    await call(be.core, 'consents.withdraw', { consentId: consents[0]?.id as string, withdrawnOn: '2026-11-29' });
    await call(be.core, 'consents.record', { personId, kind: 'sharing', partner: 'CoMensha', categories: ['identity'], givenOn: '2026-11-28' });
    expect(await fail(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] })).toMatchObject({ code: 'RULE_VIOLATION', key: 'handoverNoConsent' });
    // A caseworker may prepare the handover of their own case, but not export it.
    await call(be.core, 'users.add', { username: 'case.worker', displayName: 'C', role: 'caseworker', password: 'caseworker pass 1' });
    be.core.vault.lock();
    await be.core.vault.unlock('case.worker', 'caseworker pass 1');
    expect(await fail(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(be.core, 'handover.get', { handoverId: h.id })).toMatchObject({ code: 'NOT_FOUND' }); // not their case
  });

  it('keeps a flipped bit, a truncation or random bytes from writing anything through the accept channel', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const { personId } = await belgianPerson(be, 'Service Exemple (test)', ['identity']);
    const h = await call(be.core, 'handover.start', { personId, partnerOrgId: luId });
    const bytes = Buffer.from((await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] })).file.contentBase64, 'base64');
    const before = footprint(lu.core);
    const variants: Buffer[] = [];
    for (let i = 0; i < 60; i++) {
      const pos = Math.floor((i / 60) * bytes.length * 8);
      const flipped = Buffer.from(bytes);
      flipped[pos >> 3] = (flipped[pos >> 3] ?? 0) ^ (1 << (pos & 7));
      variants.push(flipped);
    }
    for (const cut of [1, 10, 100, bytes.length >> 1, bytes.length - 2, bytes.length - 1]) variants.push(bytes.subarray(0, cut));
    variants.push(Buffer.from('not a package at all\n'), Buffer.alloc(3000, 0x41));
    let refused = 0;
    for (const v of variants) {
      const r = await lu.core.router.call('handover.acceptImport', { fileBase64: v.toString('base64'), caseworkerId: null });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['PACKAGE_REJECTED', 'VALIDATION']).toContain(r.error.code);
      refused++;
    }
    expect(refused).toBe(variants.length);
    const after = footprint(lu.core);
    expect({ ...after, auditSeq: 0 }).toEqual({ ...before, auditSeq: 0 });
    // The original is still accepted afterwards: none of the refusals recorded its id.
    await call(lu.core, 'handover.acceptImport', { fileBase64: bytes.toString('base64'), caseworkerId: null });
  });
});
