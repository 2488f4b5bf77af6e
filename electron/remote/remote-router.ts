/**
 * A Router whose calls go to an office server (docs/team-server.md "Protocol"): main holds either
 * the embedded router or this one, and the renderer and the contract never know which. Plain Node
 * (https, ws), no electron.
 *
 * - The server's certificate is pinned (pinned-tls.ts): a different certificate is refused at the
 *   handshake, before the request is written.
 * - The session token lives in this object's memory only, never on disk.
 * - Writes carry a random request id; a write retried after a lost connection reuses it, so the
 *   server applies it once.
 * - When the server cannot be reached, calls retry with a growing pause for `retryForMs`, and
 *   `onReachability` tells the UI since when the server has been out of reach.
 * - This desktop's own preferences (language, reminder display) are answered here.
 */
import { randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:https';
import { WebSocket } from 'ws';
import { AppError, type Result } from '../../shared/errors';
import type { Language } from '../../shared/domain';
import type { Router } from '../core/router';
import type { PreferencesStore } from '../core/ports';
import { memoryPreferences } from '../core/ports';
import { EVENTS_PATH, type ChangeEvent } from '../server/change-feed';
import { DESKTOP_CHANNELS, isWriteChannel } from '../server/team-router';
import { pinFromDigits, pinnedAgent, serverTarget, type Pin } from './pinned-tls';

export interface Reachability {
  reachable: boolean;
  /** When the server was last answered, or first missed (ISO). */
  since: string;
}

export interface RemoteRouterOptions {
  url: string;
  /** The 60 digits read off the server (spaces allowed), or a pin saved at an earlier connection. */
  fingerprint: string | Pin;
  prefs?: PreferencesStore;
  /** How long a call keeps retrying while the server is unreachable (default 30 s). */
  retryForMs?: number;
  /** One request's time limit (default 60 s). */
  timeoutMs?: number;
  onReachability?: (state: Reachability) => void;
}

const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);

class Unreachable extends Error {}

/** A certificate that is not the pinned one, or a protocol below TLS 1.3: refused before the request was written. */
function isHandshakeRefusal(e: NodeJS.ErrnoException): boolean {
  const code = e.code ?? '';
  return /CERT|SELF_SIGNED|ERR_SSL|ERR_TLS|EPROTO|UNABLE_TO_VERIFY/.test(code) || e.message.includes('pinned');
}

export class RemoteRouter implements Router {
  private token: string | null = null;
  private readonly agent: Agent;
  private reachable = true;
  private readonly prefs: PreferencesStore;
  private readonly target: { host: string; port: number; servername?: string };

  private constructor(
    private readonly options: RemoteRouterOptions,
    readonly pin: Pin,
  ) {
    this.agent = pinnedAgent(pin);
    this.prefs = options.prefs ?? memoryPreferences();
    this.target = serverTarget(options.url);
  }

  /** Checks the server's certificate against the fingerprint before anything is sent. */
  static async connect(options: RemoteRouterOptions): Promise<RemoteRouter> {
    const pin = typeof options.fingerprint === 'string' ? await pinFromDigits(options.url, options.fingerprint) : options.fingerprint;
    return new RemoteRouter(options, pin);
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  /** The server no longer knows this desktop's token (it said so): forget it here too. */
  forgetSession(): void {
    this.token = null;
  }

  async call(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (typeof channel === 'string' && DESKTOP_CHANNELS.has(channel)) return this.local(channel, input);
    if (typeof channel !== 'string' || !/^[a-zA-Z]+\.[a-zA-Z]+$/.test(channel)) {
      return { ok: false, error: new AppError('NOT_FOUND', 'notFound', undefined, { reason: 'channel' }).toPayload() };
    }
    const requestId = isWriteChannel(channel) ? randomUUID() : undefined;
    const body = JSON.stringify(requestId ? { input: input ?? {}, requestId } : { input: input ?? {} });
    const started = Date.now();
    const retryFor = this.options.retryForMs ?? 30_000;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.post(channel, body);
        this.setReachable(true);
        if (channel === 'session.unlock' && answer.ok && typeof answer.token === 'string') this.token = answer.token;
        if (channel === 'session.lock') this.token = null;
        if (!answer.ok && answer.error.code === 'LOCKED') this.token = null;
        const { token: _token, ...result } = answer;
        return result as Result<unknown>;
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
        this.setReachable(false);
        if (Date.now() - started >= retryFor) {
          return { ok: false, error: new AppError('INTERNAL', 'serverUnreachable').toPayload() };
        }
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
      }
    }
  }

  private setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.options.onReachability?.({ reachable, since: new Date().toISOString() });
  }

  private post(channel: string, body: string): Promise<Result<unknown> & { token?: unknown }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      };
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      const req = request(
        { ...this.target, method: 'POST', path: `/v1/call/${channel}`, agent: this.agent, headers, timeout: this.options.timeoutMs ?? 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown> & { token?: unknown };
              if (typeof parsed !== 'object' || parsed === null || typeof parsed.ok !== 'boolean') throw new Error('not a result');
              resolve(parsed);
            } catch {
              resolve({ ok: false, error: new AppError('INTERNAL', 'internal').toPayload() });
            }
          });
          res.on('error', (e) => reject(new Unreachable(e.message)));
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code && RETRYABLE.has(e.code)) reject(new Unreachable(e.code));
        else if (e.message === 'socket hang up') reject(new Unreachable('hang up'));
        else if (isHandshakeRefusal(e)) {
          resolve({ ok: false, error: new AppError('FORBIDDEN', 'serverFingerprintMismatch').toPayload() });
        } else reject(e);
      });
      req.end(body);
    });
  }

  private local(channel: string, input: unknown): Result<unknown> {
    if (channel === 'prefs.get') return { ok: true, value: { language: this.prefs.getLanguage() } };
    if (channel === 'prefs.set') {
      const language = (input as { language?: unknown } | null)?.language;
      if (language !== 'nl' && language !== 'fr' && language !== 'en') {
        return { ok: false, error: new AppError('VALIDATION', 'validation').toPayload() };
      }
      this.prefs.setLanguage(language as Language);
      return { ok: true, value: { language: this.prefs.getLanguage() } };
    }
    return { ok: false, error: new AppError('FORBIDDEN', 'serverOnly').toPayload() };
  }

  /**
   * Change events while signed in; reconnects by itself until the returned function is called.
   * `onEvent` gets the channel that changed something on the server.
   */
  subscribe(onEvent: (event: ChangeEvent) => void): () => void {
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    const open = () => {
      if (stopped) return;
      const token = this.token;
      if (!token) {
        setTimeout(open, 1000).unref();
        return;
      }
      const host = this.target.host.includes(':') ? `[${this.target.host}]` : this.target.host;
      // The same pinning as the calls: an agent that trusts only the pinned certificate.
      socket = new WebSocket(`wss://${host}:${this.target.port}${EVENTS_PATH}`, { agent: pinnedAgent(this.pin) });
      socket.on('open', () => socket?.send(JSON.stringify({ token })));
      socket.on('message', (data) => {
        attempt = 0;
        try {
          const event = JSON.parse(String(data)) as ChangeEvent | { type: 'ready' };
          if (event.type === 'changed') onEvent(event);
        } catch {
          socket?.close();
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (stopped) return;
        attempt += 1;
        setTimeout(open, Math.min(5000, 200 * 2 ** attempt)).unref();
      });
    };
    open();
    return () => {
      stopped = true;
      socket?.close();
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
