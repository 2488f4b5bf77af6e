/**
 * Benchmark ("npm run bench -- handover"): export and import of a package with 50 MB of attachments,
 * time and peak memory. Not a test; the integrator wires `runHandoverBench` into bench/run.ts:
 *
 *   import { runHandoverBench } from '../electron/core/handover/handover.bench';
 *   if (wanted('handover')) printResults('Handover: 50 MB of attachments', await runHandoverBench());
 *
 * Each step runs in a fresh Node process (forked with tsx), so its peak memory is the process's
 * maximum resident set size (getrusage), which also catches the spikes of synchronous work that a
 * timer sampling memoryUsage() never sees. "Above start" subtracts the resident size just before the
 * step, when the attachments (50 MB) are already in memory on the export side.
 *
 * For comparison, the same 50 MB as ONE compact JWE through jose (the design this format avoids).
 */
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactEncrypt, compactDecrypt } from 'jose';
import type { KeyCard } from '../../../shared/handover/key-card.schema';
import { T0, partnersOf, twoOrganisations, verifiedPartner } from './handover.fixtures';
import { encryptionPublicKey, exportPrivateKeys, loadOrganisationKeys, type OrganisationKeys, type StoredPrivateKeys } from './org-keys';
import { openPackage, packageParts, type HandoverContent } from './package';

/** Same shape as bench/measure.ts BenchResult. */
export interface HandoverBenchResult {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
}

type Step = 'export' | 'import' | 'singleJwe';

interface StepResult {
  ms: number;
  /** Peak resident set size of the process, MiB. */
  peakMiB: number;
  /** Resident set size just before the step, MiB. */
  startMiB: number;
  extra?: number;
}

interface BenchFiles {
  dir: string;
  totalBytes: number;
  files: number;
}

const MiB = 1024 * 1024;

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function keysFrom(dir: string, who: 'be' | 'lu'): OrganisationKeys {
  const card = JSON.parse(readFileSync(join(dir, `${who}.card.json`), 'utf8')) as KeyCard;
  const stored = JSON.parse(readFileSync(join(dir, `${who}.keys.json`), 'utf8')) as StoredPrivateKeys;
  return loadOrganisationKeys(card, stored);
}

async function timed(step: () => Promise<number | undefined>): Promise<StepResult> {
  collect();
  const startMiB = process.memoryUsage().rss / MiB;
  const t = performance.now();
  const extra = await step();
  const ms = performance.now() - t;
  return { ms, startMiB, peakMiB: process.resourceUsage().maxRSS / 1024, ...(extra === undefined ? {} : { extra }) };
}

/** One step, in this (child) process. */
async function runStep(step: Step, f: BenchFiles): Promise<StepResult> {
  const be = keysFrom(f.dir, 'be');
  const lu = keysFrom(f.dir, 'lu');
  const path = join(f.dir, 'bench.handover');
  if (step === 'export') {
    const content: HandoverContent = {
      recipient: verifiedPartner(lu, be),
      purpose: { code: 'handover', note: null },
      senderCaseCode: 'BENCH-2026-0001',
      consent: { givenOn: '2026-11-27', categories: ['identity', 'attachments'] },
      sections: { identity: { givenNames: 'Bench', familyName: 'Invented' } },
      // Random bytes: scans hardly compress, and nothing here compresses anyway.
      attachments: Array.from({ length: f.files }, (_, i) => ({
        name: `scan-${i + 1}.pdf`,
        mediaType: 'application/pdf',
        bytes: randomBytes(Math.floor(f.totalBytes / f.files)),
      })),
      createdAt: T0,
    };
    return timed(async () => {
      const out = createWriteStream(path);
      for await (const part of packageParts(content, be)) {
        if (!out.write(part)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      return statSync(path).size;
    });
  }
  if (step === 'import') {
    return timed(async () => {
      const preview = await openPackage(
        { path },
        { recipientKeys: lu, knownPartners: partnersOf(verifiedPartner(be, lu)), now: T0, seenPackageIds: new Set(), maxBytes: 2 * f.totalBytes },
      );
      return preview.attachments.reduce((n, a) => n + a.size, 0);
    });
  }
  const data = randomBytes(f.totalBytes);
  return timed(async () => {
    const jwe = await new CompactEncrypt(data).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }).encrypt(encryptionPublicKey(lu.card.keys.encryption.x));
    const { plaintext } = await compactDecrypt(jwe, lu.encryptionKey);
    return plaintext.length;
  });
}

function inChild(step: Step, f: BenchFiles): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [step, JSON.stringify(f)], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: StepResult | undefined;
    child.on('message', (m) => (result = m as StepResult));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`bench step ${step} failed (${code})`))));
  });
}

export interface HandoverBenchOptions {
  /** Total attachment bytes; default 50 MB. */
  totalBytes?: number;
  /** Split into this many attachments; default 5 (scans of 10 MB). */
  files?: number;
  /** Also measure one 50 MB JWE for comparison; default true. */
  compareSingleJwe?: boolean;
}

export async function runHandoverBench(options: HandoverBenchOptions = {}): Promise<HandoverBenchResult[]> {
  const f: BenchFiles = { dir: mkdtempSync(join(tmpdir(), 'passerelle-handover-bench-')), totalBytes: options.totalBytes ?? 50_000_000, files: options.files ?? 5 };
  try {
    const { be, lu } = twoOrganisations();
    for (const [who, org] of [['be', be], ['lu', lu]] as const) {
      writeFileSync(join(f.dir, `${who}.card.json`), JSON.stringify(org.keys.card));
      writeFileSync(join(f.dir, `${who}.keys.json`), JSON.stringify(exportPrivateKeys(org.keys)));
    }
    const exported = await inChild('export', f);
    const imported = await inChild('import', f);
    if (imported.extra !== Math.floor(f.totalBytes / f.files) * f.files) throw new Error('bench: attachments missing after import');
    const mb = f.totalBytes / 1e6;
    const results: HandoverBenchResult[] = [
      { name: `package file for ${mb} MB of attachments`, value: (exported.extra ?? 0) / 1e6, unit: 'MB', ratio: (exported.extra ?? 0) / f.totalBytes },
      { name: 'export: sign, encrypt, stream to file', value: exported.ms, unit: 'ms' },
      { name: 'export: peak RSS of the process', value: exported.peakMiB, unit: 'MiB' },
      { name: 'export: peak RSS above start (attachments held)', value: exported.peakMiB - exported.startMiB, unit: 'MiB' },
      { name: 'import: read, decrypt, verify, hash', value: imported.ms, unit: 'ms' },
      { name: 'import: peak RSS of the process', value: imported.peakMiB, unit: 'MiB' },
      { name: 'import: peak RSS above start', value: imported.peakMiB - imported.startMiB, unit: 'MiB' },
    ];
    if (options.compareSingleJwe ?? true) {
      const single = await inChild('singleJwe', f);
      results.push(
        { name: 'for comparison, one JWE: encrypt + decrypt', value: single.ms, unit: 'ms' },
        { name: 'for comparison, one JWE: peak RSS above start', value: single.peakMiB - single.startMiB, unit: 'MiB' },
      );
    }
    return results;
  } finally {
    rmSync(f.dir, { recursive: true, force: true });
  }
}

// Child process entry: `<this file> <step> <json>` (forked by inChild).
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [step, json] = process.argv.slice(2) as [Step, string];
  const result = await runStep(step, JSON.parse(json) as BenchFiles);
  process.send(result, undefined, undefined, () => process.exit(0));
}
