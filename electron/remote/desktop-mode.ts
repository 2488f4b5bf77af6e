/**
 * Which router a desktop serves, and switching it while the app runs (docs/team-server.md "On the
 * desktop"): this computer's own vault (the embedded core) or an office server (a RemoteDesktop on
 * the pinned certificate). It answers the `connection.*` channels itself, before any router:
 *
 * - `connection.connect` only while this computer has no vault and no connection; the digits are
 *   checked at a handshake that sends nothing (desktop-connection.ts), and only then is the pin
 *   stored and the window's calls go to the server, without a restart.
 * - A certificate the server shows that is not the pinned one (found at start, or when a call is
 *   refused at the handshake) blocks every call and tells the window (`connection.changed`) until
 *   `connection.confirmCertificate`: the new digits AND an administrator's sign-in over the new
 *   certificate.
 * - `connection.disconnect` for a signed-in administrator of the server: signs out, forgets the pin,
 *   and the desktop is back at its set-up screen (nothing about persons was on it).
 *
 * Plain Node, no electron: main wires it to electron-store and IPC, the test bridge to loopback HTTP.
 */
import { AppError, type Result } from '../../shared/errors';
import { contract, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { parseFingerprintInput } from '../../shared/handover/fingerprint';
import { normaliseServerUrl, type ConnectionStatus } from '../../shared/team/connection.schema';
import type { PreferencesStore } from '../core/ports';
import type { Router } from '../core/router';
import { certificateFingerprint } from '../server/certificate';
import { DESKTOP_CHANNELS } from '../server/team-router';
import { DesktopConnection, type CertificateCheck, type ConnectionStore } from './desktop-connection';
import { RemoteDesktop, type RemoteDesktopOptions } from './remote-desktop';

type Listener = (event: EventName, payload: unknown) => void;
export type LockReason = 'manual' | 'suspend' | 'screen-lock';

/** The embedded core as the mode needs it (electron/main and the test bridge pass theirs). */
export interface EmbeddedDesktop {
  router: Router;
  onEvent(listener: Listener): () => void;
  lock(reason: LockReason): void;
}

export interface DesktopModeOptions {
  embedded: EmbeddedDesktop;
  /** Where the pin is kept: electron-store in main, memory in tests. */
  store: ConnectionStore;
  /** This desktop's own preferences (language), also while connected. */
  prefs?: PreferencesStore;
  /** How long a call keeps retrying an unreachable server (RemoteRouter's default: 30 s). */
  retryForMs?: number;
  /** While connected: this user's reminders fed by the server, and this desktop's reminder choices. */
  remote?: Pick<RemoteDesktopOptions, 'reminders' | 'reminderPrefs'>;
}

const CONNECTION_CHANNELS = new Set(['connection.status', 'connection.connect', 'connection.confirmCertificate', 'connection.disconnect']);

function refusal(code: AppError['code'], key: AppError['key']): Result<never> {
  return { ok: false, error: new AppError(code, key).toPayload() };
}

export class DesktopMode implements Router {
  private remote: RemoteDesktop | null = null;
  private offRemote: (() => void) | null = null;
  private certificate: CertificateCheck | null = null;
  private checking: Promise<void> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly offEmbedded: () => void;
  private readonly connection: DesktopConnection;

  private constructor(private readonly options: DesktopModeOptions) {
    this.connection = new DesktopConnection(options.store);
    // The embedded core speaks only while this desktop is not connected.
    this.offEmbedded = options.embedded.onEvent((event, payload) => {
      if (!this.remote) this.emit(event, payload);
    });
  }

  /** Starts in the mode the store says; a stored connection is opened and its certificate checked. */
  static async start(options: DesktopModeOptions): Promise<DesktopMode> {
    const mode = new DesktopMode(options);
    if (mode.connection.stored()) {
      await mode.openStored();
      // Checked in the background: the window may show before the server answers; status waits for it.
      mode.recheck();
    }
    return mode;
  }

  get connected(): boolean {
    return this.remote !== null;
  }

  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void {
    const wrapped: Listener = (event, payload) => listener(event, payload as never);
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  private emit(event: EventName, payload: unknown): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  /** Lock from the desktop itself (Lock button, suspend, screen lock, closing to the tray). */
  lock(reason: LockReason): void {
    if (this.remote) void this.remote.call('session.lock', {});
    else this.options.embedded.lock(reason);
  }

  async call(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (typeof channel === 'string' && CONNECTION_CHANNELS.has(channel)) return this.connectionCall(channel, input);
    const remote = this.remote;
    if (!remote) return this.options.embedded.router.call(channel, input);
    // This desktop's own preferences (language) are answered here; nothing goes to a changed server.
    if (this.certificate === 'changed' && !(typeof channel === 'string' && DESKTOP_CHANNELS.has(channel))) {
      return refusal('FORBIDDEN', 'serverCertificateChanged');
    }
    const result = await remote.call(channel, input);
    if (!result.ok && result.error.key === 'serverFingerprintMismatch') {
      // Refused at the handshake: the server shows another certificate now (or an impostor does).
      this.recheck();
    } else if (this.certificate === 'unreachable' && (result.ok || result.error.key !== 'serverUnreachable')) {
      this.certificate = 'pinned';
    }
    return result;
  }

  private async connectionCall(channel: string, input: unknown): Promise<Result<unknown>> {
    try {
      const value =
        channel === 'connection.connect'
          ? await this.connect(input)
          : channel === 'connection.confirmCertificate'
            ? await this.confirmCertificate(input)
            : channel === 'connection.disconnect'
              ? await this.disconnect(input)
              : await this.status(input);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toPayload() };
      return refusal('INTERNAL', 'internal');
    }
  }

  async status(input: unknown = {}): Promise<ConnectionStatus> {
    if (!contract['connection.status'].input.safeParse(input ?? {}).success) throw new AppError('VALIDATION', 'validation');
    if (this.checking) await this.checking;
    const stored = this.remote ? this.connection.stored() : null;
    if (!stored) return { mode: 'embedded', url: null, fingerprint: null, certificate: null };
    return {
      mode: 'server',
      url: stored.url,
      fingerprint: certificateFingerprint(stored.certPem).display,
      certificate: this.certificate ?? 'pinned',
    };
  }

  /** First connection of a desktop without a vault: refused before anything is sent unless the digits match. */
  async connect(input: unknown): Promise<ConnectionStatus> {
    const parsed = contract['connection.connect'].input.safeParse(input ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', 'validation');
    if (this.remote) throw new AppError('FORBIDDEN', 'alreadyConnected');
    const own = await this.options.embedded.router.call('app.status', {});
    if (!own.ok || (own.value as { state?: unknown }).state !== 'setup') throw new AppError('FORBIDDEN', 'connectionVaultExists');
    const url = normaliseServerUrl(parsed.data.url);
    if (!url) throw new AppError('VALIDATION', 'serverUrlInvalid');
    const digits = parseFingerprintInput(parsed.data.fingerprint);
    if (!digits) throw new AppError('VALIDATION', 'serverFingerprintInvalid');
    await this.connection.connect({ url, fingerprint: digits });
    await this.openStored();
    this.certificate = 'pinned';
    this.changed();
    return this.status();
  }

  /** After a rotation: the new digits and an administrator's sign-in over the new certificate. */
  async confirmCertificate(input: unknown): Promise<ConnectionStatus> {
    const parsed = contract['connection.confirmCertificate'].input.safeParse(input ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', 'validation');
    if (!this.remote) throw new AppError('FORBIDDEN', 'notConnected');
    const digits = parseFingerprintInput(parsed.data.fingerprint);
    if (!digits) throw new AppError('VALIDATION', 'serverFingerprintInvalid');
    await this.connection.confirmNewCertificate({ ...parsed.data, fingerprint: digits });
    await this.openStored();
    this.certificate = 'pinned';
    this.changed();
    return this.status();
  }

  /** Back to set-up, for a signed-in administrator of the server. */
  async disconnect(input: unknown): Promise<ConnectionStatus> {
    if (!contract['connection.disconnect'].input.safeParse(input ?? {}).success) throw new AppError('VALIDATION', 'validation');
    const remote = this.remote;
    if (!remote) throw new AppError('FORBIDDEN', 'notConnected');
    const status = await remote.call('app.status', {});
    if (!status.ok) throw new AppError(status.error.code, status.error.key);
    const user = (status.value as { user?: { role?: unknown } | null }).user;
    if (!user) throw new AppError('LOCKED', 'locked');
    if (user.role !== 'admin') throw new AppError('FORBIDDEN', 'forbidden');
    await remote.call('session.lock', {});
    this.closeRemote();
    this.connection.disconnect();
    this.certificate = null;
    this.changed();
    this.emit('session.changed', { state: 'locked', reason: 'manual' });
    return this.status();
  }

  private async openStored(): Promise<void> {
    const stored = this.connection.stored();
    if (!stored) return;
    const remote = await RemoteDesktop.connect({
      url: stored.url,
      fingerprint: { certPem: stored.certPem, hex: stored.hex },
      ...(this.options.prefs ? { prefs: this.options.prefs } : {}),
      ...(this.options.retryForMs !== undefined ? { retryForMs: this.options.retryForMs } : {}),
      ...this.options.remote,
    });
    this.closeRemote();
    this.remote = remote;
    this.offRemote = remote.onEvent((event, payload) => this.emit(event, payload));
  }

  private closeRemote(): void {
    this.offRemote?.();
    this.offRemote = null;
    this.remote?.close();
    this.remote = null;
  }

  /** Asks the server which certificate it shows now; a different one blocks the desktop. */
  private recheck(): void {
    if (this.checking || !this.remote) return;
    this.checking = this.connection
      .check()
      .then((found) => {
        const before = this.certificate;
        this.certificate = found;
        if (found === 'changed' && before !== 'changed') {
          this.emit('session.changed', { state: 'locked', reason: 'manual' });
          this.changed();
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.checking = null;
      });
  }

  private changed(): void {
    this.emit('connection.changed', { mode: this.remote ? 'server' : 'embedded', certificate: this.remote ? (this.certificate ?? 'pinned') : null });
  }

  close(): void {
    this.offEmbedded();
    this.closeRemote();
    this.listeners.clear();
  }
}
