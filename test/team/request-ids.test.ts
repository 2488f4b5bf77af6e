/**
 * Request ids survive a restart of the office server: a write is acknowledged, the server is killed
 * with SIGKILL and started again, the client sends the same write with the same request id, and
 * the server answers with the first answer without applying it again (the id was committed in the
 * write's own transaction). A real server process on 127.0.0.1.
 */
import { request } from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { pinFromDigits, pinnedAgent, serverTarget, type Pin } from '../../electron/remote/pinned-tls';
import type { Result } from '../../shared/errors';
import { processExited, startServerProcess, STAFF_PASSWORD, teamVault, type ServerProcess } from './team-fixtures';

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** One raw call, as a desktop's retry sends it: the same body, the same request id. */
function post(server: ServerProcess, pin: Pin, channel: string, body: unknown, token?: string): Promise<Result<unknown> & { token?: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
    if (token) headers.authorization = `Bearer ${token}`;
    const agent = pinnedAgent(pin);
    const req = request({ ...serverTarget(server.url), method: 'POST', path: `/v1/call/${channel}`, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        agent.destroy();
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown> & { token?: string });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

async function signIn(server: ServerProcess, pin: Pin, username: string): Promise<string> {
  const answer = await post(server, pin, 'session.unlock', { input: { username, password: STAFF_PASSWORD } });
  if (!answer.ok || !answer.token) throw new Error('sign-in failed');
  return answer.token;
}

describe('request ids across a server restart', { timeout: 300_000 }, () => {
  it('applies a write retried after kill -9 and restart once, and returns the same answer', async () => {
    const vault = await teamVault();
    cleanups.push(vault.cleanup);
    const first = await startServerProcess(vault.dir);
    cleanups.push(() => first.child.kill('SIGKILL'));
    const pin = await pinFromDigits(first.url, first.fingerprint.display);
    const port = Number(new URL(first.url).port);

    const requestId = crypto.randomUUID();
    const write = { input: { givenNames: 'Test', familyName: 'Retried' }, requestId };
    const token = await signIn(first, pin, 'co.ord');
    const acknowledged = await post(first, pin, 'persons.create', write, token);
    expect(acknowledged.ok).toBe(true);

    first.child.kill('SIGKILL');
    expect((await processExited(first.child)).signal).toBe('SIGKILL');

    const second = await startServerProcess(vault.dir, { port });
    cleanups.push(() => second.child.kill('SIGKILL'));
    expect(second.fingerprint.hex).toBe(first.fingerprint.hex);
    // Tokens lived in the first process's memory: the desktop signs in again, then retries.
    const again = await signIn(second, pin, 'co.ord');
    const retried = await post(second, pin, 'persons.create', write, again);
    expect(retried).toEqual(acknowledged);

    const list = await post(second, pin, 'persons.list', { input: { search: 'Retried', status: 'all' } }, again);
    expect(list.ok && (list.value as { total: number }).total).toBe(1);

    // Another user's request with the same id is theirs, not an echo of the first answer.
    const other = await signIn(second, pin, 'cw.one');
    const theirs = await post(second, pin, 'persons.create', { input: { givenNames: 'Test', familyName: 'Other' }, requestId }, other);
    expect(theirs.ok).toBe(true);
    expect(theirs).not.toEqual(acknowledged);

    second.child.kill('SIGTERM');
    expect((await processExited(second.child)).code).toBe(0);
  });
});
