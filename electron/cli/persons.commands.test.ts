/**
 * The person, procedure and deadline commands of the real CLI, spawned as a script would run them
 * (node + tsx, --password-stdin, a vault made with --kdf minimum).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { tempDir } from '../../test/helpers/vault';
import { cliEventSchema } from './persons.commands';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_PW = 'admin password 123';
const WORKER_PW = 'worker password 123';

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

function expectOk(run: Run): Run {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run;
}

function expectFailure(run: Run, code: 1 | 2): string {
  expect(run.code, run.stderr).toBe(code);
  const errLines = run.stderr.split('\n').filter((l) => l.length > 0);
  expect(errLines).toHaveLength(1);
  expect(run.stdout).toBe('');
  return errLines[0] ?? '';
}

let work: { dir: string; cleanup: () => void };
let vault: string;
const asAdmin = (args: string[]) => cli([...args, '--vault', vault, '--user', 'anna', '--password-stdin'], `${ADMIN_PW}\n`);
function file(name: string, value: unknown): string {
  const path = join(work.dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(() => {
  work = tempDir('passerelle-cli-persons-');
  vault = join(work.dir, 'vault');
  expectOk(cli(['init', '--vault', vault, '--org', 'Centre Test', '--country', 'BE', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${ADMIN_PW}\n`));
  expectOk(
    cli(
      ['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'wim', '--display-name', 'Wim W.', '--role', 'caseworker', '--password-stdin'],
      `${ADMIN_PW}\n${WORKER_PW}\n`,
    ),
  );
}, 120_000);

afterAll(() => work.cleanup());

describe('passerelle CLI: persons, procedures, deadlines', { timeout: 300_000 }, () => {
  let caseCode = '';

  it('person add registers a person from JSON and prints the case code', () => {
    const person = file('person.json', {
      givenNames: 'Invented',
      familyName: 'Kalovoda',
      aliases: ['Kiki'],
      dateOfBirth: { precision: 'approximate', date: '1998-01-01' },
      gender: 'female',
      nationalities: ['NG'],
      languages: ['en'],
      interpreter: { needed: true, language: 'en' },
      safetyNotes: 'Never contact through relatives.',
      detection: { date: '2026-02-20', country: 'BE', by: 'police' },
      exploitationForms: ['sexual'],
      exploitationCountries: ['BE', 'LU'],
    });
    const out = expectOk(asAdmin(['person', 'add', '--json', person])).stdout.trim();
    expect(out).toMatch(/^CEN-\d{4}-0001$/);
    caseCode = out;
  });

  it('person add names every invalid field of the JSON file, and adds nothing', () => {
    const bad = file('bad.json', { familyName: '', nationalities: ['XX'], dateOfBirth: { precision: 'exact' } });
    const line = expectFailure(asAdmin(['person', 'add', '--json', bad]), 1);
    expect(line).toMatch(/^error: .*bad\.json is not valid: /);
    expect(line).toContain('nationalities.0');
    expect(line).toContain('dateOfBirth.date');
    expect(expectFailure(asAdmin(['person', 'add', '--json', file('broken.json', '{ not json')]), 1)).toMatch(/is not valid JSON/);
    const list = JSON.parse(expectOk(asAdmin(['person', 'list', '--json'])).stdout) as { caseCode: string }[];
    expect(list.map((p) => p.caseCode)).toEqual([caseCode]);
  });

  it('procedure event opens the Belgian track and deadlines prints the exact JSON shape', () => {
    const today = '2026-03-02';
    const event = file('annex15.json', { country: 'BE', type: 'annex15Issued', date: today });
    const recorded = expectOk(asAdmin(['procedure', 'event', '--person', caseCode.toLowerCase(), '--json', event])).stdout;
    expect(recorded).toContain('phase be.reflection');
    // brochure §4 BE "Reflectieperiode": 45 days after the annex 15.
    const deadlines = expectOk(asAdmin(['deadlines', '--within', '45', '--json', '--today', today])).stdout;
    const parsed = JSON.parse(deadlines) as Record<string, string>[];
    // The brochure fixes the 45 days, so the due date's basis is 'exact' (docs/legal-rules.md).
    expect(parsed).toEqual([{ caseCode, country: 'BE', kind: 'reflectionPeriodEnd', dueDate: '2026-04-16', phase: 'be.reflection', basis: 'exact' }]);
    expect(Object.keys(parsed[0] ?? {})).toEqual(['caseCode', 'country', 'kind', 'dueDate', 'basis', 'phase']);
    expect(JSON.parse(expectOk(asAdmin(['deadlines', '--within', '44', '--json', '--today', today])).stdout)).toEqual([]);
  });

  it('refuses what the rules refuse, citing the rule, and an event type of another country (exit 1)', () => {
    const extend = file('extend.json', { country: 'be', type: 'reflectionExtended', date: '2026-03-03' });
    expect(expectFailure(asAdmin(['procedure', 'event', '--person', caseCode, '--json', extend]), 1)).toMatch(/^error: Not allowed: .*cannot be extended.*source: brochure §4 BE/);
    const foreign = file('nl-type.json', { country: 'BE', type: 'reflectionStarted', date: '2026-03-03' });
    expect(expectFailure(asAdmin(['procedure', 'event', '--person', caseCode, '--json', foreign]), 1)).toMatch(/nl-type\.json is not valid: type: /);
  });

  it('validates the command line (exit 2) and answers NOT_FOUND for an unknown case code (exit 1)', () => {
    expect(expectFailure(asAdmin(['deadlines', '--within', '30', '--json', '--today', '2026-02-30']), 2)).toMatch(/YYYY-MM-DD/);
    expect(expectFailure(asAdmin(['deadlines', '--within', 'soon', '--json']), 2)).toMatch(/whole number/);
    expect(expectFailure(asAdmin(['procedure', 'event', '--person', 'not a code', '--json', 'x.json']), 2)).toMatch(/case code/);
    const event = file('event.json', { country: 'BE', type: 'annex15Issued', date: '2026-03-02' });
    expect(expectFailure(asAdmin(['procedure', 'event', '--person', 'CEN-2020-9999', '--json', event]), 1)).toBe('error: This item was not found.');
  });

  it('gives a caseworker only the cases assigned to them', () => {
    const asWorker = (args: string[]) => cli([...args, '--vault', vault, '--user', 'wim', '--password-stdin'], `${WORKER_PW}\n`);
    expect(JSON.parse(expectOk(asWorker(['deadlines', '--within', '365', '--json', '--today', '2026-03-02'])).stdout)).toEqual([]);
    expect(JSON.parse(expectOk(asWorker(['person', 'list', '--json'])).stdout)).toEqual([]);
    const event = file('event2.json', { country: 'NL', type: 'reflectionStarted', date: '2026-03-02' });
    expect(expectFailure(asWorker(['procedure', 'event', '--person', caseCode, '--json', event]), 1)).toBe('error: This item was not found.');
  });
});

describe('docs/cli.md', () => {
  it('shows JSON examples the commands accept', () => {
    const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
    const section = (title: string) => doc.split(`### \`${title}\``)[1]?.split('\n### ')[0] ?? '';
    const jsonBlocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
    const [person] = jsonBlocks(section('person add'));
    expect(personCreateSchema.safeParse(person).error).toBeUndefined();
    const [event] = jsonBlocks(section('procedure event'));
    expect(cliEventSchema.safeParse(event).success).toBe(true);
  });
});
