/**
 * `person import` of the real CLI, spawned as a script would run it, on the example workbook and CSV
 * of docs/examples (invented persons): the dry run writes nothing, the import registers the valid
 * rows, bad input ends in one line on stderr and exit 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, runCli } from '../../test/helpers/cli';
import { importReportSchema, importResultSchema } from '../../shared/import/import.schema';
import { tempDir } from '../../test/helpers/vault';

const ROOT = CLI_ROOT;
const ADMIN_PW = 'admin password 123';
const WORKER_PW = 'worker password 123';
const XLSX = join(ROOT, 'docs/examples/caseload-example.xlsx');
const CSV = join(ROOT, 'docs/examples/caseload-example.csv');
const MAPPING = join(ROOT, 'docs/examples/caseload-mapping.json');

const cli = runCli;

let work: { dir: string; cleanup: () => void };
let vault: string;
const asAdmin = (args: string[]) => cli([...args, '--vault', vault, '--user', 'anna', '--password-stdin'], `${ADMIN_PW}\n`);
const personCount = () => (JSON.parse(asAdmin(['person', 'list', '--json']).stdout) as unknown[]).length;

beforeAll(() => {
  work = tempDir('passerelle-cli-import-');
  vault = join(work.dir, 'vault');
  expect(cli(['init', '--vault', vault, '--org', 'Centre Test', '--country', 'BE', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${ADMIN_PW}\n`).code).toBe(0);
  expect(
    cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'wim', '--display-name', 'Wim W.', '--role', 'caseworker', '--password-stdin'], `${ADMIN_PW}\n${WORKER_PW}\n`)
      .code,
  ).toBe(0);
}, 120_000);

afterAll(() => work.cleanup());

describe('passerelle person import', { timeout: 300_000 }, () => {
  it('--dry-run --json reports every row with its problems and writes nothing', () => {
    const run = asAdmin(['person', 'import', XLSX, '--mapping', MAPPING, '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = importReportSchema.parse(JSON.parse(run.stdout));
    expect(report.totals).toEqual({ rows: 8, valid: 5, withProblems: 3, emptyRowsSkipped: 0, events: 9 });
    const problems = Object.fromEntries(report.rows.map((r) => [r.row, r.problems.map((p) => p.code)]));
    expect(problems).toEqual({ 2: [], 3: [], 4: [], 5: [], 6: ['eventRefused'], 7: ['dateImpossible', 'countryUnknown'], 8: [], 9: ['nameMissing'] });
    expect(personCount()).toBe(0);
  });

  it('imports the valid rows of the CSV and prints their case codes; the same file again finds duplicates', () => {
    const run = asAdmin(['person', 'import', CSV, '--mapping', MAPPING, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = importResultSchema.parse(JSON.parse(run.stdout));
    expect(result.imported.map((i) => i.row)).toEqual([2, 3, 4, 5, 8]);
    expect(result.imported.every((i) => /^[A-Z]{2,5}-\d{4}-\d{4}$/.test(i.caseCode))).toBe(true);
    expect(personCount()).toBe(5);

    const again = asAdmin(['person', 'import', XLSX, '--mapping', MAPPING, '--dry-run']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 can be imported/);
    expect(again.stdout).toMatch(/Same name and date of birth as [A-Z]{2,5}-\d{4}-0001, already in the vault\./);
  });

  it('bad input: one line on stderr, exit 1, nothing written', () => {
    const before = personCount();
    const badMapping = join(work.dir, 'bad-mapping.json');
    writeFileSync(badMapping, JSON.stringify({ format: 'passerelle-import-mapping', version: 1, columns: { voornaam: 'Voornaam' } }));
    const macro = join(work.dir, 'caseload.xlsm');
    writeFileSync(macro, 'PK\u0003\u0004');
    const big = join(work.dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
    const cases: [string[], RegExp][] = [
      [['person', 'import', XLSX, '--mapping', badMapping], /bad-mapping\.json is not valid: columns/],
      [['person', 'import', macro, '--mapping', MAPPING], /contains macros/],
      [['person', 'import', big, '--mapping', MAPPING], /larger than 20 MB/],
    ];
    for (const [args, message] of cases) {
      const run = asAdmin(args);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    const worker = cli(['person', 'import', XLSX, '--mapping', MAPPING, '--vault', vault, '--user', 'wim', '--password-stdin'], `${WORKER_PW}\n`);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/role does not allow/);
    expect(personCount()).toBe(before);
  });
});
