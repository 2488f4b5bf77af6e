/**
 * The test bridge's own guarantees, checked over raw HTTP (no browser): it serves only the built
 * renderer, only to its own loopback name, and hands the router nothing but same-origin JSON under 1 MB.
 */
import { request as httpRequest } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RENDERER_DIR, EVENTS_PATH, INVOKE_PATH, MAX_BODY_BYTES } from './bridge/server';
import { ADMIN, expect, test } from './fixtures';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control over the raw path and headers (fetch normalises both). */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function invokeRaw(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return raw(url, { method: 'POST', path: INVOKE_PATH, headers: { 'content-type': 'application/json', ...headers }, body });
}

test('serves the built renderer with its content types and the app CSP, and nothing outside it', async ({ bridge }) => {
  expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await raw(bridge.url, { path: '/' });
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(index.headers['content-security-policy']).toContain("script-src 'self'");
  expect(index.body).toContain('<div id="root">');

  const assets = readdirSync(join(DEFAULT_RENDERER_DIR, 'assets'));
  const js = assets.find((f) => f.endsWith('.js'));
  const css = assets.find((f) => f.endsWith('.css'));
  expect((await raw(bridge.url, { path: `/assets/${js}` })).headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect((await raw(bridge.url, { path: `/assets/${css}` })).headers['content-type']).toBe('text/css; charset=utf-8');

  for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/%00', '/nope.js', '/%E0%A4%A']) {
    const reply = await raw(bridge.url, { path });
    expect(reply.status, path).toBe(404);
    expect(reply.body, path).not.toContain('"name": "passerelle"');
  }
});

test('answers only its own loopback Host name', async ({ bridge }) => {
  const { port } = new URL(bridge.url);
  expect((await raw(bridge.url, { path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200);
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
    expect((await raw(bridge.url, { path: '/', headers: { host } })).status, host).toBe(421);
    expect((await invokeRaw(bridge.url, '{"channel":"app.status","input":{}}', { host })).status, host).toBe(421);
  }
});

test('passes same-origin JSON to the router and refuses everything else before it', async ({ bridge }) => {
  const origin = bridge.url.replace(/\/$/, '');
  const ok = await invokeRaw(bridge.url, JSON.stringify({ channel: 'app.status', input: {} }), { origin });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'setup', organisation: null, user: null } });

  // The router's own answers: unknown channel, invalid input, locked.
  expect(JSON.parse((await invokeRaw(bridge.url, JSON.stringify({ channel: 'fs.read', input: {} }))).body)).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(JSON.parse((await invokeRaw(bridge.url, JSON.stringify({ channel: 'prefs.set', input: { language: 'de' } }))).body)).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
  expect(JSON.parse((await invokeRaw(bridge.url, JSON.stringify({ channel: 'users.list', input: {} }))).body)).toMatchObject({
    ok: false,
    error: { code: 'LOCKED' },
  });

  const setup = JSON.stringify({
    channel: 'vault.setup',
    input: { organisationName: 'Cross Origin', country: 'BE', admin: ADMIN },
  });
  const refused: [string, Promise<Reply>, number][] = [
    ['another origin', invokeRaw(bridge.url, setup, { origin: 'http://evil.example' }), 403],
    ['text/plain (a form post)', invokeRaw(bridge.url, setup, { 'content-type': 'text/plain' }), 415],
    ['not JSON', invokeRaw(bridge.url, '{"channel":'), 400],
    ['not an object', invokeRaw(bridge.url, '["vault.setup", {}]'), 400],
    ['over 1 MB', invokeRaw(bridge.url, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)), 413],
    ['GET', raw(bridge.url, { path: INVOKE_PATH }), 405],
  ];
  for (const [what, reply, status] of refused) expect((await reply).status, what).toBe(status);
  expect(bridge.core.vault.state(), 'none of the refused requests reached the router').toBe('setup');
});

test('streams core events to every listener as Server-Sent Events', async ({ bridge, seedVault, invoke }) => {
  await seedVault();
  const { hostname, port } = new URL(bridge.url);
  const frames: string[] = [];
  const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: EVENTS_PATH }, resolve);
    req.on('error', reject);
    req.end();
  });
  expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => frames.push(chunk));
  await expect.poll(() => bridge.eventClients()).toBe(1);

  await invoke('session.unlock', { username: ADMIN.username, password: ADMIN.password });
  await invoke('session.lock', {});
  await expect
    .poll(() => frames.join('').split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6))))
    .toEqual([
      { event: 'session.changed', payload: { state: 'unlocked', reason: 'unlock' } },
      { event: 'session.changed', payload: { state: 'locked', reason: 'manual' } },
    ]);
  stream.destroy();
  await expect.poll(() => bridge.eventClients()).toBe(0);
});
