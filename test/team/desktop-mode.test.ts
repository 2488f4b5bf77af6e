/**
 * A desktop switching between its own vault and an office server while it runs
 * (electron/remote/desktop-mode.ts), against real servers on loopback: connecting is refused before
 * any request reaches the server unless the digits match (and for a bad address, an outage, a server
 * below TLS 1.3, or a computer that has its own vault); with the right digits the same desktop's
 * calls go to the server at once; a replaced certificate blocks every call and survives a restart of
 * the desktop until an administrator (not a caseworker) confirms the new digits; an administrator
 * can disconnect the desktop, which is then back at set-up.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync } from 'node:fs';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { EventName } from '../../shared/ipc/contract';
import type { ConnectionStatus } from '../../shared/team/connection.schema';
import type { Core } from '../../electron/core/app-core';
import { DesktopMode } from '../../electron/remote/desktop-mode';
import { RemoteDesktop } from '../../electron/remote/remote-desktop';
import type { StoredConnection } from '../../electron/remote/desktop-connection';
import type { TeamServer } from '../../electron/server/serve';
import { ADMIN, makeCore, tempDir } from '../helpers/vault';
import { STAFF_PASSWORD, serve, teamVault } from './team-fixtures';

let server: TeamServer;
let vault: { dir: string; cleanup: () => void };
let requestsSeen = 0;

function countRequests(s: TeamServer): void {
  s.http.app.server.on('request', () => void (requestsSeen += 1));
}

beforeAll(async () => {
  vault = await teamVault();
  server = await serve(vault.dir);
  countRequests(server);
}, 60_000);

afterAll(async () => {
  await server.stop();
  vault.cleanup();
});

function memoryStore(): { value: unknown; get(): unknown; set(c: StoredConnection | null): void } {
  return {
    value: undefined,
    get() {
      return this.value;
    },
    set(c) {
      this.value = c;
    },
  };
}

/** A desktop without a vault of its own, as on the set-up screen. */
function freshDesktop(): { core: Core; cleanup: () => void } {
  const { dir, cleanup } = tempDir('passerelle-desktop-');
  return { core: makeCore(join(dir, 'vault')), cleanup };
}

async function startMode(core: Core, store: ReturnType<typeof memoryStore>): Promise<DesktopMode> {
  return DesktopMode.start({ embedded: { router: core.router, onEvent: (l) => core.onEvent(l), lock: (r) => core.vault.lock(r) }, store, retryForMs: 0 });
}

function otherDigits(display: string): string {
  return display.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
}

function key(result: Result<unknown>): string {
  return result.ok ? 'accepted' : result.error.key;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.key}`);
  return result.value as T;
}

describe('a desktop connecting to the office server at run time', () => {
  it('refuses wrong digits, bad addresses and outages before any request reaches the server; the right digits switch it', async () => {
    const { core, cleanup } = freshDesktop();
    const store = memoryStore();
    const mode = await startMode(core, store);
    const seen: EventName[] = [];
    mode.onEvent((e) => seen.push(e));
    try {
      expect(value<ConnectionStatus>(await mode.call('connection.status', {})).mode).toBe('embedded');
      expect(value<{ state: string }>(await mode.call('app.status', {})).state).toBe('setup');

      const before = requestsSeen;
      const wrong = await mode.call('connection.connect', { url: server.url, fingerprint: otherDigits(server.fingerprint.display) });
      expect(key(wrong)).toBe('serverFingerprintMismatch');
      expect(key(await mode.call('connection.connect', { url: 'http://127.0.0.1:8443', fingerprint: server.fingerprint.display }))).toBe('serverUrlInvalid');
      expect(key(await mode.call('connection.connect', { url: 'https://', fingerprint: server.fingerprint.display }))).toBe('serverUrlInvalid');
      expect(key(await mode.call('connection.connect', { url: server.url, fingerprint: server.fingerprint.display.slice(0, 40) }))).toBe(
        'serverFingerprintInvalid',
      );
      // A port nobody listens on: an outage, not a refusal.
      const closed = createTlsServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      expect(key(await mode.call('connection.connect', { url: `https://127.0.0.1:${closedPort}`, fingerprint: server.fingerprint.display }))).toBe(
        'serverUnreachable',
      );
      // Nothing reached the server, nothing was stored, the desktop is still at set-up.
      expect(requestsSeen).toBe(before);
      expect(store.value).toBeUndefined();
      expect(value<ConnectionStatus>(await mode.call('connection.status', {})).mode).toBe('embedded');
      expect(seen).not.toContain('connection.changed');

      // Typed as people type it: no scheme, digits with dashes.
      const typed = { url: server.url.replace('https://', ''), fingerprint: server.fingerprint.display.replace(/ /g, '-') };
      const status = value<ConnectionStatus>(await mode.call('connection.connect', typed));
      expect(status).toEqual({ mode: 'server', url: server.url, fingerprint: server.fingerprint.display, certificate: 'pinned' });
      expect(Object.keys(store.value as object).sort()).toEqual(['certPem', 'hex', 'url']);
      expect(seen).toContain('connection.changed');

      // The same desktop now signs in over the server and sees the server's persons.
      expect(value<{ role: string }>(await mode.call('session.unlock', { username: 'co.ord', password: STAFF_PASSWORD })).role).toBe('coordinator');
      const created = value<{ person: { caseCode: string } }>(await mode.call('persons.create', { givenNames: 'Ilse', familyName: 'Marchetti' }));
      const list = value<{ items: { caseCode: string }[] }>(await mode.call('persons.list', {}));
      expect(list.items.map((r) => r.caseCode)).toContain(created.person.caseCode);
      // A second connect is refused while connected.
      expect(key(await mode.call('connection.connect', { url: server.url, fingerprint: server.fingerprint.display }))).toBe('alreadyConnected');
      await mode.call('session.lock', {});
    } finally {
      mode.close();
      core.dispose();
      cleanup();
    }
  }, 60_000);

  it('a computer with its own vault cannot be connected', async () => {
    const { core, cleanup } = freshDesktop();
    const store = memoryStore();
    await core.vault.create({ organisationName: 'Own Desk', country: 'BE', admin: ADMIN });
    const mode = await startMode(core, store);
    try {
      expect(key(await mode.call('connection.connect', { url: server.url, fingerprint: server.fingerprint.display }))).toBe('connectionVaultExists');
      expect(store.value).toBeUndefined();
    } finally {
      mode.close();
      core.dispose();
      cleanup();
    }
  });

  it('refuses a server that does not offer TLS 1.3', async () => {
    const { dir, cleanup } = tempDir('passerelle-tls12-');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    let bytes = 0;
    const old = createTlsServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')), maxVersion: 'TLSv1.2' }, (s) => {
      s.on('data', (d: Buffer) => void (bytes += d.length));
    });
    await new Promise<void>((r) => old.listen(0, '127.0.0.1', () => r()));
    const desktop = freshDesktop();
    const mode = await startMode(desktop.core, memoryStore());
    try {
      const url = `https://127.0.0.1:${(old.address() as AddressInfo).port}`;
      expect(key(await mode.call('connection.connect', { url, fingerprint: server.fingerprint.display }))).toBe('serverNotTls13');
      expect(bytes).toBe(0);
    } finally {
      mode.close();
      desktop.core.dispose();
      desktop.cleanup();
      await new Promise<void>((r) => old.close(() => r()));
      cleanup();
    }
  });

  it('a replaced certificate blocks every call, also after a restart, until an administrator confirms; then an administrator disconnects', async () => {
    const { core, cleanup } = freshDesktop();
    const store = memoryStore();
    let mode = await startMode(core, store);
    try {
      value(await mode.call('connection.connect', { url: server.url, fingerprint: server.fingerprint.display }));
      const pinned = store.value;

      // Rotation (docs/team-server.md "Certificate"): stop, move server-tls aside, start again.
      const port = server.port;
      await server.stop();
      renameSync(join(vault.dir, 'server-tls'), join(vault.dir, 'server-tls.old'));
      server = await serve(vault.dir, { port });
      countRequests(server);
      const before = requestsSeen;

      const seen: { event: EventName; payload: unknown }[] = [];
      mode.onEvent((event, payload) => seen.push({ event, payload }));
      expect(key(await mode.call('session.unlock', { username: ADMIN.username, password: ADMIN.password }))).toBe('serverFingerprintMismatch');
      const status = value<ConnectionStatus>(await mode.call('connection.status', {}));
      expect(status.certificate).toBe('changed');
      expect(seen).toContainEqual({ event: 'connection.changed', payload: { mode: 'server', certificate: 'changed' } });
      expect(key(await mode.call('persons.list', {}))).toBe('serverCertificateChanged');
      // The desktop's own preferences still answer (the blocking screen is shown in the chosen language).
      expect(key(await mode.call('prefs.get', {}))).toBe('accepted');

      // A desktop started again on the same store is blocked too.
      mode.close();
      mode = await startMode(core, store);
      expect(value<ConnectionStatus>(await mode.call('connection.status', {})).certificate).toBe('changed');
      expect(key(await mode.call('app.status', {}))).toBe('serverCertificateChanged');
      expect(requestsSeen).toBe(before);

      const digits = server.fingerprint.display;
      expect(key(await mode.call('connection.confirmCertificate', { fingerprint: digits, username: 'cw.one', password: STAFF_PASSWORD }))).toBe('forbidden');
      expect(key(await mode.call('connection.confirmCertificate', { fingerprint: otherDigits(digits), username: ADMIN.username, password: ADMIN.password }))).toBe(
        'serverFingerprintMismatch',
      );
      expect(store.value).toEqual(pinned);
      expect(value<ConnectionStatus>(await mode.call('connection.status', {})).certificate).toBe('changed');

      const confirmed = value<ConnectionStatus>(
        await mode.call('connection.confirmCertificate', { fingerprint: digits, username: ADMIN.username, password: ADMIN.password }),
      );
      expect(confirmed).toMatchObject({ mode: 'server', fingerprint: digits, certificate: 'pinned' });
      expect((store.value as StoredConnection).hex).toBe(server.fingerprint.hex);

      // Disconnecting: a caseworker may not; an administrator may, and the desktop is at set-up again.
      value(await mode.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD }));
      expect(key(await mode.call('connection.disconnect', {}))).toBe('forbidden');
      value(await mode.call('session.lock', {}));
      expect(key(await mode.call('connection.disconnect', {}))).toBe('locked');
      value(await mode.call('session.unlock', { username: ADMIN.username, password: ADMIN.password }));
      expect(value<ConnectionStatus>(await mode.call('connection.disconnect', {}))).toEqual({ mode: 'embedded', url: null, fingerprint: null, certificate: null });
      expect(store.value).toBeNull();
      expect(value<{ state: string }>(await mode.call('app.status', {})).state).toBe('setup');
    } finally {
      mode.close();
      core.dispose();
      cleanup();
    }
  }, 90_000);

  it('a session the server forgot after being out of reach is a server restart (the window keeps its input); otherwise an idle lock', async () => {
    const desktop = await RemoteDesktop.connect({ url: server.url, fingerprint: server.fingerprint.display, retryForMs: 300 });
    const reasons: string[] = [];
    desktop.onEvent((event, payload) => {
      if (event === 'session.changed') reasons.push((payload as { reason: string }).reason);
    });
    try {
      value(await desktop.call('session.unlock', { username: 'co.ord', password: STAFF_PASSWORD }));
      const port = server.port;
      await server.stop();
      expect(key(await desktop.call('persons.list', {}))).toBe('serverUnreachable');
      server = await serve(vault.dir, { port });
      countRequests(server);
      // The status poll is what usually finds out: the server answers, without a user.
      expect(value<{ user: unknown }>(await desktop.call('app.status', {})).user).toBeNull();
      expect(reasons).toEqual(['unlock', 'server-restart']);
      expect(key(await desktop.call('persons.list', {}))).toBe('locked');
      expect(reasons).toHaveLength(2);

      // No outage: the server ended the session itself (idle time-out, disabled user).
      value(await desktop.call('session.unlock', { username: 'co.ord', password: STAFF_PASSWORD }));
      server.sessions.revokeAll('idle');
      expect(key(await desktop.call('persons.list', {}))).toBe('locked');
      expect(reasons).toEqual(['unlock', 'server-restart', 'unlock', 'idle']);
    } finally {
      desktop.close();
    }
  }, 60_000);

  it('a vault’s own router refuses the desktop’s connection channels', async () => {
    const answer = await server.core.router.call('connection.disconnect', {});
    expect(key(answer)).toBe('desktopOnly');
  });
});
