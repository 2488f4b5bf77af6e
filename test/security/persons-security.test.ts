/**
 * No plaintext on disk for person records: a marker in the names, an alias, the safety
 * notes, a guardian, a consent partner, a checklist note and an attachment (its content and its file
 * name) appears in no file of the vault folder, while it is open (WAL, SHM) and after locking.
 * Mirrors test/security/vault-security.test.ts. After a record is erased, no file holds it and the
 * WAL holds no older copy of its pages; deleted content is overwritten (secure_delete).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { FakeClock } from '../helpers/fake-clock';
import { filesContaining } from '../helpers/files';
import { ADMIN, newVault } from '../helpers/vault';

const MARKER = 'ZQX-PERSON-MARKER-4417-Ünïcødé';
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('no plaintext on disk: person records', () => {
  it('keeps a marker in names, aliases, notes and an attachment out of every file of the vault', async () => {
    const v = await newVault(new FakeClock());
    cleanups.push(v.cleanup);
    const { core, dir } = v;
    // Enough records that the WAL holds many pages, the marker in each.
    let firstId = '';
    for (let i = 0; i < 20; i++) {
      const detail = core.persons.create(
        personCreateSchema.parse({
          givenNames: `${MARKER} given ${i}`,
          familyName: `${MARKER} family`,
          aliases: [`${MARKER} alias`],
          safetyNotes: `Never contact through relatives. ${MARKER}`,
          guardianships: [{ kind: 'guardian', name: `${MARKER} guardian` }],
          centre: MARKER,
        }),
      );
      firstId ||= detail.person.id;
    }
    const attachment = core.attachments.add({
      personId: firstId,
      kind: 'identityDocument',
      mediaType: 'application/pdf',
      fileName: `${MARKER}.pdf`,
      documentDate: null,
      contentBase64: Buffer.from(`%PDF-1.4\n${MARKER.repeat(200)}\n`).toString('base64'),
    });
    const track = core.procedures.openTrack({ personId: firstId, country: 'BE' });
    core.procedures.answerChecklist({
      trackId: track.id,
      checklistId: 'be.entryConditions',
      itemId: 'be.entry.breakContact',
      status: 'met',
      date: '2026-11-29' as never,
      note: MARKER,
      attachmentId: attachment.id,
    });
    core.consents.record({ personId: firstId, kind: 'sharing', partner: MARKER, categories: ['identity'], givenOn: '2026-11-29' as never });
    // Reading it back works (the data is there, encrypted) ...
    expect(Buffer.from(core.attachments.get({ attachmentId: attachment.id }).contentBase64, 'base64').toString()).toContain(MARKER);
    // ... while open (WAL and SHM present) ...
    expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
    // The search column holds the folded form: look for that too.
    const FOLDED = 'zqx-person-marker-4417';
    expect(filesContaining(join(dir, '..'), MARKER)).toEqual([]);
    expect(filesContaining(join(dir, '..'), FOLDED)).toEqual([]);
    core.vault.lock();
    // ... and after closing.
    expect(filesContaining(join(dir, '..'), MARKER)).toEqual([]);
    expect(filesContaining(join(dir, '..'), FOLDED)).toEqual([]);
    // Sanity: the check finds a marker where there is one.
    writeFileSync(join(dir, '..', 'probe.txt'), MARKER);
    expect(filesContaining(join(dir, '..'), MARKER)).toHaveLength(1);
  });
});

describe('no trace after erasure', () => {
  it('leaves no copy of an erased record in the WAL or any file, and every vault connection overwrites deleted content', async () => {
    const v = await newVault(new FakeClock());
    cleanups.push(v.cleanup);
    const { core, dir } = v;
    const ERASED = 'ERASED-MARKER-Qv7Rk2';
    const erased = core.persons.create(personCreateSchema.parse({ givenNames: ERASED, familyName: `${ERASED} family`, aliases: [`${ERASED} alias`], safetyNotes: ERASED }));
    core.persons.create(personCreateSchema.parse({ givenNames: 'Kept', familyName: 'Kept family' }));
    core.attachments.add({
      personId: erased.person.id,
      kind: 'identityDocument',
      mediaType: 'application/pdf',
      fileName: `${ERASED}.pdf`,
      documentDate: null,
      contentBase64: Buffer.from(`%PDF-1.4\n${ERASED.repeat(5000)}\n`).toString('base64'), // spills to overflow pages
    });
    expect(statSync(join(dir, 'vault.db-wal')).size).toBeGreaterThan(0);
    // SQLite zeroes deleted cells and freed pages (secure_delete), so the pages an erasure frees hold
    // nothing for whoever has the data key. (The freed pages cannot be shown decrypted with this build:
    // no sqlite_dbpage, and turning the chacha20 encryption off with rekey VACUUMs the file.)
    expect(core.vault.read((db) => db.$client.pragma('secure_delete', { simple: true }))).toBe(1);

    core.persons.erase({ personId: erased.person.id, confirmCaseCode: erased.person.caseCode, reason: 'personRequest' });
    // Right after the erasure, while the vault is open, the WAL holds no older copy of the pages.
    expect(!existsSync(join(dir, 'vault.db-wal')) || statSync(join(dir, 'vault.db-wal')).size === 0).toBe(true);
    expect(filesContaining(join(dir, '..'), ERASED)).toEqual([]);
    core.vault.lock();
    expect(filesContaining(join(dir, '..'), ERASED)).toEqual([]);

    // Also after a re-key (a user disabled): the new connection has it too.
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const leaver = await core.users.add({ username: 'leaver', displayName: 'L', role: 'caseworker', password: 'leaver password 1' });
    await core.users.disable({ userId: leaver.id });
    expect(core.vault.read((db) => db.$client.pragma('secure_delete', { simple: true }))).toBe(1);
  });
});
