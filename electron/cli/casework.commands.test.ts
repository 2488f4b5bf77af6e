/**
 * `note add` and `search` of the real CLI, spawned as a script would run them (node + tsx,
 * --password-stdin, a vault made with --kdf minimum): a note from JSON, found again by a folded
 * prefix, the caseworker's reach, and bad input refused with one line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../test/helpers/cli';
import { tempDir } from '../../test/helpers/vault';

const ADMIN_PW = 'admin password 123';
const WORKER_PW = 'worker password 123';


const cli = runCli;

function expectOk(run: CliRun): CliRun {
  expect(run.code, run.stderr).toBe(0);
  return run;
}

let work: { dir: string; cleanup: () => void };
let vault: string;
const as = (user: string, pw: string, args: string[]) => cli([...args, '--vault', vault, '--user', user, '--password-stdin'], `${pw}\n`);
function file(name: string, value: unknown): string {
  const path = join(work.dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(() => {
  work = tempDir('passerelle-cli-notes-');
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

describe('passerelle CLI: note add and search', { timeout: 300_000 }, () => {
  it('adds a note from JSON and finds it by a folded prefix; a caseworker finds nothing of cases not theirs', () => {
    const caseCode = expectOk(as('anna', ADMIN_PW, ['person', 'add', '--json', file('p.json', { givenNames: 'Invented', familyName: 'Kalovoda' })])).stdout.trim();
    const noteFile = file('note.json', { occurredOn: '2026-12-01', type: 'phoneCall', body: "Appel à l'avocate : l'audience est reportée.", durationMinutes: 20 });
    const id = expectOk(as('anna', ADMIN_PW, ['note', 'add', '--person', caseCode, '--json', noteFile])).stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const found = JSON.parse(expectOk(as('anna', ADMIN_PW, ['search', '--text', 'AUDIEN', '--json'])).stdout) as { noteId: string; caseCode: string; snippet: { text: string; hit: boolean }[] }[];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ noteId: id, caseCode, occurredOn: '2026-12-01', type: 'phoneCall' });
    expect(found[0]?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['audience']);
    const table = expectOk(as('anna', ADMIN_PW, ['search', '--text', 'avocate', '--person', caseCode])).stdout;
    expect(table).toContain(`${caseCode}  2026-12-01  phoneCall  Appel à l'[avocate]`);
    expect(JSON.parse(expectOk(as('wim', WORKER_PW, ['search', '--text', 'audience', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a note file that does not match the schema, with one line naming the field', () => {
    const caseCode = expectOk(as('anna', ADMIN_PW, ['person', 'add', '--json', file('p2.json', { givenNames: 'Other' })])).stdout.trim();
    const run = as('anna', ADMIN_PW, ['note', 'add', '--person', caseCode, '--json', file('bad.json', { occurredOn: '2026-12-01', type: 'email', body: 'x' })]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('type');
    const empty = as('anna', ADMIN_PW, ['search', '--text', '" * -', '--json']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('at least one word');
  });
});
