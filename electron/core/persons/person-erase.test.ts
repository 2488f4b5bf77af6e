/**
 * Erasing a person's record (`persons.erase`, administrators): after the retention period that
 * follows a handover, at the person's request, or when registered by mistake. Everything about the
 * person goes (every table that names them), others' records stay, the audit trail keeps one entry
 * with the uuid and the reason code and still verifies; a wrong confirmation or another role changes
 * nothing. A person received from a partner loses the sender's sections too, while the package id
 * keeps refusing a replay. No plaintext in the vault folder: test/security/persons-security.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { auditRows, call, fail, makePartners, newOrg, TINY_PDF, type Org } from '../../../test/helpers/handover';
import { ADMIN } from '../../../test/helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const STAFF_PASSWORD = 'a long password 1';

/** Rows naming `personId`, directly or through its tracks, attachments and handovers. */
function rowsAbout(org: Org, personId: string): Record<string, number> {
  return org.core.vault.read((db) => {
    const n = (sql: string) => (db.$client.prepare(sql).get(...Array<string>(sql.split('?').length - 1).fill(personId)) as { n: number }).n;
    const tracks = 'SELECT id FROM tracks WHERE person_id = ?';
    return {
      persons: n('SELECT count(*) AS n FROM persons WHERE id = ?'),
      tracks: n(`SELECT count(*) AS n FROM tracks WHERE person_id = ?`),
      procedure_events: n(`SELECT count(*) AS n FROM procedure_events WHERE track_id IN (${tracks})`),
      track_due_dates: n(`SELECT count(*) AS n FROM track_due_dates WHERE track_id IN (${tracks})`),
      checklist_answers: n(`SELECT count(*) AS n FROM checklist_answers WHERE track_id IN (${tracks})`),
      attachments: n('SELECT count(*) AS n FROM attachments WHERE person_id = ?'),
      attachment_contents: n('SELECT count(*) AS n FROM attachment_contents WHERE attachment_id IN (SELECT id FROM attachments WHERE person_id = ?)'),
      consents: n('SELECT count(*) AS n FROM consents WHERE person_id = ?'),
      handovers: n('SELECT count(*) AS n FROM handovers WHERE person_id = ?'),
      handover_items: n('SELECT count(*) AS n FROM handover_items WHERE handover_id IN (SELECT id FROM handovers WHERE person_id = ?)'),
      staff_tasks: n('SELECT count(*) AS n FROM staff_tasks WHERE person_id = ?'),
      reminder_dispositions: n('SELECT count(*) AS n FROM reminder_dispositions WHERE person_id = ?'),
    };
  });
}

/** A Belgian person with something in every table that can name them. */
async function fullRecord(be: Org, names = { givenNames: 'Mira', familyName: 'Kalo-Invented' }) {
  const detail = await call(be.core, 'persons.create', { ...names, aliases: ['Zizi'], safetyNotes: 'Never through relatives.' });
  const personId = detail.person.id;
  const track = await call(be.core, 'procedure.openTrack', { personId, country: 'BE' });
  await call(be.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
  await call(be.core, 'checklists.answer', { trackId: track.id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: '2026-11-28', note: 'Seen at the shelter' });
  await call(be.core, 'attachments.add', { personId, kind: 'statement', mediaType: 'application/pdf', fileName: 'statement.pdf', contentBase64: TINY_PDF.toString('base64') });
  await call(be.core, 'consents.record', { personId, kind: 'processing', givenOn: '2026-11-27' });
  await call(be.core, 'tasks.create', { title: 'Call the guardian', dueDate: '2026-12-03', personId });
  await call(be.core, 'reminders.snooze', { itemId: `procedure:${track.id}:reflectionPeriodEnd`, until: '2026-12-01', reason: 'waitingForPerson' });
  // Reminders the desktop showed (the fired table keeps their opaque ids).
  const task = (await call(be.core, 'tasks.list', {})).find((t) => t.personId === personId);
  const fired = [`procedure:${track.id}:reflectionPeriodEnd:2027-01-04:14`, `task:${task?.id}:2026-12-03:1`];
  be.core.vault.write(({ db }) => {
    const insert = db.$client.prepare('INSERT INTO reminder_fired (id, fired_at) VALUES (?, ?)');
    for (const id of fired) insert.run(id, '2026-11-29T09:00:00.000Z');
  });
  return { personId, caseCode: detail.person.caseCode, fired };
}

describe('erasing a person record', () => {
  it('deletes everything about the person and nothing else; the audit keeps the uuid and the reason, and verifies', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const gone = await fullRecord(be);
    await call(be.core, 'handover.start', { personId: gone.personId, partnerOrgId: luId });
    const kept = await fullRecord(be, { givenNames: 'Ana', familyName: 'Doru-Invented' });
    expect(Object.values(rowsAbout(be, gone.personId)).every((n) => n > 0)).toBe(true);
    const keptBefore = rowsAbout(be, kept.personId);

    // Typed in lower case with spaces, as someone might.
    const before = auditRows(be.core).length;
    const result = await call(be.core, 'persons.erase', { personId: gone.personId, confirmCaseCode: ` ${gone.caseCode.toLowerCase()} `, reason: 'personRequest' });
    expect(result).toEqual({ caseCode: gone.caseCode });
    const added = auditRows(be.core).slice(before);

    expect(Object.values(rowsAbout(be, gone.personId)).every((n) => n === 0)).toBe(true);
    expect(rowsAbout(be, kept.personId)).toEqual(keptBefore);
    // The fired reminders of the erased person's track and task are gone; the other person's stay.
    const firedIds = be.core.vault.read((db) => db.$client.prepare('SELECT id FROM reminder_fired').pluck().all() as string[]);
    expect(firedIds.sort()).toEqual([...kept.fired].sort());
    expect(await fail(be.core, 'persons.get', { id: gone.personId })).toMatchObject({ code: 'NOT_FOUND' });
    const dashboard = await call(be.core, 'reminders.dashboard', { scope: 'all', includeHandled: true });
    const shown = JSON.stringify(dashboard);
    expect(shown).not.toContain(gone.caseCode);
    expect(shown).toContain(kept.caseCode);

    expect(added).toEqual([
      { seq: expect.any(Number), actorName: ADMIN.username, action: 'person.erase', subjectType: 'person', subjectId: gone.personId, details: { reason: 'personRequest' } },
    ]);
    expect(JSON.stringify(auditRows(be.core))).not.toMatch(/Mira|Kalo|Zizi|PAY-|CEN-/);
    expect(be.core.audit.verify()).toMatchObject({ ok: true });
  });

  it('changes nothing for a wrong case code, an unknown record, a coordinator or a caseworker', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const p = await fullRecord(be);
    const other = await call(be.core, 'persons.create', { familyName: 'Other-Invented' });
    const rows = rowsAbout(be, p.personId);
    const auditBefore = auditRows(be.core).length;

    const wrong = await fail(be.core, 'persons.erase', { personId: p.personId, confirmCaseCode: other.person.caseCode, reason: 'registeredInError' });
    expect(wrong).toMatchObject({ code: 'VALIDATION', key: 'eraseConfirmMismatch' });
    expect(wrong.details?.fields?.[0]?.path).toBe('confirmCaseCode');
    expect(await fail(be.core, 'persons.erase', { personId: '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81', confirmCaseCode: p.caseCode, reason: 'registeredInError' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(rowsAbout(be, p.personId)).toEqual(rows);
    // Only the refusal of the unknown record is recorded: channel and code, never the id asked for.
    expect(auditRows(be.core).slice(auditBefore)).toMatchObject([{ action: 'access.refused', subjectId: null, details: { channel: 'persons.erase', code: 'NOT_FOUND' } }]);

    for (const role of ['coordinator', 'caseworker'] as const) {
      await be.core.users.add({ username: role, displayName: role, role, password: STAFF_PASSWORD });
      if (role === 'caseworker') {
        const worker = be.core.users.list().find((u) => u.username === 'caseworker');
        await call(be.core, 'persons.assign', { personId: p.personId, caseworkerId: worker?.id ?? null });
      }
      be.core.vault.lock();
      await be.core.vault.unlock(role, STAFF_PASSWORD);
      expect(await fail(be.core, 'persons.erase', { personId: p.personId, confirmCaseCode: p.caseCode, reason: 'personRequest' })).toMatchObject({ code: 'FORBIDDEN' });
      be.core.vault.lock();
      await be.core.vault.unlock(ADMIN.username, ADMIN.password);
    }
    expect(rowsAbout(be, p.personId).persons).toBe(1);
  });

  it("drops a received person's origin history with the record; the package is still refused as a replay", async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const detail = await call(be.core, 'persons.create', { givenNames: 'Kalomi', familyName: 'Ranetu-Invented' });
    await call(be.core, 'consents.record', { personId: detail.person.id, kind: 'sharing', partner: lu.name, categories: ['identity'], givenOn: '2026-11-27' });
    const h = await call(be.core, 'handover.start', { personId: detail.person.id, partnerOrgId: luId });
    const file = (await call(be.core, 'handover.export', { handoverId: h.id, sections: ['identity'] })).file.contentBase64;
    const accepted = await call(lu.core, 'handover.acceptImport', { fileBase64: file, caseworkerId: null });
    const imported = () =>
      lu.core.vault.read(
        (db) =>
          db.$client.prepare('SELECT origin, person_id AS personId, sender_case_code AS senderCaseCode, consent FROM handover_imports').all() as {
            origin: string | null;
            personId: string | null;
            senderCaseCode: string;
            consent: string;
          }[],
      );
    expect(imported()[0]?.origin).toContain('Ranetu-Invented');
    expect(imported()[0]?.senderCaseCode).toBe(detail.person.caseCode);

    await call(lu.core, 'persons.erase', { personId: accepted.personId, confirmCaseCode: accepted.caseCode, reason: 'retentionEnded' });
    expect(imported()).toEqual([{ origin: null, personId: null, senderCaseCode: '', consent: JSON.stringify({ givenOn: '', categories: [] }) }]);
    expect(await call(lu.core, 'handover.imports', {})).toMatchObject([{ outcome: 'accepted', personId: null, caseCode: null, senderCaseCode: '' }]);
    // The signed receipt can still be saved again for the sender.
    expect((await call(lu.core, 'handover.receipt', { importId: accepted.importId })).contentBase64).toBe(accepted.receipt.contentBase64);
    expect(await fail(lu.core, 'handover.acceptImport', { fileBase64: file, caseworkerId: null })).toMatchObject({ details: { reason: 'replay' } });
  });
});
