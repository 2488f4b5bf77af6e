/**
 * A handover package exported to a file (the CLI's path) never replaces or writes through what is
 * at the chosen name: a planted symbolic link is refused, its target untouched, and no export is
 * recorded; the package file made otherwise is 0600.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { call, footprint, makePartners, newOrg } from '../../../test/helpers/handover';
import { tempDir } from '../../../test/helpers/vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('handover export to a file', () => {
  it('refuses a planted symbolic link at the chosen name, records nothing, then writes a 0600 file', async () => {
    const clock = new FakeClock('2026-11-29T09:00:00.000Z');
    const be = await newOrg(clock, 'Centrum Voorbeeld (test)', 'BE', cleanups);
    const lu = await newOrg(clock, 'Service Exemple (test)', 'LU', cleanups);
    const { bId: luId } = await makePartners(be, lu);
    const p = await call(be.core, 'persons.create', { familyName: 'Invented' });
    await call(be.core, 'consents.record', { personId: p.person.id, kind: 'sharing', partner: luId, categories: ['identity'], givenOn: '2026-11-28' });
    const h = await call(be.core, 'handover.start', { personId: p.person.id, partnerOrgId: luId });

    const t = tempDir('passerelle-export-');
    cleanups.push(t.cleanup);
    const out = join(t.dir, 'out');
    mkdirSync(out);
    const victim = join(t.dir, 'victim.txt');
    writeFileSync(victim, 'do not touch');
    const target = join(out, 'package.handover');
    symlinkSync(victim, target);
    const before = footprint(be.core).sent_packages ?? 0;

    const choice = { handoverId: h.id, sections: ['identity' as const], attachmentIds: [], note: null, validityDays: 14 };
    await expect(be.core.handovers.exportToFile(choice, target)).rejects.toMatchObject({ code: 'CONFLICT', key: 'fileExists' });
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(footprint(be.core).sent_packages).toBe(before);
    expect(readdirSync(out)).toEqual(['package.handover']);

    const fresh = join(out, 'fresh.handover');
    const result = await be.core.handovers.exportToFile(choice, fresh);
    expect(statSync(fresh).size).toBe(result.bytes);
    if (process.platform !== 'win32') expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(footprint(be.core).sent_packages).toBe(before + 1);
  });
});
