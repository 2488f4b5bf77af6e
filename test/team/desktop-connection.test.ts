/**
 * A desktop's connection to the office server (electron/remote/desktop-connection.ts) against real
 * servers on loopback: only the URL and the pinned certificate are stored, and only when the digits
 * match; after the server's certificate is replaced, the desktop is blocked (checks say 'changed',
 * calls are refused at the handshake) until the new digits come with an administrator's sign-in;
 * a caseworker's sign-in does not re-pin it.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { DesktopConnection, type StoredConnection } from '../../electron/remote/desktop-connection';
import type { TeamServer } from '../../electron/server/serve';
import { ADMIN } from '../helpers/vault';
import { STAFF_PASSWORD, serve, teamVault } from './team-fixtures';

let server: TeamServer;
let vault: { dir: string; cleanup: () => void };

beforeAll(async () => {
  vault = await teamVault();
  server = await serve(vault.dir);
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

/** The digits with one changed: what a mistyped or an attacker's certificate gives. */
function otherDigits(display: string): string {
  return display.replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e.key;
    throw e;
  }
  return 'accepted';
}

describe('connecting a desktop to the office server', () => {
  it('stores the URL and the pinned certificate, and only when the digits match', async () => {
    const store = memoryStore();
    const connection = new DesktopConnection(store);
    expect(await refusal(connection.connect({ url: server.url, fingerprint: otherDigits(server.fingerprint.display) }))).toBe('serverFingerprintMismatch');
    expect(store.value).toBeUndefined();
    expect(await refusal(connection.connect({ url: 'http://127.0.0.1:1', fingerprint: server.fingerprint.display }))).toBe('validation');
    expect(store.value).toBeUndefined();

    await connection.connect({ url: server.url, fingerprint: server.fingerprint.display });
    expect(Object.keys(store.value as object).sort()).toEqual(['certPem', 'hex', 'url']);
    expect((store.value as StoredConnection).hex).toBe(server.fingerprint.hex);
    expect(await connection.check()).toBe('pinned');

    const desktop = (await connection.open())!;
    try {
      const signedIn = await desktop.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD });
      expect(signedIn.ok).toBe(true);
    } finally {
      desktop.close();
    }
  });

  it('a stored pin whose certificate does not match its fingerprint is not trusted', () => {
    const store = memoryStore();
    store.value = { url: server.url, certPem: server.certPem, hex: '0'.repeat(64) };
    expect(new DesktopConnection(store).stored()).toBeNull();
  });

  it('a replaced certificate blocks the desktop until the new digits come with an administrator’s sign-in', async () => {
    const store = memoryStore();
    const connection = new DesktopConnection(store);
    await connection.connect({ url: server.url, fingerprint: server.fingerprint.display });
    const pinned = store.value;

    // Rotation as docs/team-server.md says: stop, move server-tls aside, start again (same port).
    const port = server.port;
    await server.stop();
    renameSync(join(vault.dir, 'server-tls'), join(vault.dir, 'server-tls.old'));
    server = await serve(vault.dir, { port });
    expect(server.certificateCreated).toBe(true);

    expect(await connection.check()).toBe('changed');
    const blocked = (await connection.open())!;
    try {
      const answer = await blocked.call('session.unlock', { username: ADMIN.username, password: ADMIN.password });
      expect(answer.ok ? 'accepted' : answer.error.key).toBe('serverFingerprintMismatch');
    } finally {
      blocked.close();
    }

    const digits = server.fingerprint.display;
    expect(await refusal(connection.confirmNewCertificate({ fingerprint: digits, username: 'cw.one', password: STAFF_PASSWORD }))).toBe('forbidden');
    expect(await refusal(connection.confirmNewCertificate({ fingerprint: digits, username: ADMIN.username, password: 'not the password' }))).not.toBe('accepted');
    expect(await refusal(connection.confirmNewCertificate({ fingerprint: otherDigits(digits), username: ADMIN.username, password: ADMIN.password }))).toBe(
      'serverFingerprintMismatch',
    );
    expect(store.value).toEqual(pinned);

    await connection.confirmNewCertificate({ fingerprint: digits, username: ADMIN.username, password: ADMIN.password });
    expect((store.value as StoredConnection).hex).toBe(server.fingerprint.hex);
    expect(await connection.check()).toBe('pinned');
    const desktop = (await connection.open())!;
    try {
      expect((await desktop.call('session.unlock', { username: 'cw.one', password: STAFF_PASSWORD })).ok).toBe(true);
    } finally {
      desktop.close();
    }
  }, 60_000);
});
