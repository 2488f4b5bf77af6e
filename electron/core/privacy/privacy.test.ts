/**
 * A person's access request (docs/access-request.md): one archive with everything the vault holds
 * about the person, the JSON valid against its documented schema, the attachments byte for byte, no
 * name or case code in the file name, administrators only, audited with the uuid. And the retention
 * of closed files: off until set; then a closed file comes up on the dashboard the set number of
 * years after closing, and goes with the erasure (reason recorded).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { auditRows, call, fail, newOrg, TINY_PDF, type Org } from '../../../test/helpers/handover';
import { accessRequestSchema } from '../../../shared/privacy/access-request.schema';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const STAFF_PASSWORD = 'a long password 1';

async function record(org: Org, names = { givenNames: 'Mira', familyName: 'Kalo-Invented' }) {
  const detail = await call(org.core, 'persons.create', { ...names, aliases: ['Zizi'], safetyNotes: 'Never through relatives.', nationalities: ['NG'] });
  const personId = detail.person.id;
  const track = await call(org.core, 'procedure.openTrack', { personId, country: 'BE' });
  await call(org.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
  await call(org.core, 'checklists.answer', { trackId: track.id, checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', date: '2026-11-28', note: 'Seen at the shelter' });
  const attachment = await call(org.core, 'attachments.add', { personId, kind: 'statement', mediaType: 'application/pdf', fileName: 'statement-mira.pdf', contentBase64: TINY_PDF.toString('base64') });
  await call(org.core, 'consents.record', { personId, kind: 'processing', givenOn: '2026-11-27' });
  await call(org.core, 'tasks.create', { title: 'Call the guardian', dueDate: '2026-12-03', personId });
  return { personId, caseCode: detail.person.caseCode, trackId: track.id, attachmentId: attachment.id };
}

describe('access request', () => {
  it('gives everything about the person in one archive: a PDF and a JSON valid against its schema, with the attachments', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const mira = await record(org);
    const other = await record(org, { givenNames: 'Ana', familyName: 'Doru-Invented' });
    const before = auditRows(org.core).at(-1)?.seq ?? 0;

    const file = await call(org.core, 'persons.accessRequest', { id: mira.personId });
    expect(file.fileName).toMatch(/^access-request-[0-9a-f]{12}\.zip$/);
    expect(file.fileName).not.toContain(mira.caseCode);
    const files = unzipSync(new Uint8Array(Buffer.from(file.contentBase64, 'base64')));
    expect(Object.keys(files).sort()).toEqual(['access-request.json', 'access-request.pdf', `attachments/${mira.attachmentId}.pdf`]);
    expect(strFromU8((files['access-request.pdf'] as Uint8Array).subarray(0, 5))).toBe('%PDF-');
    expect(Buffer.from(files[`attachments/${mira.attachmentId}.pdf`] as Uint8Array).equals(TINY_PDF)).toBe(true);

    const json = accessRequestSchema.parse(JSON.parse(strFromU8(files['access-request.json'] as Uint8Array)));
    expect(json.person).toMatchObject({ id: mira.personId, caseCode: mira.caseCode, givenNames: 'Mira', aliases: ['Zizi'], safetyNotes: 'Never through relatives.' });
    expect(json.procedures).toHaveLength(1);
    expect(json.procedures[0]?.events.map((e) => [e.type, e.date])).toEqual([['annex15Issued', '2026-11-20']]);
    expect(json.procedures[0]?.checklists).toEqual([
      expect.objectContaining({ checklistId: 'be.entryConditions', itemId: 'be.entry.breakContact', status: 'met', note: 'Seen at the shelter' }),
    ]);
    expect(json.consents.map((c) => c.kind)).toEqual(['processing']);
    expect(json.attachments).toEqual([expect.objectContaining({ id: mira.attachmentId, fileName: 'statement-mira.pdf', path: `attachments/${mira.attachmentId}.pdf` })]);
    expect(json.tasks.map((t) => t.title)).toEqual(['Call the guardian']);
    expect(json.handovers).toEqual({ sent: [], received: null });
    // The audit entries about her record, and none about the other person.
    expect(json.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['person.create', 'procedure.openTrack', 'attachment.add', 'consent.record']));
    expect(JSON.stringify(json)).not.toContain(other.personId);
    expect(JSON.stringify(json)).not.toContain('Doru-Invented');

    const audited = auditRows(org.core, before);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'person.accessRequest', subjectType: 'person', subjectId: mira.personId, details: expect.objectContaining({ requestId: json.requestId, attachments: 1 }) }),
    ]);
    expect(JSON.stringify(audited)).not.toContain('Mira');
  });

  it('is for administrators only, and an unknown person is not found', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const mira = await record(org);
    expect((await fail(org.core, 'persons.accessRequest', { id: '6f1c2a52-3f0e-4c1b-9d0a-0b5c2f6d7e81' })).code).toBe('NOT_FOUND');
    await call(org.core, 'users.add', { username: 'coord.cora', displayName: 'Cora', role: 'coordinator', password: STAFF_PASSWORD });
    await org.core.vault.unlock('coord.cora', STAFF_PASSWORD);
    expect((await fail(org.core, 'persons.accessRequest', { id: mira.personId })).code).toBe('FORBIDDEN');
  });

  it('takes in further kinds of record through addSection', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const mira = await record(org);
    org.core.accessRequests.addSection({ key: 'example', title: 'Example records', collect: (_db, personId) => [{ personId, text: 'an invented record' }] });
    const file = await call(org.core, 'persons.accessRequest', { id: mira.personId });
    const files = unzipSync(new Uint8Array(Buffer.from(file.contentBase64, 'base64')));
    const json = accessRequestSchema.parse(JSON.parse(strFromU8(files['access-request.json'] as Uint8Array)));
    expect(json.additional['example']).toEqual([{ personId: mira.personId, text: 'an invented record' }]);
  });

  it("holds the person's notes (corrections included) and appointments", async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const mira = await record(org);
    const first = await call(org.core, 'notes.add', { personId: mira.personId, occurredOn: '2026-11-20', type: 'meeting', body: 'Intake meeting (invented)' });
    await call(org.core, 'notes.add', {
      personId: mira.personId,
      occurredOn: '2026-11-21',
      type: 'phoneCall',
      body: 'Correction: the intake was on Friday (invented)',
      correctsId: first.id,
    });
    await call(org.core, 'appointments.add', { personId: mira.personId, serviceKind: 'medical', service: 'GP intake (invented)', date: '2026-12-10' });
    const file = await call(org.core, 'persons.accessRequest', { id: mira.personId });
    const files = unzipSync(new Uint8Array(Buffer.from(file.contentBase64, 'base64')));
    const json = accessRequestSchema.parse(JSON.parse(strFromU8(files['access-request.json'] as Uint8Array)));
    expect(json.additional['notes']?.map((n) => n['body'])).toEqual(['Intake meeting (invented)', 'Correction: the intake was on Friday (invented)']);
    expect(json.additional['notes']?.[1]?.['correctsId']).toBe(first.id);
    expect(json.additional['appointments']?.map((a) => a['service'])).toEqual(['GP intake (invented)']);
  });
});

describe('retention of closed files', () => {
  async function closedFile(org: Org) {
    const detail = await call(org.core, 'persons.create', { givenNames: 'Lena', familyName: 'Voss-Invented' });
    const track = await call(org.core, 'procedure.openTrack', { personId: detail.person.id, country: 'BE' });
    await call(org.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2023-01-10' } });
    await call(org.core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'closed', date: '2023-03-01' } });
    return detail.person;
  }

  it('is off until an administrator sets it; then the closed file is due the set years after closing, and is erased with the reason', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const person = await closedFile(org);
    await call(org.core, 'persons.create', { givenNames: 'Open', familyName: 'Case-Invented' });
    const rows = async () => {
      const view = await call(org.core, 'reminders.dashboard', { scope: 'all', today: '2026-11-29' });
      return Object.values(view.groups).flatMap((g) => g.rows).filter((r) => r.kind === 'closedFileRetentionEnd');
    };
    expect(await call(org.core, 'retention.settings', {})).toEqual({ closedFileYears: null });
    expect(await rows()).toEqual([]);

    await call(org.core, 'retention.updateSettings', { closedFileYears: 3 });
    const due = await rows();
    expect(due).toEqual([expect.objectContaining({ id: `retention:${person.id}`, source: 'retention', caseCode: person.caseCode, dueDate: '2026-03-01' })]);
    expect(auditRows(org.core).at(-1)).toMatchObject({ action: 'retention.settingsUpdate', details: { closedFileYears: 3 } });

    // Ten years: not yet due, counted among the later ones.
    await call(org.core, 'retention.updateSettings', { closedFileYears: 10 });
    expect(await rows()).toEqual([]);
    await call(org.core, 'retention.updateSettings', { closedFileYears: 3 });

    await call(org.core, 'persons.erase', { personId: person.id, confirmCaseCode: person.caseCode, reason: 'closedFileRetentionEnded' });
    expect(await rows()).toEqual([]);
    expect(auditRows(org.core).at(-1)).toMatchObject({ action: 'person.erase', subjectId: person.id, details: { reason: 'closedFileRetentionEnded' } });
  });

  it('can be marked done (kept on purpose) with a reason, and only an administrator sets it', async () => {
    const org = await newOrg(new FakeClock('2026-11-29T09:00:00.000Z'), 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const person = await closedFile(org);
    await call(org.core, 'retention.updateSettings', { closedFileYears: 2 });
    await call(org.core, 'reminders.markDone', { itemId: `retention:${person.id}`, reason: 'notApplicable', note: '' });
    const view = await call(org.core, 'reminders.dashboard', { scope: 'all', today: '2026-11-29', includeHandled: true });
    expect(view.handled).toEqual([expect.objectContaining({ id: `retention:${person.id}`, state: 'done' })]);
    await call(org.core, 'users.add', { username: 'coord.cora', displayName: 'Cora', role: 'coordinator', password: STAFF_PASSWORD });
    await org.core.vault.unlock('coord.cora', STAFF_PASSWORD);
    expect((await fail(org.core, 'retention.updateSettings', { closedFileYears: 1 })).code).toBe('FORBIDDEN');
  });
});
