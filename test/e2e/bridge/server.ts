/**
 * The end-to-end test bridge: a loopback HTTP server that serves the built
 * renderer (out/renderer) and the SAME router electron/main registers with ipcMain, so the real UI,
 * router, services and encrypted database are tested together in a browser; only the transport
 * differs. The page gets `window.passerelle` from test/e2e/fixtures.ts, which speaks to:
 *
 *   POST /__bridge/invoke   {"channel": "...", "input": {...}}  ->  the router's Result, as JSON
 *   GET  /__bridge/events   Server-Sent Events: one `data: {"event": "...", "payload": {...}}` per core event
 *
 * It is a test tool, never shipped: it listens on 127.0.0.1 only, answers only requests whose Host is
 * its own loopback address (no DNS rebinding), refuses cross-origin and non-JSON invokes (no CSRF from
 * another page in the same browser), bodies over 1 MB, and static paths escaping out/renderer.
 *
 * Client mode (startClientBridge): instead of an embedded core, the page's calls go through a
 * RemoteRouter to a real office server (`passerelle serve`, docs/team-server.md) and its change events
 * arrive on the same stream as `data.changed`, so Playwright runs two browser contexts as two
 * desktops against one server (test/e2e/team.spec.ts).
 *
 * Manual use: `npx electron-vite build && npx tsx test/e2e/bridge/server.ts [--vault DIR] [--port N]`
 * prints the URL. Open it in Chromium with the injected API, or drive the router with curl.
 */
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../../../electron/core/app-core';
import { memoryPreferences, systemClock, type Clock, type Logger, type PreferencesStore } from '../../../electron/core/ports';
import type { KdfProfile } from '../../../electron/core/crypto/kdf';
import { MIGRATIONS_DIR } from '../../../db/migrations-dir';
import { AppError, type Result } from '../../../shared/errors';
import { CHANNEL_NAMES, EVENT_NAMES_LIST } from '../../../shared/ipc/channels';
import { RemoteDesktop } from '../../../electron/remote/remote-desktop';
import { DesktopMode } from '../../../electron/remote/desktop-mode';
import type { ConnectionStore, StoredConnection } from '../../../electron/remote/desktop-connection';
import { pageApiScript, type PageApiOptions } from './page-api';

export const INVOKE_PATH = '/__bridge/invoke';
export const EVENTS_PATH = '/__bridge/events';
export const PAGE_API_PATH = '/__bridge/page-api.js';
export const MAX_BODY_BYTES = 1024 * 1024;

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');

/**
 * The same Content-Security-Policy electron/main adds as a header to every response (one constant
 * in shared/security/csp.ts), so a CSP violation that would break the app in Electron breaks the tests too.
 */
export const CSP = CONTENT_SECURITY_POLICY;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What the bridge's logger saw: codes and counts only, like every Passerelle logger. */
export interface BridgeLogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  detail?: string;
}

export interface BridgeOptions {
  /** The vault folder. Default: `vault` inside a fresh temp folder, removed by close(). */
  vaultDir?: string;
  /** The built renderer. Default: out/renderer of this repository. */
  rendererDir?: string;
  /** Default: the system clock. Pass a FakeClock to drive auto-lock from a test. */
  clock?: Clock;
  /** Default: in-memory preferences (no language chosen yet). */
  prefs?: PreferencesStore;
  /** Default: 'minimum' (the issue's floor: 64 MiB, t=3, p=4), so tests do not spend a second per unlock. */
  kdfProfile?: KdfProfile;
  /** Default: 0, a free port chosen by the system. */
  port?: number;
  /**
   * Manual use in any browser: serve /__bridge/page-api.js and add it to index.html, so the page
   * gets `window.passerelle` without Playwright. Playwright's fixtures inject it with addInitScript.
   */
  injectApi?: boolean;
  /** Print the core's errors to stderr (default true: an INTERNAL error should be visible). Warnings stay in `log`. */
  echoLog?: boolean;
  /**
   * Where this desktop keeps its office-server connection (electron-store in the app). Default: in
   * memory, empty: the page starts at set-up and can connect to a server a test started.
   */
  connectionStore?: ConnectionStore;
  /** How long a call keeps retrying an unreachable office server once connected (default 30 s). */
  retryForMs?: number;
}

/** A connection store in memory, as electron-store holds it in the app. */
export function memoryConnectionStore(initial: StoredConnection | null = null): ConnectionStore & { value: StoredConnection | null } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(connection) {
      this.value = connection;
    },
  };
}

/** What the page's `window.passerelle` needs to know about this bridge. */
export const PAGE_API_OPTIONS: PageApiOptions = {
  channels: CHANNEL_NAMES,
  events: EVENT_NAMES_LIST,
  invokePath: INVOKE_PATH,
  eventsPath: EVENTS_PATH,
};

export interface Bridge {
  /** `http://127.0.0.1:<port>/`, serving the renderer's index.html. */
  url: string;
  /** The core behind the router, for seeding and inspecting state from a test. */
  core: Core;
  /**
   * What the page talks to, as main serves it: the embedded core, or an office server once the
   * page connected this desktop (electron/remote/desktop-mode.ts).
   */
  mode: DesktopMode;
  vaultDir: string;
  /** Everything the core logged. */
  log: BridgeLogEntry[];
  /** How many pages are listening to the event stream now. */
  eventClients(): number;
  /** Stops the server, ends the event streams, locks the vault and removes a temp vault. */
  close(): Promise<void>;
}

function recordingLogger(log: BridgeLogEntry[], echo: boolean): Logger {
  const push = (entry: BridgeLogEntry) => {
    log.push(entry);
    if (echo && entry.level === 'error') console.error(`[bridge ${entry.level}] ${entry.event}${entry.detail ? `\n${entry.detail}` : ''}`);
  };
  return {
    info: (event, meta) => push({ level: 'info', event, ...(meta ? { detail: JSON.stringify(meta) } : {}) }),
    warn: (event, meta) => push({ level: 'warn', event, ...(meta ? { detail: JSON.stringify(meta) } : {}) }),
    error: (event, error) => push({ level: 'error', event, ...(error instanceof Error && error.stack ? { detail: error.stack } : {}) }),
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) return Promise.reject(new HttpError(413, 'body too large'));
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop reading; the caller answers 413 and then drops the connection.
        req.pause();
        req.removeAllListeners('data');
        reject(new HttpError(413, 'body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** A transport-level refusal, shaped like a router Result so the client shows its usual error. */
function transportError(reason: string): Result<never> {
  return { ok: false, error: new AppError('VALIDATION', 'validation', undefined, { reason }).toPayload() };
}

/** The file under `root` that `urlPath` names, or null when it escapes root or does not exist. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  if (!existsSync(candidate)) return null;
  // A symlink inside out/renderer must not lead outside it either.
  const real = realpathSync(candidate);
  if (real !== root && !real.startsWith(root + sep)) return null;
  const stat = statSync(real);
  if (stat.isDirectory()) {
    const index = join(real, 'index.html');
    return existsSync(index) ? index : null;
  }
  return stat.isFile() ? real : null;
}

/** What the HTTP part of the bridge serves: a router, and the events the renderer gets. */
interface Served {
  rendererDir: string;
  router: { call(channel: unknown, input: unknown): Promise<Result<unknown>> };
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  log: BridgeLogEntry[];
  port?: number;
  injectApi?: boolean;
}

interface Serving {
  url: string;
  eventClients(): number;
  close(): Promise<void>;
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const rendererDir = checkRenderer(options.rendererDir);
  const tempRoot = options.vaultDir ? null : mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const vaultDir = options.vaultDir ?? join(tempRoot!, 'vault');
  const log: BridgeLogEntry[] = [];
  // One preferences store for both modes: the language chosen at set-up stays after connecting.
  const prefs = options.prefs ?? memoryPreferences();
  const core = createCore({
    vaultDir,
    migrationsFolder: MIGRATIONS_DIR,
    clock: options.clock ?? systemClock,
    logger: recordingLogger(log, options.echoLog ?? true),
    prefs,
    kdfProfile: options.kdfProfile ?? 'minimum',
  });
  const mode = await DesktopMode.start({
    embedded: { router: core.router, onEvent: (listener) => core.onEvent(listener), lock: (reason) => core.vault.lock(reason) },
    store: options.connectionStore ?? memoryConnectionStore(),
    prefs,
    ...(options.retryForMs !== undefined ? { retryForMs: options.retryForMs } : {}),
  });
  const serving = await serveRouter({
    rendererDir,
    router: mode,
    onEvent: (listener) => mode.onEvent(listener),
    log,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.injectApi !== undefined ? { injectApi: options.injectApi } : {}),
  });
  let closed = false;
  return {
    url: serving.url,
    core,
    mode,
    vaultDir,
    log,
    eventClients: serving.eventClients,
    async close() {
      if (closed) return;
      closed = true;
      await serving.close();
      mode.close();
      core.dispose();
      if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    },
  };
}

export interface ClientBridgeOptions {
  /** The office server's URL (`https://127.0.0.1:PORT`) and the 60 fingerprint digits it printed. */
  server: { url: string; fingerprint: string };
  rendererDir?: string;
  port?: number;
  injectApi?: boolean;
  /** How long a call keeps retrying an unreachable server (RemoteRouter's default: 30 s). */
  retryForMs?: number;
}

/** The bridge in its client mode: a desktop connected to an office server, as main is in team mode. */
export interface ClientBridge {
  url: string;
  desktop: RemoteDesktop;
  log: BridgeLogEntry[];
  eventClients(): number;
  /** Stops serving the page and forgets the session token (the server is not stopped). */
  close(): Promise<void>;
}

/**
 * The client mode: no embedded core; the page's calls go through a RemoteRouter (pinned TLS) to a
 * real office server, and the server's change events reach the page as `data.changed` over the same
 * Server-Sent Events stream as every other event. Two client bridges on one server are two desktops.
 */
export async function startClientBridge(options: ClientBridgeOptions): Promise<ClientBridge> {
  const rendererDir = checkRenderer(options.rendererDir);
  const log: BridgeLogEntry[] = [];
  const desktop = await RemoteDesktop.connect({
    url: options.server.url,
    fingerprint: options.server.fingerprint,
    ...(options.retryForMs !== undefined ? { retryForMs: options.retryForMs } : {}),
  });
  const serving = await serveRouter({
    rendererDir,
    router: desktop,
    onEvent: (listener) => desktop.onEvent(listener),
    log,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.injectApi !== undefined ? { injectApi: options.injectApi } : {}),
  });
  let closed = false;
  return {
    url: serving.url,
    desktop,
    log,
    eventClients: serving.eventClients,
    async close() {
      if (closed) return;
      closed = true;
      await serving.close();
      desktop.close();
    },
  };
}

function checkRenderer(dir: string | undefined): string {
  const rendererDir = realpathSync(resolve(dir ?? DEFAULT_RENDERER_DIR));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  }
  return rendererDir;
}

async function serveRouter(options: Served): Promise<Serving> {
  const { rendererDir, log } = options;
  const streams = new Set<ServerResponse>();
  const offEvent = options.onEvent((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });
  let origin = '';
  let allowedHosts = new Set<string>();

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page of another origin in the same browser must not drive the vault.
    const from = req.headers.origin;
    if (from !== undefined && from !== origin) return sendJson(res, 403, transportError('origin'));
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/json')) return sendJson(res, 415, transportError('content-type'));
    let text: string;
    try {
      text = await readBody(req);
    } catch (e) {
      if (e instanceof HttpError) {
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
        return sendJson(res, e.status, transportError('body-too-large'));
      }
      throw e;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return sendJson(res, 400, transportError('json'));
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return sendJson(res, 400, transportError('envelope'));
    }
    const { channel, input } = message as { channel?: unknown; input?: unknown };
    // Exactly what ipcMain.handle does in electron/main: the router validates channel and input.
    const result = await options.router.call(channel, input);
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (options.injectApi && pathname === PAGE_API_PATH) {
      const script = pageApiScript(PAGE_API_OPTIONS);
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : script);
      return;
    }
    const file = resolveStatic(rendererDir, pathname);
    if (!file && pathname === '/favicon.ico') {
      // Chromium asks for it on its own; Electron's file:// page does not. Nothing to show.
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (!file) return sendText(res, 404, 'not found');
    let body = readFileSync(file);
    if (options.injectApi && file === join(rendererDir, 'index.html')) {
      // A classic script runs before the app's module script, which is deferred.
      body = Buffer.from(body.toString('utf8').replace('</head>', `  <script src=".${PAGE_API_PATH}"></script>\n  </head>`));
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'content-security-policy': CSP,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    void (async () => {
      // Only our own loopback name: a rebinding DNS name pointing at 127.0.0.1 is refused.
      if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return sendText(res, 421, 'wrong host');
      const { pathname } = new URL(req.url ?? '/', origin);
      if (pathname === INVOKE_PATH) {
        if (req.method !== 'POST') return sendText(res, 405, 'POST only');
        return handleInvoke(req, res);
      }
      if (pathname === EVENTS_PATH) {
        if (req.method !== 'GET') return sendText(res, 405, 'GET only');
        return handleEvents(req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'GET only');
      return handleStatic(req, res, pathname);
    })().catch((e: unknown) => {
      log.push({ level: 'error', event: 'bridge.request-failed', ...(e instanceof Error && e.stack ? { detail: e.stack } : {}) });
      console.error('[bridge error] request failed', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: new AppError('INTERNAL', 'internal').toPayload() });
      else res.destroy();
    });
  });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  let closed = false;
  return {
    url: `${origin}/`,
    eventClients: () => streams.size,
    async close() {
      if (closed) return;
      closed = true;
      offEvent();
      for (const res of streams) res.end();
      streams.clear();
      const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}

function parseArgs(argv: string[]): { vaultDir?: string; port?: number } {
  const out: { vaultDir?: string; port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--vault' && value) {
      out.vaultDir = resolve(value);
      i++;
    } else if (arg === '--port' && value && /^\d+$/.test(value)) {
      out.port = Number(value);
      i++;
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: tsx test/e2e/bridge/server.ts [--vault DIR] [--port N]\n' +
        'Serves out/renderer and the Passerelle router on 127.0.0.1 (a temp vault unless --vault).');
      process.exit(0);
    } else {
      console.error(`Unknown or incomplete argument: ${arg}`);
      process.exit(2);
    }
  }
  return out;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const bridge = await startBridge({ ...args, injectApi: true });
  console.log(bridge.url);
  console.error(`vault: ${bridge.vaultDir}${args.vaultDir ? '' : ' (temporary, removed on exit)'}; Ctrl+C to stop`);
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMain) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
