/**
 * bench through the real services ("npm run bench -- handover"): a package with 50 MB of
 * attachments (5 scans of 10 MB, random bytes behind a PDF header, stored in the Belgian vault like
 * any attachment) exported by the Belgian centre and imported by the Luxembourg service, both ways
 * the app offers:
 * - to / from a file (CLI): `exportToFile` streams the package, `acceptFrom({ path })` reads it with
 *   the size cap checked first, and writes the person and the 50 MB of attachments into the
 *   encrypted database in one transaction;
 * - over IPC (the desktop app): the router's `handover.export` returns the package as base64, and
 *   `handover.acceptImport` takes it as base64 (the string the renderer sends is made before the
 *   measurement, as it arrives in the main process ready-made).
 * Each step runs in a fresh Node process (forked with tsx) so its peak memory is the process's
 * maximum resident set size (getrusage); "above start" subtracts the resident size just before the
 * step (vault unlocked, inputs ready). Vaults use the minimum KDF: unlocking is not what is measured.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from '../db/migrations-dir';
import { createCore, type Core } from '../electron/core/app-core';
import { memoryPreferences, silentLogger, systemClock } from '../electron/core/ports';
import { todayOf } from '../electron/core/persons/person-access';
import { attachmentAddInputSchema } from '../shared/persons/attachment.schema';
import { consentRecordInputSchema } from '../shared/persons/consent.schema';
import { personCreateSchema } from '../shared/persons/person.schema';
import type { BenchResult } from './measure';

type Step = 'exportFile' | 'acceptFile' | 'exportIpc' | 'acceptIpc';

interface Setup {
  dir: string;
  be: string;
  lu: string;
  handoverId: string;
  attachmentIds: string[];
  totalBytes: number;
}

interface StepResult {
  ms: number;
  peakMiB: number;
  startMiB: number;
  bytes: number;
}

const PASSWORD = 'bench password 1234';
const MiB = 1024 * 1024;

function core(vaultDir: string): Core {
  return createCore({ vaultDir, migrationsFolder: MIGRATIONS_DIR, clock: systemClock, logger: silentLogger, prefs: memoryPreferences(), kdfProfile: 'minimum' });
}

async function setup(totalBytes: number, files: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-handover-services-bench-'));
  const be = core(join(dir, 'be'));
  const lu = core(join(dir, 'lu'));
  try {
    const admin = { username: 'bench', displayName: 'Bench', password: PASSWORD };
    await be.vault.create({ organisationName: 'Centrum Voorbeeld (bench)', country: 'BE', admin });
    await lu.vault.create({ organisationName: 'Service Exemple (bench)', country: 'LU', admin });
    const beCard = be.handoverKeys.ownCard();
    const luCard = lu.handoverKeys.ownCard();
    const luPartner = be.handoverKeys.addVerified(Buffer.from(luCard.file.contentBase64, 'base64'), luCard.fingerprint.display);
    lu.handoverKeys.addVerified(Buffer.from(beCard.file.contentBase64, 'base64'), beCard.fingerprint.display);
    const person = be.persons.create(personCreateSchema.parse({ givenNames: 'Bench', familyName: 'Invented', nationalities: ['NG'] }));
    const personId = person.person.id;
    be.consents.record(
      consentRecordInputSchema.parse({
        personId,
        kind: 'sharing',
        partner: 'Service Exemple (bench)',
        categories: ['identity', 'procedure', 'attachments'],
        givenOn: todayOf(systemClock),
      }),
    );
    const attachmentIds: string[] = [];
    const each = Math.floor(totalBytes / files);
    for (let i = 0; i < files; i++) {
      // Random bytes behind a PDF header: scans hardly compress, and the type check wants %PDF-.
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(each - 9)]);
      attachmentIds.push(
        be.attachments.add(attachmentAddInputSchema.parse({ personId, kind: 'identityDocument', mediaType: 'application/pdf', fileName: `scan-${i + 1}.pdf`, contentBase64: bytes.toString('base64') })).id,
      );
    }
    const handoverId = be.handovers.start({ personId, partnerOrgId: luPartner.partner.orgId }).id;
    return { dir, be: join(dir, 'be'), lu: join(dir, 'lu'), handoverId, attachmentIds, totalBytes: each * files };
  } finally {
    be.dispose();
    lu.dispose();
  }
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function measure(step: () => Promise<number>): Promise<StepResult> {
  collect();
  const startMiB = process.memoryUsage().rss / MiB;
  const t = performance.now();
  const bytes = await step();
  const ms = performance.now() - t;
  return { ms, startMiB, peakMiB: process.resourceUsage().maxRSS / 1024, bytes };
}

async function runStep(step: Step, s: Setup): Promise<StepResult> {
  const c = core(step.startsWith('export') ? s.be : s.lu);
  await c.vault.unlock('bench', PASSWORD);
  try {
    const choice = { handoverId: s.handoverId, sections: ['identity' as const, 'procedure' as const], attachmentIds: s.attachmentIds, note: null, validityDays: 14 };
    const file = join(s.dir, 'bench.handover');
    const ipcFile = join(s.dir, 'bench-ipc.handover');
    switch (step) {
      case 'exportFile':
        return await measure(async () => (await c.handovers.exportToFile(choice, file)).bytes);
      case 'acceptFile':
        return await measure(async () => {
          await c.handoverImports.acceptFrom({ path: file }, null);
          return statSync(file).size;
        });
      case 'exportIpc':
        return await measure(async () => {
          const r = await c.router.call('handover.export', choice);
          if (!r.ok) throw new Error(r.error.message);
          const base64 = (r.value as { file: { contentBase64: string } }).file.contentBase64;
          // What main then hands to the save dialog: the bytes of the file.
          const { writeFileSync } = await import('node:fs');
          writeFileSync(ipcFile, Buffer.from(base64, 'base64'));
          return base64.length;
        });
      case 'acceptIpc': {
        const base64 = readFileSync(ipcFile).toString('base64');
        return await measure(async () => {
          const r = await c.router.call('handover.acceptImport', { fileBase64: base64, caseworkerId: null });
          if (!r.ok) throw new Error(r.error.message);
          return base64.length;
        });
      }
    }
  } finally {
    c.dispose();
  }
}

function inChild(step: Step, s: Setup): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [step, JSON.stringify(s)], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: StepResult | undefined;
    child.on('message', (m) => (result = m as StepResult));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`bench step ${step} failed (${code})`))));
  });
}

export async function runHandoverServicesBench(options: { totalBytes?: number; files?: number } = {}): Promise<BenchResult[]> {
  const s = await setup(options.totalBytes ?? 50_000_000, options.files ?? 5);
  try {
    const results: BenchResult[] = [];
    const mb = s.totalBytes / 1e6;
    for (const [step, label] of [
      ['exportFile', 'export to a file (exportToFile, CLI)'],
      ['acceptFile', 'import from the file (acceptFrom, one transaction)'],
      ['exportIpc', 'export over IPC (handover.export, base64 out)'],
      ['acceptIpc', 'import over IPC (handover.acceptImport, base64 in)'],
    ] as const) {
      const r = await inChild(step, s);
      results.push(
        { name: `${label}: time, ${mb} MB of attachments`, value: r.ms, unit: 'ms' },
        { name: `${label}: peak RSS of the process`, value: r.peakMiB, unit: 'MiB' },
        { name: `${label}: peak RSS above start`, value: r.peakMiB - r.startMiB, unit: 'MiB' },
      );
    }
    results.push({ name: 'package file', value: statSync(join(s.dir, 'bench.handover')).size / 1e6, unit: 'MB' });
    return results;
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
}

// Child process entry: `<this file> <step> <json>` (forked by inChild).
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [step, json] = process.argv.slice(2) as [Step, string];
  const result = await runStep(step, JSON.parse(json) as Setup);
  process.send(result, undefined, undefined, () => process.exit(0));
}
