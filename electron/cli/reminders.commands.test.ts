/**
 * `passerelle reminders` through the real CLI, spawned as a script would run it: what the desktop
 * would notify on a day, by the same planning code, including a deadline on Easter Monday in Belgium
 * whose reminders move to the Thursday and Friday before, and the caseworker restriction.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/vault';
import type { DueReminderJson } from './reminders.commands';

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

function ok(run: Run): string {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

let work: { dir: string; cleanup: () => void };
let vault: string;
const asAdmin = (args: string[]) => cli([...args, '--vault', vault, '--user', 'anna', '--password-stdin'], `${ADMIN_PW}\n`);
const asWorker = (args: string[]) => cli([...args, '--vault', vault, '--user', 'wim', '--password-stdin'], `${WORKER_PW}\n`);
function file(name: string, value: unknown): string {
  const path = join(work.dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const codes: string[] = [];

beforeAll(() => {
  work = tempDir('passerelle-cli-reminders-');
  vault = join(work.dir, 'vault');
  ok(cli(['init', '--vault', vault, '--org', 'Payoke Test', '--country', 'BE', '--admin', 'anna', '--kdf', 'minimum', '--password-stdin', '--json'], `${ADMIN_PW}\n`));
  ok(cli(['user', 'add', '--vault', vault, '--user', 'anna', '--username', 'wim', '--display-name', 'Wim W.', '--role', 'caseworker', '--password-stdin'], `${ADMIN_PW}\n${WORKER_PW}\n`));
  // Annex 15 on 07-03-2025: the reflection period ends 45 days later, on Easter Monday 21-04-2025.
  // Annex 15 on 03-03-2025: it ends on Thursday 17-04-2025.
  for (const [name, annex15] of [
    ['Zyxwv', '2025-03-07'],
    ['Qolmat', '2025-03-03'],
  ] as const) {
    const code = ok(asAdmin(['person', 'add', '--json', file(`${name}.json`, { givenNames: name, familyName: 'Invented' })])).trim();
    codes.push(code);
    ok(asAdmin(['procedure', 'event', '--person', code, '--json', file(`${name}-event.json`, { country: 'BE', type: 'annex15Issued', date: annex15 })]));
  }
}, 180_000);

afterAll(() => work.cleanup());

describe('passerelle reminders', { timeout: 300_000 }, () => {
  it('lists what would be notified on --today, with the holiday move and the notification text (JSON)', () => {
    const [easter, thursday] = codes;
    const friday = JSON.parse(ok(asAdmin(['reminders', '--json', '--today', '2025-04-18']))) as { today: string; reminders: DueReminderJson[] };
    expect(friday).toEqual({
      today: '2025-04-18',
      reminders: [
        {
          caseCode: easter,
          kind: 'reflectionPeriodEnd',
          country: 'BE',
          dueDate: '2025-04-21',
          daysLeft: 3,
          actBy: '2025-04-18',
          nonWorking: expect.stringMatching(/Easter Monday/),
          reminders: [{ lead: 0, notifyOn: '2025-04-18', movedFrom: null, fired: false }],
          alreadyFired: false,
          notification: { title: `Reflection period ends in 3 days: ${easter}`, body: 'Open Passerelle to see the deadline.' },
        },
      ],
    });

    // Thursday: the Easter deadline's 1-day reminder, and the other deadline's own day.
    const thu = JSON.parse(ok(asAdmin(['reminders', '--json', '--today', '2025-04-17']))) as { reminders: DueReminderJson[] };
    expect(thu.reminders.map((r) => [r.caseCode, r.dueDate, r.reminders.map((x) => x.lead)])).toEqual([
      [thursday, '2025-04-17', [0]],
      [easter, '2025-04-21', [1]],
    ]);
    // Easter Monday itself has none (nor the weekend before it).
    for (const day of ['2025-04-19', '2025-04-21']) {
      expect(JSON.parse(ok(asAdmin(['reminders', '--json', '--today', day]))).reminders).toEqual([]);
    }
    // Nothing but the case code and the kind reaches the output.
    const out = ok(asAdmin(['reminders', '--json', '--today', '2025-04-17']));
    for (const name of ['Zyxwv', 'Qolmat', 'Invented']) expect(out).not.toContain(name);
  });

  it('prints a table, in the language asked for', () => {
    const text = ok(asAdmin(['reminders', '--today', '2025-04-18', '--language', 'fr']));
    expect(text.split('\n')[0]).toMatch(/^DUE DATE\s+CASE CODE\s+KIND\s+LEADS\s+FIRED\s+NOTIFICATION$/);
    expect(text).toContain(`La période de réflexion se termine dans 3 jours : ${codes[0]}`);
    expect(text).toMatch(/2025-04-21 \(lundi de Pâques, act by 2025-04-18\)/i);
    expect(ok(asAdmin(['reminders', '--today', '2025-04-20']))).toBe('No reminders on 2025-04-20.\n');
  });

  it('gives a caseworker only their own cases, and validates the command line (exit 2)', () => {
    expect(JSON.parse(ok(asWorker(['reminders', '--json', '--today', '2025-04-18']))).reminders).toEqual([]);
    const bad = asAdmin(['reminders', '--json', '--today', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
    expect(asAdmin(['reminders', '--language', 'de']).code).toBe(2);
  });
});
