/**
 * Several clients against a real office server on loopback (TLS 1.3, pinned): two caseworkers and
 * a coordinator at once, the caseworker restriction over the wire, tokens refused after lock and
 * revocation, malformed requests refused before the router, pinning refused at the handshake.
 * See docs/team-server.md.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../db/audit.repo';
import type { Result } from '../../shared/errors';
import type { Channel, In, Out } from '../../shared/ipc/contract';
import { makeSelfSignedCertificate, certificateFingerprint } from '../../electron/server/certificate';
import { startOfficeServer } from '../../electron/server/office-server';
import { RemoteRouter } from '../../electron/remote/remote-router';
import { pinnedAgent } from '../../electron/remote/pinned-tls';
import type { TeamServer } from '../../electron/server/serve';
import { silentLogger } from '../../electron/core/ports';
import { ADMIN } from '../helpers/vault';
import { STAFF_PASSWORD, serve, teamVault } from './team-fixtures';

let server: TeamServer;
let cleanup: () => void;
let requestsSeen = 0;

beforeAll(async () => {
  const vault = await teamVault();
  cleanup = vault.cleanup;
  server = await serve(vault.dir);
  server.http.app.server.on('request', () => void (requestsSeen += 1));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  cleanup?.();
});

async function desktop(username: string, password = STAFF_PASSWORD): Promise<RemoteRouter> {
  const r = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
  const signIn = await r.call('session.unlock', { username, password });
  if (!signIn.ok) throw new Error(`sign-in refused: ${signIn.error.code}`);
  return r;
}

async function ok<C extends Channel>(r: RemoteRouter, channel: C, input: In<C>): Promise<Out<C>> {
  const result = await r.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.key}`);
  return result.value as Out<C>;
}

function auditActions(): string[] {
  return server.core.vault.read((db) => new AuditRepo(db).latest(200)).map((e) => e.action);
}

/** A raw request over the pinned TLS, to send what a well-behaved client would not. */
function raw(path: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: Result<unknown> & { token?: string } }> {
  const agent = pinnedAgent({ certPem: server.certPem, hex: server.fingerprint.hex });
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: Number(u.port), path, method: 'POST', agent, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown> });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('office server', () => {
  it('serves two caseworkers and a coordinator at once, each reaching only what their role allows', async () => {
    const [one, two, coord] = await Promise.all([desktop('cw.one'), desktop('cw.two'), desktop('co.ord')]);
    const status = await ok(one, 'app.status', {});
    expect(status.user?.username).toBe('cw.one');
    expect((await ok(one, 'persons.list', {})).total).toBe(0);
    const users = await ok(coord, 'persons.assignees', {});
    const oneId = users.find((u) => u.displayName === 'cw.one display')?.id;
    const twoId = users.find((u) => u.displayName === 'cw.two display')?.id;
    const [a, b] = await Promise.all([
      ok(coord, 'persons.create', { familyName: 'Alpha', caseworkerId: oneId ?? null }),
      ok(coord, 'persons.create', { familyName: 'Beta', caseworkerId: twoId ?? null }),
    ]);
    const lists = await Promise.all([ok(one, 'persons.list', {}), ok(two, 'persons.list', {}), ok(coord, 'persons.list', {})]);
    expect(lists[0].items.map((p) => p.id)).toEqual([a.person.id]);
    expect(lists[1].items.map((p) => p.id)).toEqual([b.person.id]);
    expect(lists[2].total).toBe(2);
    // Over the wire, a caseworker cannot open another's case nor act as an administrator.
    const foreign = await one.call('persons.get', { id: b.person.id });
    expect(foreign.ok).toBe(false);
    const admin = await one.call('users.list', {});
    expect(admin.ok ? 'ok' : admin.error.code).toBe('FORBIDDEN');
    for (const r of [one, two, coord]) r.close();
  });

  it('refuses a bad token, another connection after lock, and a token replayed after revocation, and audits them', async () => {
    const one = await desktop('cw.one');
    const token = (one as unknown as { token: string }).token;
    const before = auditActions().filter((a) => a === 'session.tokenRefused').length;
    const bad = await raw('/v1/call/persons.list', JSON.stringify({ input: {} }), { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(43)}` });
    expect(bad.body.ok ? 'ok' : bad.body.error.code).toBe('LOCKED');
    // The token works, then the desktop locks: the same token replayed is refused.
    const good = await raw('/v1/call/persons.list', JSON.stringify({ input: {} }), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
    expect(good.body.ok).toBe(true);
    await ok(one, 'session.lock', {});
    const replay = await raw('/v1/call/persons.create', JSON.stringify({ input: { familyName: 'Gamma' } }), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
    expect(replay.body.ok ? 'ok' : replay.body.error.code).toBe('LOCKED');
    expect(auditActions().filter((a) => a === 'session.tokenRefused').length).toBeGreaterThan(before);
    expect(auditActions()).toContain('session.lock');
    // Nothing was created by the replay.
    const coord = await desktop('co.ord');
    expect((await ok(coord, 'persons.list', { search: 'Gamma' })).total).toBe(0);
    // A wrong password is refused and audited; the caseworker's token never reaches the admin's channels.
    const wrong = await RemoteRouter.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 0 });
    const refused = await wrong.call('session.unlock', { username: ADMIN.username, password: 'not the password' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('WRONG_CREDENTIALS');
    expect(auditActions()).toContain('session.unlockFailed');
    for (const r of [one, coord, wrong]) r.close();
  });

  it('applies a retried write once: the request id is remembered', async () => {
    const coord = await desktop('co.ord');
    const token = (coord as unknown as { token: string }).token;
    const requestId = randomUUID();
    const body = JSON.stringify({ input: { familyName: 'Retried' }, requestId });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const [first, second] = await Promise.all([raw('/v1/call/persons.create', body, headers), raw('/v1/call/persons.create', body, headers)]);
    const third = await raw('/v1/call/persons.create', body, headers);
    expect(first.body.ok && second.body.ok && third.body.ok).toBe(true);
    expect((await ok(coord, 'persons.list', { search: 'Retried' })).total).toBe(1);
    coord.close();
  });

  it('refuses malformed requests before the router', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await raw('/v1/call/fs.readFile', '{}', json)).status).toBe(404);
    expect((await raw('/v1/call/persons.list', '{"input": {', json)).status).toBe(400);
    expect((await raw('/v1/call/persons.list', 'input=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await raw('/v1/call/persons.list', '{"input":{}}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await raw('/v1/call/persons.list', JSON.stringify({ input: { search: 'x'.repeat(2 * 1024 * 1024) } }), json)).status).toBe(413);
    // A large body on a file channel needs a valid token before it is read.
    expect((await raw('/v1/call/attachments.add', JSON.stringify({ input: { pad: 'x'.repeat(2 * 1024 * 1024) } }), json)).status).toBe(401);
    expect((await raw('/v1/call/persons.list', JSON.stringify({ input: {}, extra: 1 }), json)).status).toBe(400);
  });

  it('refuses a TLS 1.2 client at the handshake', async () => {
    const u = new URL(server.url);
    const outcome = await new Promise<string>((resolve) => {
      const s = connect({ host: u.hostname, port: Number(u.port), maxVersion: 'TLSv1.2', rejectUnauthorized: false });
      s.once('secureConnect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });

  it('refuses a wrong fingerprint before any password is sent', async () => {
    const before = requestsSeen;
    const other = certificateFingerprint((await makeSelfSignedCertificate([])).certPem);
    await expect(RemoteRouter.connect({ url: server.url, fingerprint: other.display })).rejects.toMatchObject({ key: 'serverFingerprintMismatch' });
    expect(requestsSeen).toBe(before);
  });

  it('refuses, at the handshake, a server that shows another certificate at the pinned address', async () => {
    const one = await desktop('cw.one');
    // An impostor with its own certificate, reached with the real server's pin.
    const cert = await makeSelfSignedCertificate([]);
    let impostorRequests = 0;
    const impostor = await startOfficeServer({ router: server.router, sessions: server.sessions, tls: cert, host: '127.0.0.1', port: 0, logger: silentLogger });
    impostor.app.server.on('request', () => void (impostorRequests += 1));
    const fooled = await RemoteRouter.connect({ url: impostor.url, fingerprint: { certPem: server.certPem, hex: server.fingerprint.hex }, retryForMs: 0 });
    const r = await fooled.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD });
    expect(r.ok ? 'ok' : r.error.key).toBe('serverFingerprintMismatch');
    expect(impostorRequests).toBe(0);
    fooled.close();
    one.close();
    await impostor.close();
  });

  it('detects a conflict between two desktops editing the same person', async () => {
    const [one, coord] = await Promise.all([desktop('cw.one'), desktop('co.ord')]);
    const assignees = await ok(coord, 'persons.assignees', {});
    const oneId = assignees.find((u) => u.displayName === 'cw.one display')?.id ?? null;
    const created = await ok(coord, 'persons.create', { familyName: 'Shared', caseworkerId: oneId });
    const opened = await ok(one, 'persons.get', { id: created.person.id });
    const form = { id: opened.person.id, givenNames: '', familyName: 'Shared', expectedVersion: opened.person.version };
    expect((await ok(coord, 'persons.update', { ...form, familyName: 'Coordinator' })).person.version).toBe(opened.person.version + 1);
    const stale = await one.call('persons.update', { ...form, familyName: 'Caseworker' });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    expect(stale.ok ? null : stale.error.details?.changedBy).toBe('co.ord display');
    expect((await ok(one, 'persons.get', { id: created.person.id })).person.familyName).toBe('Coordinator');
    one.close();
    coord.close();
  });

  it('pushes change events to the other desktops', async () => {
    const one = await desktop('cw.one');
    const coord = await desktop('co.ord');
    const events: string[] = [];
    const stop = one.subscribe((e) => events.push(e.channel));
    await new Promise((r) => setTimeout(r, 300));
    await ok(coord, 'persons.create', { familyName: 'Delta' });
    const deadline = Date.now() + 1000;
    while (!events.includes('persons.create') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(events).toContain('persons.create');
    stop();
    one.close();
    coord.close();
  });
});
