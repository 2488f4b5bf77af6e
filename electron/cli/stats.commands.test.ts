/**
 * `passerelle stats` and `passerelle access-request` through the real CLI, spawned as a script would
 * run them: the formats, no small count in any file, an existing file never overwritten, the roles,
 * and the command-line checks (exit 2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/helpers/cli';
import { accessRequestSchema } from '../../shared/privacy/access-request.schema';
import { statisticsReportSchema } from '../../shared/statistics/statistics.schema';
import { tempDir } from '../../test/helpers/vault';

const ADMIN_PW = 'admin password 123';
const WORKER_PW = 'worker password 123';


const cli = runCli;

function ok(run: CliRun): string {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

let work: { dir: string; cleanup: () => void };
let vault: string;
const out = (name: string) => join(work.dir, name);
const asAdmin = (args: string[]) => cli([...args, '--vault', vault, '--user', 'anna', '--password-stdin'], `${ADMIN_PW}\n`);
const asWorker = (args: string[]) => cli([...args, '--vault', vault, '--user', 'wim', '--password-stdin'], `${WORKER_PW}\n`);
const codes: string[] = [];

beforeAll(() => {
  work = tempDir('passerelle-cli-stats-');
  vault = join(work.dir, 'vault');
  ok(cli(['init', '--vault', vault, '--org', 'Payoke Test', '--country', 'BE', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${ADMIN_PW}\n`));
  ok(cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'wim', '--display-name', 'Wim W.', '--role', 'caseworker', '--password-stdin'], `${ADMIN_PW}\n${WORKER_PW}\n`));
  // Six invented women and two men: the men (2) are a small count.
  for (let i = 0; i < 8; i++) {
    const path = out(`p${i}.json`);
    writeFileSync(path, JSON.stringify({ givenNames: `Zyx${i}`, familyName: 'Invented', gender: i < 6 ? 'female' : 'male', nationalities: ['NG'] }));
    codes.push(ok(asAdmin(['person', 'add', '--json', path])).trim());
  }
}, 240_000);

afterAll(() => work.cleanup());

describe('passerelle stats', { timeout: 300_000 }, () => {
  it('writes the year as JSON, CSV and XLSX with the small counts hidden, and never overwrites a file', async () => {
    const year = new Date().getFullYear();
    ok(asAdmin(['stats', '--year', String(year), '--json', '--out', out('s.json')]));
    const report = statisticsReportSchema.parse(JSON.parse(readFileSync(out('s.json'), 'utf8')));
    const sex = report.tables.find((t) => t.id === 'sex');
    expect(sex?.total).toEqual({ value: 8 });
    expect(sex?.rowTotals[sex.rows.indexOf('male')]).toEqual({ hidden: 'small' });
    expect(readFileSync(out('s.json'), 'utf8')).not.toMatch(/"value": [1-4]\n/);

    ok(asAdmin(['stats', '--year', String(year), '--country', 'be', '--csv', '--language', 'nl', '--out', out('s.csv')]));
    const lines = readFileSync(out('s.csv'), 'utf8').trim().split('\r\n');
    for (const l of lines.slice(1)) expect(['<5', 'x', '0'].includes(l.split(',')[3] ?? '') || Number(l.split(',')[3]) >= 5).toBe(true);

    ok(asAdmin(['stats', '--year', String(year), '--xlsx', '--out', out('s.xlsx')]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out('s.xlsx')) as unknown as ArrayBuffer);
    const numbers: number[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'number' && numbers.push(c.value)))));
    expect(numbers).toContain(8);
    expect(numbers.every((n) => n === 0 || n >= 5)).toBe(true);

    ok(asAdmin(['stats', '--year', String(year), '--pdf', '--out', out('s.pdf')]));
    expect(readFileSync(out('s.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const again = asAdmin(['stats', '--year', String(year), '--json', '--out', out('s.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('refuses a caseworker, and a bad command line with exit 2', () => {
    const worker = asWorker(['stats', '--year', '2026', '--json', '--out', out('w.json')]);
    expect(worker.code).toBe(1);
    expect(existsSync(out('w.json'))).toBe(false);
    expect(asAdmin(['stats', '--year', '26', '--json', '--out', out('b.json')]).code).toBe(2);
    expect(asAdmin(['stats', '--year', '2026', '--country', 'FR', '--json', '--out', out('b.json')]).code).toBe(2);
    expect(asAdmin(['stats', '--year', '2026', '--json', '--csv', '--out', out('b.json')]).code).toBe(2);
    expect(asAdmin(['stats', '--year', '2026', '--out', out('b.json')]).code).toBe(2);
    expect(existsSync(out('b.json'))).toBe(false);
  });
});

describe('passerelle access-request', { timeout: 300_000 }, () => {
  it("writes the person's archive under a name without their name, validated by its schema", () => {
    const code = codes[0] as string;
    const stdout = ok(asAdmin(['access-request', '--person', code, '--out', out('request.zip')]));
    expect(stdout).toMatch(/^Wrote .*request\.zip \(request [0-9a-f-]{36}\)\.\n$/);
    const files = unzipSync(new Uint8Array(readFileSync(out('request.zip'))));
    const json = accessRequestSchema.parse(JSON.parse(strFromU8(files['access-request.json'] as Uint8Array)));
    expect(json.person).toMatchObject({ caseCode: code, givenNames: 'Zyx0' });
    expect(asAdmin(['access-request', '--person', code, '--out', out('request.zip')]).code).toBe(1);
  });
});
