/**
 * The command line against an office server (`--server URL --server-fingerprint DIGITS`), spawned as
 * a script would run it, against a real server on 127.0.0.1 in this process:
 * - the same `--json` output as against the vault folder holding the same data;
 * - roles and the audit trail are the server's (a caseworker is refused an administrator's command
 *   and the refusal is in the server's trail);
 * - a wrong fingerprint ends the command before any password is asked or sent: a server that
 *   records every request it gets sees none;
 * - the nightly backup through the server lands in the server's backup folder and restores;
 * - commands that only make sense on a vault folder say so, and bad combinations are usage errors.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import { systemClock } from '../../electron/core/ports';
import { ensureServerCertificate } from '../../electron/server/certificate';
import type { TeamServer } from '../../electron/server/serve';
import { todayOf } from '../../electron/core/persons/person-access';
import { addDays } from '../../shared/dates/calendar-date';
import { personCreateSchema } from '../../shared/persons/person.schema';
import { runCliAsync } from '../helpers/cli';
import { ADMIN, makeCore, tempDir } from '../helpers/vault';
import { serve, STAFF_PASSWORD, teamVault } from './team-fixtures';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

let vaultDir = '';
let backups = '';
const today = todayOf(systemClock);

/** Invented caseload: two persons, one per caseworker, with a deadline, a note and a task. */
async function seed(dir: string): Promise<void> {
  const core = makeCore(dir, systemClock);
  try {
    await core.vault.unlock(ADMIN.username, ADMIN.password);
    const staff = core.persons.assignees();
    const one = staff.find((s) => s.displayName.startsWith('cw.one'));
    const two = staff.find((s) => s.displayName.startsWith('cw.two'));
    if (!one || !two) throw new Error('fixture staff missing');
    for (const [familyName, worker] of [
      ['Okonkwo', one],
      ['Veldhuis', two],
    ] as const) {
      const created = core.persons.create(personCreateSchema.parse({ givenNames: 'Test', familyName, nationalities: ['NG'] }));
      core.persons.assign({ personId: created.person.id, caseworkerId: worker.id });
      const track = core.procedures.openTrack({ personId: created.person.id, country: 'BE' });
      core.procedures.recordEvent({ trackId: track.id, event: { type: 'annex15Issued', date: addDays(today, -40) } });
      core.notes.add({ personId: created.person.id, occurredOn: today, type: 'meeting', body: 'Accompanied to the appointment at the reception centre', durationMinutes: null, attachmentId: null, correctsId: null });
    }
  } finally {
    core.dispose();
  }
}

const admin = (target: string[], args: string[]) => runCliAsync([...args, ...target, '--user', ADMIN.username, '--password-stdin'], `${ADMIN.password}\n`);

beforeAll(async () => {
  const vault = await teamVault();
  cleanups.push(vault.cleanup);
  vaultDir = vault.dir;
  const dirs = tempDir('passerelle-backups-');
  cleanups.push(dirs.cleanup);
  backups = dirs.dir;
  await seed(vaultDir);
}, 120_000);

/** Commands whose JSON must not depend on where the vault is. */
const JSON_COMMANDS: string[][] = [
  ['person', 'list', '--json'],
  ['user', 'list', '--json'],
  ['deadlines', '--within', '30', '--today', today, '--json'],
  ['reminders', '--today', addDays(today, 2), '--json'],
  ['search', '--text', 'reception', '--json'],
  ['audit', 'verify', '--json'],
];

describe('passerelle against an office server', { timeout: 600_000 }, () => {
  let server: TeamServer;
  const embedded: string[] = [];

  it('prints the same JSON against the vault folder and against a server holding the same data', async () => {
    for (const args of JSON_COMMANDS) {
      const r = await admin(['--vault', vaultDir], args);
      expect(r.code, r.stderr).toBe(0);
      embedded.push(r.stdout);
    }
    server = await serve(vaultDir, { backupDir: backups });
    cleanups.push(() => server.stop());
    const target = ['--server', server.url, '--server-fingerprint', server.fingerprint.display];
    for (const [i, args] of JSON_COMMANDS.entries()) {
      const r = await admin(target, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      if (args[0] === 'audit') {
        // The trail grew by the server's own entries; the shape is the same.
        expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(Object.keys(JSON.parse(embedded[i] as string) as object));
        expect((JSON.parse(r.stdout) as { ok: boolean }).ok).toBe(true);
      } else {
        expect(r.stdout, args.join(' ')).toBe(embedded[i]);
      }
    }
    const persons = JSON.parse(embedded[0] as string) as unknown[];
    expect(persons).toHaveLength(2);
  });

  it('leaves roles and the audit trail to the server: a caseworker is refused and the refusal is in its trail', async () => {
    const target = ['--server', server.url, '--server-fingerprint', server.fingerprint.display];
    const r = await runCliAsync(['user', 'list', ...target, '--user', 'cw.one', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: Your role does not allow this action.');
    const refused = server.core.vault.read((db) => new AuditRepo(db).latest(20)).filter((e) => e.action === 'access.refused');
    expect(refused.some((e) => e.actorName === 'cw.one')).toBe(true);
    // A caseworker's list through the server holds their own case only.
    const mine = await runCliAsync(['person', 'list', '--json', ...target, '--user', 'cw.one', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(mine.code, mine.stderr).toBe(0);
    expect((JSON.parse(mine.stdout) as { familyName: string }[]).map((p) => p.familyName)).toEqual(['Okonkwo']);
  });

  it('writes the nightly backup into the server\'s backup folder, and the file restores', async () => {
    const target = ['--server', server.url, '--server-fingerprint', server.fingerprint.display];
    const r = await admin(target, ['backup', '--out', 'nightly-1.passerelle-backup', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { file: string; bytes: number; auditSeq: number; milliseconds: number };
    expect(result.file).toBe(join(backups, 'nightly-1.passerelle-backup'));
    expect(existsSync(result.file)).toBe(true);
    expect(Object.keys(result)).toEqual(['file', 'vaultId', 'createdAt', 'auditSeq', 'bytes', 'milliseconds']);
    // The same name again is refused, and a path is not a name.
    expect((await admin(target, ['backup', '--out', 'nightly-1.passerelle-backup'])).code).toBe(1);
    const escape = await admin(target, ['backup', '--out', '../outside.passerelle-backup']);
    expect(escape.code).toBe(2);
    expect(existsSync(join(backups, '..', 'outside.passerelle-backup'))).toBe(false);
    // A caseworker cannot make one.
    const cw = await runCliAsync(['backup', '--out', 'cw.passerelle-backup', ...target, '--user', 'cw.one', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(cw.code).toBe(1);
    expect(existsSync(join(backups, 'cw.passerelle-backup'))).toBe(false);
    const restored = tempDir('passerelle-restored-');
    cleanups.push(restored.cleanup);
    const back = await runCliAsync(['restore', '--from', result.file, '--vault', join(restored.dir, 'vault'), '--user', ADMIN.username, '--password-stdin', '--json'], `${ADMIN.password}\n`);
    expect(back.code, back.stderr).toBe(0);
  });

  it('writes through the server: a person added with --server is there for the next command', async () => {
    const target = ['--server', server.url, '--server-fingerprint', server.fingerprint.display];
    const file = join(backups, 'person.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ givenNames: 'Test', familyName: 'Marchetti' }));
    const added = await runCliAsync(['person', 'add', '--json', file, ...target, '--user', 'co.ord', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toMatch(/^[A-Z]{2,5}-\d{4}-\d{4}$/);
    const list = await admin(target, ['person', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { caseCode: string }[]).map((p) => p.caseCode)).toContain(added.stdout.trim());
  });
});

describe('a wrong fingerprint', { timeout: 120_000 }, () => {
  let decoy: Server;
  let requests = 0;
  let url = '';
  let otherDigits = '';

  beforeAll(async () => {
    const dirs = tempDir('passerelle-decoy-');
    cleanups.push(dirs.cleanup);
    const cert = await ensureServerCertificate(join(dirs.dir, 'a'), { hosts: ['127.0.0.1'] });
    otherDigits = (await ensureServerCertificate(join(dirs.dir, 'b'), { hosts: ['127.0.0.1'] })).fingerprint.display;
    // A server that answers like an office server and counts every request that reaches it.
    decoy = createServer({ key: cert.keyPem, cert: cert.certPem, minVersion: 'TLSv1.3' }, (req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: { id: 'x', username: 'x', displayName: 'x', role: 'admin' }, token: 'a'.repeat(43) }));
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(decoy.address() as AddressInfo).port}`;
    cleanups.push(() => new Promise<void>((resolve) => decoy.close(() => resolve())));
  });

  it('is refused before any password is sent: the server receives no request at all', async () => {
    const r = await runCliAsync(['user', 'list', '--server', url, '--server-fingerprint', otherDigits, '--user', ADMIN.username, '--password-stdin', '--json'], `${ADMIN.password}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('certificate does not match these digits');
    expect(r.stdout).toBe('');
    expect(requests).toBe(0);
  });

  it('is not asked for a password on a terminal either: the refusal comes first', async () => {
    // No --password-stdin and no terminal: were the password asked first, this would be a usage error (2).
    const r = await runCliAsync(['user', 'list', '--server', url, '--server-fingerprint', otherDigits, '--user', ADMIN.username]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/certificate does not match/);
    expect(requests).toBe(0);
  });
});

describe('the choice of vault or server', { timeout: 120_000 }, () => {
  it('refuses both, neither, a server without its fingerprint, and a non-https address, as usage errors', async () => {
    const digits = '12345 '.repeat(12).trim();
    const cases: [string[], RegExp][] = [
      [['--vault', '/tmp/x', '--server', 'https://127.0.0.1:8443', '--server-fingerprint', digits], /either --vault or --server/],
      [[], /Give the vault with --vault/],
      [['--server', 'https://127.0.0.1:8443'], /needs --server-fingerprint/],
      [['--server', 'http://127.0.0.1:8443', '--server-fingerprint', digits], /must be an https:\/\/ address/],
      [['--vault', '/tmp/x', '--server-fingerprint', digits], /goes with --server/],
    ];
    for (const [target, message] of cases) {
      const r = await runCliAsync(['user', 'list', ...target, '--user', ADMIN.username, '--password-stdin'], `${ADMIN.password}\n`);
      expect(r.code, target.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('says that init, restore, recover, status and serve work on a vault folder here only', async () => {
    for (const command of [['init'], ['restore'], ['recover'], ['status'], ['serve']]) {
      const r = await runCliAsync([...command, '--server', 'https://127.0.0.1:8443']);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`passerelle ${command[0]} works on a vault folder on this machine only`));
    }
  });
});
