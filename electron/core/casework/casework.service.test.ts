/**
 * Daily casework through the real router and an encrypted vault: notes with their edit window and
 * corrections, full-text search (accents, case, prefixes, hostile input, ranking, snippets, the
 * caseworker's reach), appointments on the person and on the dashboard, and the printable summary
 * parsed back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../db/audit.repo';
import { NOTE_EDIT_WINDOW_MINUTES } from '../../../shared/casework/note.schema';
import { AppError } from '../../../shared/errors';
import type { Contract, In, Out } from '../../../shared/ipc/contract';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { filesContaining } from '../../../test/helpers/files';
import { pdfText } from '../../../test/helpers/pdf-text';
import { ADMIN, newVault } from '../../../test/helpers/vault';
import type { Core } from '../app-core';
import { basisText } from './case-summary.service';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A Wednesday. */
const NOW = '2026-11-25T09:00:00.000Z';
const PASSWORD = 'a long password 1';
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function vault() {
  const clock = new FakeClock(NOW);
  const v = await newVault(clock);
  cleanups.push(v.cleanup);
  return { ...v, clock };
}

async function call<C extends keyof Contract>(core: Core, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await core.router.call(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.key, result.error.params, result.error.details);
  return result.value as Out<C>;
}

async function refusal(core: Core, channel: keyof Contract, input: unknown) {
  const result = await core.router.call(channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

async function person(core: Core, givenNames: string, familyName: string, caseworkerId?: string) {
  const detail = await call(core, 'persons.create', { givenNames, familyName, ...(caseworkerId ? { caseworkerId } : {}) });
  return detail.person;
}

async function note(core: Core, personId: string, body: string, extra: Partial<In<'notes.add'>> = {}) {
  return call(core, 'notes.add', { personId, occurredOn: '2026-11-24', type: 'meeting', body, ...extra });
}

async function switchUser(core: Core, username: string) {
  core.vault.lock();
  await core.vault.unlock(username, PASSWORD);
}

async function later(core: Core, clock: FakeClock, minutes: number, username: string, password: string) {
  core.vault.lock();
  clock.advance(minutes * 60_000);
  await core.vault.unlock(username, password);
}

const hitText = (hit: Out<'notes.search'>[number]) => hit.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

describe('case notes', () => {
  it('keeps dated entries with type, author, duration and an attachment of the same person', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const other = await person(core, 'Lina', 'Okafor');
    const attachment = await call(core, 'attachments.add', { personId: p.id, kind: 'other', mediaType: 'image/png', fileName: 'scan.png', contentBase64: TINY_PNG });
    const added = await note(core, p.id, 'Accompanied to the GP.', { type: 'accompaniment', durationMinutes: 90, attachmentId: attachment.id });
    expect(added).toMatchObject({ type: 'accompaniment', durationMinutes: 90, attachmentName: 'scan.png', authorName: 'Anna Admin' });
    expect(added.editableUntil).toBe(new Date(Date.parse(NOW) + NOTE_EDIT_WINDOW_MINUTES * 60_000).toISOString());
    // Another person's attachment is refused, and nothing is written.
    const otherAttachment = await call(core, 'attachments.add', { personId: other.id, kind: 'other', mediaType: 'image/png', fileName: 'x.png', contentBase64: TINY_PNG });
    expect((await refusal(core, 'notes.add', { personId: p.id, occurredOn: '2026-11-24', type: 'visit', body: 'x', attachmentId: otherAttachment.id })).key).toBe('noteAttachmentInvalid');
    expect(await call(core, 'notes.list', { personId: p.id })).toHaveLength(1);
    // The two characters that mark search hits cannot be written into a note (nor other control characters).
    expect((await note(core, p.id, 'line one\u0002\u0003\u0007\nline two\tend')).body).toBe('line one\nline two\tend');
  });

  it('lets the author change a note for 30 minutes, then only a correction that keeps the original', async () => {
    const { core, clock } = await vault();
    await core.users.add({ username: 'cas', displayName: 'Cas Worker', role: 'coordinator', password: PASSWORD });
    const p = await person(core, 'Ama', 'Sobeda');
    const first = await note(core, p.id, 'Phoned the lawyr about the hearing.', { type: 'phoneCall' });
    // Auto-lock fires while the clock moves: sign in again after each step.
    await later(core, clock, 10, ADMIN.username, ADMIN.password);
    const fixed = await call(core, 'notes.update', { id: first.id, occurredOn: '2026-11-24', type: 'phoneCall', body: 'Phoned the lawyer about the hearing.', durationMinutes: 15 });
    expect(fixed.body).toBe('Phoned the lawyer about the hearing.');
    // Someone else may not change it, even within the window.
    await switchUser(core, 'cas');
    expect((await refusal(core, 'notes.update', { id: first.id, occurredOn: '2026-11-24', type: 'phoneCall', body: 'changed' })).key).toBe('noteNotAuthor');
    await later(core, clock, 21, ADMIN.username, ADMIN.password);
    const late = await refusal(core, 'notes.update', { id: first.id, occurredOn: '2026-11-24', type: 'phoneCall', body: 'Too late' });
    expect([late.code, late.key, late.params]).toEqual(['RULE_VIOLATION', 'noteEditWindowClosed', { minutes: NOTE_EDIT_WINDOW_MINUTES }]);
    const correction = await note(core, p.id, 'The hearing is on Friday, not Thursday.', { type: 'phoneCall', correctsId: first.id });
    const listed = await call(core, 'notes.list', { personId: p.id });
    const original = listed.find((n) => n.id === first.id);
    expect(original?.body).toBe('Phoned the lawyer about the hearing.');
    expect(original?.correctedBy).toEqual([correction.id]);
    expect(original?.editableUntil).toBeNull();
    expect(listed.find((n) => n.id === correction.id)?.correctsId).toBe(first.id);
    // A correction must name a note of the same person.
    const other = await person(core, 'Lina', 'Okafor');
    expect((await refusal(core, 'notes.add', { personId: other.id, occurredOn: '2026-11-24', type: 'other', body: 'x', correctsId: first.id })).key).toBe('noteCorrectsInvalid');
    // The audit trail names uuids only, never the text.
    const entries = core.vault.read((db) => [...new AuditRepo(db).iterate()]).filter((e) => e.action.startsWith('note.'));
    expect(entries.map((e) => e.action)).toEqual(['note.add', 'note.update', 'note.add']);
    const trail = JSON.stringify(entries);
    for (const word of ['lawyer', 'hearing', 'Friday', 'Sobeda', 'Ama']) expect(trail).not.toContain(word);
    expect(trail).toContain(p.id);
  });
});

describe('searching notes', () => {
  it('ignores accents and case, finds prefixes, ranks by relevance and marks the hit in a snippet', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const q = await person(core, 'Lina', 'Okafor');
    await note(core, p.id, "L'élève a rendez-vous au CAFÉ de la gare avec son avocate.");
    await note(core, q.id, 'De leerling heeft een afspraak bij de coöperatie. Koffie in het café, café, café.');
    await note(core, q.id, 'Nothing about it here.');
    const eleve = await call(core, 'notes.search', { text: 'ELEVE' });
    expect(eleve.map((h) => h.personId)).toEqual([p.id]);
    expect(hitText(eleve[0] as Out<'notes.search'>[number])).toContain('[élève]');
    expect((await call(core, 'notes.search', { text: 'cooperatie' })).map((h) => h.personId)).toEqual([q.id]);
    expect((await call(core, 'notes.search', { text: 'avoc' })).map((h) => h.personId)).toEqual([p.id]);
    // bm25: three mentions rank above one.
    const cafe = await call(core, 'notes.search', { text: 'cafe' });
    expect(cafe.map((h) => h.personId)).toEqual([q.id, p.id]);
    expect(cafe[1]).toMatchObject({ caseCode: expect.stringMatching(/-2026-/), givenNames: 'Ama', familyName: 'Sobeda' });
    // All words must match.
    expect(await call(core, 'notes.search', { text: 'café leerling' })).toHaveLength(1);
    // Within one person.
    expect((await call(core, 'notes.search', { text: 'café', personId: p.id })).map((h) => h.personId)).toEqual([p.id]);
  });

  it('finds a name pasted with the invisible direction marks phones put around it', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const written = await note(core, p.id, 'Gebeld met \u2068Tesfay\u2069 en \u200Fمحمد\u200F over de afspraak.');
    expect(written.body).toBe('Gebeld met Tesfay en محمد over de afspraak.');
    for (const text of ['tesfay', '\u2068Tesfay\u2069', 'محمد']) {
      const hits = await call(core, 'notes.search', { text });
      expect(hits.map((h) => h.noteId), text).toEqual([written.id]);
      expect(hits[0]?.snippet.some((part) => part.hit), text).toBe(true);
    }
  });

  it('treats FTS5 syntax in the search text as words, never as operators or errors', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    await note(core, p.id, "Rencontre avec l'élève Dupont-Muller : 12,50€ remboursés. NOT a problem.");
    for (const text of ["l'élève", 'dupont-muller', 'NOT', '12,50€', '"', 'body:rencontre', 'NEAR(a b)', 'a OR', '*', '(rencontre']) {
      const result = await core.router.call('notes.search', { text });
      expect(result.ok || result.error.key === 'noteSearchEmpty', text).toBe(true);
    }
    expect(await call(core, 'notes.search', { text: 'NOT' })).toHaveLength(1);
    expect(await call(core, 'notes.search', { text: 'body:rencontre' })).toHaveLength(0);
    expect((await refusal(core, 'notes.search', { text: '* " -' })).key).toBe('noteSearchEmpty');
  });

  it('keeps the index in step with changes and erasure', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const n = await note(core, p.id, 'Zebrafish appointment');
    await call(core, 'notes.update', { id: n.id, occurredOn: '2026-11-24', type: 'meeting', body: 'Quokka appointment' });
    expect(await call(core, 'notes.search', { text: 'zebrafish' })).toHaveLength(0);
    expect(await call(core, 'notes.search', { text: 'quokka' })).toHaveLength(1);
    await call(core, 'persons.erase', { personId: p.id, reason: 'registeredInError', confirmCaseCode: p.caseCode });
    expect(await call(core, 'notes.search', { text: 'quokka' })).toHaveLength(0);
    const check = core.vault.read((db) => db.$client.prepare("INSERT INTO case_notes_fts(case_notes_fts, rank) VALUES ('integrity-check', 1)").run());
    expect(check.changes).toBeGreaterThanOrEqual(0);
  });

  it("gives a caseworker hits from their own cases only, and NOT_FOUND for another's person", async () => {
    const { core } = await vault();
    const cw = await core.users.add({ username: 'cas', displayName: 'Cas Worker', role: 'caseworker', password: PASSWORD });
    const mine = await person(core, 'Ama', 'Sobeda', cw.id);
    const theirs = await person(core, 'Lina', 'Okafor');
    await note(core, mine.id, 'Interpreter booked for the hearing.');
    await note(core, theirs.id, 'Hearing moved; the exploiter knows the address.');
    await switchUser(core, 'cas');
    const hits = await call(core, 'notes.search', { text: 'hearing' });
    expect(hits.map((h) => h.personId)).toEqual([mine.id]);
    expect(JSON.stringify(hits)).not.toContain('exploiter');
    expect((await refusal(core, 'notes.search', { text: 'hearing', personId: theirs.id })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'notes.list', { personId: theirs.id })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'notes.add', { personId: theirs.id, occurredOn: '2026-11-24', type: 'other', body: 'x' })).code).toBe('NOT_FOUND');
  });

  it("never shows a caseworker the text of another case's note written before theirs, in any snippet", async () => {
    const { core } = await vault();
    const cw = await core.users.add({ username: 'cas', displayName: 'Cas Worker', role: 'caseworker', password: PASSWORD });
    const theirs = await person(core, 'Lina', 'Okafor');
    const mine = await person(core, 'Ama', 'Sobeda', cw.id);
    // Written first: the index holds it before any of the caseworker's notes.
    await note(core, theirs.id, 'Hearing moved; the exploiter knows the shelter address.');
    for (let i = 0; i < 3; i++) await note(core, mine.id, `Hearing ${i}: interpreter booked.`);
    await switchUser(core, 'cas');
    for (const input of [{ text: 'hearing' }, { text: 'hearing', personId: mine.id }, { text: 'hear interpr' }]) {
      const hits = await call(core, 'notes.search', input);
      expect(hits).toHaveLength(3);
      for (const hit of hits) {
        expect(hit.personId).toBe(mine.id);
        expect(hit.snippet.map((part) => part.text).join('')).toMatch(/^Hearing \d: interpreter booked\.$/);
      }
    }
  });
});

describe('notes on disk', () => {
  it('keeps a marker word of notes and appointments out of every file of the vault (database, WAL, index)', async () => {
    const { core, dir } = await vault();
    const MARKER = 'Qxzylophant7';
    const p = await person(core, 'Ama', 'Sobeda');
    for (let i = 0; i < 30; i++) await note(core, p.id, `${MARKER} met the lawyer, round ${i}.`);
    await call(core, 'appointments.add', { personId: p.id, serviceKind: 'legal', service: `${MARKER} office`, date: '2026-11-30', place: MARKER });
    expect(await call(core, 'notes.search', { text: MARKER.toLowerCase() })).toHaveLength(20);
    // The index stores tokens folded to lower case: look for that form too.
    for (const m of [MARKER, MARKER.toLowerCase()]) expect(filesContaining(join(dir, '..'), m)).toEqual([]);
    core.vault.lock();
    for (const m of [MARKER, MARKER.toLowerCase()]) expect(filesContaining(join(dir, '..'), m)).toEqual([]);
    // Sanity: the check finds a marker where there is one.
    writeFileSync(join(dir, '..', 'probe.txt'), MARKER.toLowerCase());
    expect(filesContaining(join(dir, '..'), MARKER.toLowerCase())).toHaveLength(1);
  });
});

describe('appointments', () => {
  it('are listed on the person and, while planned, on the dashboard in the group of their day', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const today = await call(core, 'appointments.add', { personId: p.id, serviceKind: 'medical', service: 'GP intake', date: '2026-11-25', time: '14:30', place: 'Rue Haute 1', interpreterBooked: true });
    const friday = await call(core, 'appointments.add', { personId: p.id, serviceKind: 'legal', service: 'Lawyer', date: '2026-11-27' });
    expect((await call(core, 'appointments.list', { personId: p.id })).map((a) => a.id)).toEqual([friday.id, today.id]);
    const dash = await call(core, 'reminders.dashboard', { scope: 'all' });
    const ids = (group: keyof typeof dash.groups) => dash.groups[group].rows.filter((r) => r.kind === 'appointment').map((r) => r.id);
    expect(ids('today')).toEqual([`appointment:${today.id}`]);
    expect(ids('thisWeek')).toEqual([`appointment:${friday.id}`]);
    await call(core, 'appointments.update', { id: today.id, status: 'done' });
    const after = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(Object.values(after.groups).flatMap((g) => g.rows).filter((r) => r.kind === 'appointment').map((r) => r.id)).toEqual([`appointment:${friday.id}`]);
    await call(core, 'reminders.markDone', { itemId: `appointment:${friday.id}`, reason: 'actionTaken', note: '' });
    await call(core, 'appointments.delete', { id: friday.id });
    expect(await call(core, 'appointments.list', { personId: p.id })).toHaveLength(1);
  });

  it("are out of a caseworker's reach for another's person", async () => {
    const { core } = await vault();
    await core.users.add({ username: 'cas', displayName: 'Cas Worker', role: 'caseworker', password: PASSWORD });
    const theirs = await person(core, 'Lina', 'Okafor');
    const a = await call(core, 'appointments.add', { personId: theirs.id, serviceKind: 'police', service: 'Statement', date: '2026-11-26' });
    await switchUser(core, 'cas');
    expect((await refusal(core, 'appointments.update', { id: a.id, status: 'cancelled' })).code).toBe('NOT_FOUND');
    expect((await refusal(core, 'appointments.list', { personId: theirs.id })).code).toBe('NOT_FOUND');
    const dash = await call(core, 'reminders.dashboard', { scope: 'all' });
    expect(Object.values(dash.groups).flatMap((g) => g.rows).some((r) => r.kind === 'appointment')).toBe(false);
  });
});

describe('printable case summary', () => {
  it('prints the chosen sections in the user language, names the file by case code, and is audited', async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const track = await call(core, 'procedure.openTrack', { personId: p.id, country: 'BE' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
    await call(core, 'tasks.create', { title: 'Book an interpreter', dueDate: '2026-11-30', personId: p.id });
    await call(core, 'appointments.add', { personId: p.id, serviceKind: 'medical', service: 'GP intake', date: '2026-12-02', time: '10:00', place: 'Rue Haute 1' });
    await note(core, p.id, 'Secret note text, only when notes are chosen.');
    const file = await call(core, 'caseSummary.pdf', { personId: p.id, sections: ['keyFacts', 'procedure', 'tasks', 'appointments'], language: 'nl' });
    expect(file.fileName).toBe(`case-summary-${p.caseCode}.pdf`);
    expect(file.fileName).not.toMatch(/Ama|Sobeda/);
    const text = (await pdfText(Buffer.from(file.contentBase64, 'base64'))).replace(/\n/g, ' ');
    expect(text).toContain(`Dossieroverzicht: ${p.caseCode}`);
    expect(text).toContain('Naam: Ama Sobeda');
    expect(text).toContain('Procedure en termijnen');
    // 45 days after 20-11-2026 is 04-01-2027, a Monday.
    expect(text).toContain('maandag 04-01-2027');
    expect(text).toContain('maandag 30-11-2026  Book an interpreter');
    expect(text).toContain('woensdag 02-12-2026 10:00 - Medisch: GP intake - Rue Haute 1');
    expect(text).not.toContain('Secret note text');
    const withNotes = await call(core, 'caseSummary.pdf', { personId: p.id, sections: ['notes'], language: 'fr' });
    const notesText = (await pdfText(Buffer.from(withNotes.contentBase64, 'base64'))).replace(/\n/g, ' ');
    expect(notesText).toContain('Notes récentes');
    expect(notesText).toContain('Secret note text');
    expect(notesText).not.toContain('Ama Sobeda');
    const audit = core.vault.read((db) => [...new AuditRepo(db).iterate()]).filter((e) => e.action === 'caseSummary.pdf');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(p.caseCode);
  });

  it("quotes the brochure in the reader's language with the Dutch original under it", async () => {
    const { core } = await vault();
    const p = await person(core, 'Ama', 'Sobeda');
    const track = await call(core, 'procedure.openTrack', { personId: p.id, country: 'BE' });
    await call(core, 'procedure.recordEvent', { trackId: track.id, event: { type: 'annex15Issued', date: '2026-11-20' } });
    const pdf = async (language: 'nl' | 'fr' | 'en') => {
      const file = await call(core, 'caseSummary.pdf', { personId: p.id, sections: ['procedure'], language });
      return (await pdfText(Buffer.from(file.contentBase64, 'base64'))).replace(/\s+/g, ' ');
    };
    // brochure §4 BE "Reflectieperiode": "Duur: 45 dagen". The text reader gives the curly quotes of the
    // PDF's Windows-1252 font as control characters (toolchain.md): any one character stands for them.
    const fr = await pdf('fr');
    expect(fr).toContain('« Durée : 45 jours »');
    expect(fr).toMatch(/Original \(néerlandais\): .Duur: 45 dagen. Source: brochure §4 BE "Reflectieperiode"/);
    const en = await pdf('en');
    expect(en).toMatch(/.Duration: 45 days. Original \(Dutch\): .Duur: 45 dagen./);
    const nl = await pdf('nl');
    expect(nl).toMatch(/.Duur: 45 dagen. Bron: brochure §4 BE "Reflectieperiode"/);
    expect(nl).not.toContain('Origineel (Nederlands)');
  });

  it("prints a deadline's basis when the rules give one, in the user language or as text", () => {
    expect(basisText({ kind: 'x' }, 'nl')).toBeNull();
    expect(basisText({ basis: 'Art. 61/2 Vreemdelingenwet' }, 'fr')).toBe('Art. 61/2 Vreemdelingenwet');
    expect(basisText({ basis: { en: 'Aliens Act', nl: 'Vreemdelingenwet', fr: 'Loi sur les étrangers' } }, 'fr')).toBe('Loi sur les étrangers');
    expect(basisText({ basis: { en: '' } }, 'en')).toBeNull();
  });
});
