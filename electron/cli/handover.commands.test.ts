/**
 * The handover commands of the real CLI, spawned as a script would run them (node + tsx,
 * --password-stdin, vaults made with --kdf minimum): a Belgian centre and a Luxembourg service
 * exchange key cards, verify them, and run a handover from export to the receipt that closes it.
 * Every refusal is exit 1 and one line on standard error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrations-dir';
import { consentRecordInputSchema } from '../../shared/persons/consent.schema';
import { createCore } from '../core/app-core';
import { todayOf } from '../core/persons/person-access';
import { memoryPreferences, silentLogger, systemClock } from '../core/ports';
import { tempDir } from '../../test/helpers/vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PW = 'admin password 123';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin = ''): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/passerelle.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(run: Run): string {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

function refused(run: Run): string {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.split('\n').filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  expect(run.stdout).toBe('');
  return lines[0] ?? '';
}

let work: { dir: string; cleanup: () => void };
let be = '';
let lu = '';
const path = (name: string) => join(work.dir, name);
const as = (vault: string, args: string[]) => cli([...args, '--vault', vault, '--user', 'anna', '--password-stdin'], `${PW}\n`);

beforeAll(() => {
  work = tempDir('passerelle-cli-handover-');
  be = path('be');
  lu = path('lu');
  ok(cli(['init', '--vault', be, '--org', 'Centrum Voorbeeld (test)', '--country', 'BE', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${PW}\n`));
  ok(cli(['init', '--vault', lu, '--org', 'Service Exemple (test)', '--country', 'LU', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${PW}\n`));
}, 120_000);

afterAll(() => work.cleanup());

describe('passerelle CLI: keys, partners, handover packages and receipts', { timeout: 300_000 }, () => {
  it('runs a handover from the key cards to the receipt, and refuses with one line what must be refused', async () => {
    // Key cards, and their fingerprints to read out.
    const beCard = JSON.parse(ok(as(be, ['keys', 'card', '--out', path('be.card.json'), '--json']))) as { fingerprint: { display: string } };
    const luCardText = ok(as(lu, ['keys', 'card', '--out', path('lu.card.json')]));
    expect(luCardText).toMatch(/Fingerprint \(read it out/);
    const luDigits = (luCardText.match(/\d{5}/g) ?? []).join(' ');
    expect(luDigits).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(refused(as(lu, ['keys', 'card', '--out', path('lu.card.json')]))).toBe('error: A file with this name already exists. Choose another name.');

    // partner add: a wrong fingerprint is refused and nothing is written; the right one verifies.
    const wrong = luDigits.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(refused(as(be, ['partner', 'add', path('lu.card.json'), '--fingerprint', wrong]))).toMatch(/^error: The fingerprint does not match this key card\. .*\(keyCard\.fingerprintMismatch\)$/);
    expect(ok(as(be, ['partner', 'add', path('lu.card.json'), '--fingerprint', luDigits]))).toMatch(/^Service Exemple \(test\) \(LU\) is a verified partner \(added\)/);
    ok(as(lu, ['partner', 'add', path('be.card.json'), '--fingerprint', beCard.fingerprint.display.replace(/ /g, '')]));
    writeFileSync(path('big.json'), 'x'.repeat(20_000));
    expect(refused(as(be, ['partner', 'add', path('big.json'), '--fingerprint', luDigits]))).toMatch(/too large to be a Passerelle key card/);

    // A person at the Belgian centre, and the consent recorded in the app (there is no consent command).
    writeFileSync(path('person.json'), JSON.stringify({ givenNames: 'Invented', familyName: 'Kalovoda', nationalities: ['NG'] }));
    const caseCode = ok(as(be, ['person', 'add', '--json', path('person.json')])).trim();
    const core = createCore({ vaultDir: be, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences() });
    try {
      await core.vault.unlock('anna', PW);
      const personId = core.persons.idByCaseCode(caseCode);
      core.consents.record(consentRecordInputSchema.parse({ personId, kind: 'sharing', partner: 'Service Exemple (test)', categories: ['identity', 'procedure'], givenOn: todayOf(systemClock) }));
    } finally {
      core.dispose();
    }

    // Export: refused beyond the consent; then made.
    expect(refused(as(be, ['handover', 'export', '--person', caseCode, '--to', 'Service Exemple (test)', '--sections', 'identity,health', '--out', path('no.handover')]))).toMatch(
      /^error: The person's consent for this partner does not cover: health\. .*\(handover\.consentNotCovered\)$/,
    );
    expect(existsSync(path('no.handover'))).toBe(false);
    expect(existsSync(path('no.handover.partial'))).toBe(false);
    expect(refused(as(be, ['handover', 'export', '--person', caseCode, '--to', 'Nobody', '--sections', 'identity', '--out', path('no.handover')]))).toMatch(/no partner "Nobody"/);
    const exported = JSON.parse(ok(as(be, ['handover', 'export', '--person', caseCode, '--to', 'service exemple (TEST)', '--sections', 'identity,procedure', '--out', path('p.handover'), '--json']))) as { packageId: string };
    expect(exported.packageId).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(path('p.handover')).includes(Buffer.from('Kalovoda'))).toBe(false);

    // Inspect and import at the Luxembourg service.
    const inspected = ok(as(lu, ['handover', 'inspect', path('p.handover')]));
    expect(inspected).toContain(caseCode);
    expect(inspected).toContain('Nothing was imported.');
    const imported = ok(as(lu, ['handover', 'import', path('p.handover'), '--receipt-out', path('r.receipt')]));
    expect(imported).toMatch(/^Imported as SER-\d{4}-0001\. Send the receipt/);
    expect(refused(as(lu, ['handover', 'import', path('p.handover')]))).toBe('error: The handover package was refused: this package was already imported. (replay)');
    expect(refused(as(be, ['handover', 'inspect', path('p.handover')]))).toBe('error: The handover package was refused: it is addressed to another organisation. (wrongRecipient)');
    ok(as(lu, ['handover', 'receipt', '--package', exported.packageId, '--out', path('r2.receipt')]));
    expect(readFileSync(path('r2.receipt'), 'utf8')).toBe(readFileSync(path('r.receipt'), 'utf8'));
    writeFileSync(path('junk.handover'), 'not a package\n');
    expect(refused(as(lu, ['handover', 'import', path('junk.handover')]))).toMatch(/\(malformed\)$/);

    // The receipt closes the handover at the sender, once.
    expect(ok(as(be, ['receipt', 'import', path('r.receipt')]))).toMatch(/accepted the handover of .*; the handover is closed\. Your copy of the file is due for deletion on \d{4}-\d{2}-\d{2}\./);
    expect(refused(as(be, ['receipt', 'import', path('r.receipt')]))).toBe('error: The receipt was refused: this receipt was already imported. (replay)');
    expect(cli(['handover', 'receipt', '--vault', lu, '--user', 'anna', '--out', path('x'), '--password-stdin'], `${PW}\n`).code).toBe(2);
  });
});
