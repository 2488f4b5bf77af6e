/**
 * No plaintext on disk for person records (issue 3): a marker in the names, an alias, the safety
 * notes, a guardian, a consent partner, a checklist note and an attachment (its content and its file
 * name) appears in no file of the vault folder, while it is open (WAL, SHM) and after locking.
 * Mirrors test/security/vault-security.test.ts.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { FakeClock } from '../helpers/fake-clock';
import { filesContaining } from '../helpers/files';
import { newVault } from '../helpers/vault';

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
