/**
 * Which server a desktop talks to, kept in this desktop's preferences (electron-store in main): the
 * server's URL and its pinned certificate (the PEM and its SHA-256), nothing else, nothing about
 * persons. Plain Node, so main stays a thin caller (docs/team-server.md "Certificate").
 *
 * - `connect` checks the digits read off the server's screen at a handshake that sends nothing,
 *   and stores the pin only when they match.
 * - `open` starts a RemoteDesktop on the stored pin; `check` tells whether the server still shows
 *   the pinned certificate. A changed certificate blocks the connection (every call is refused at
 *   the handshake) until `confirmNewCertificate`: the new digits AND an administrator's sign-in
 *   over the new certificate, so a caseworker (or someone on the network) cannot re-pin the desktop.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { certificateFingerprint } from '../server/certificate';
import { pinFromDigits, presentedCertificate, type Pin } from './pinned-tls';
import { RemoteDesktop, type RemoteDesktopOptions } from './remote-desktop';

const MAX_PEM_CHARS = 16_000;

export const storedConnectionSchema = z.strictObject({
  url: z.url({ protocol: /^https$/ }).max(300),
  certPem: z.string().max(MAX_PEM_CHARS).startsWith('-----BEGIN CERTIFICATE-----'),
  hex: z.string().regex(/^[0-9a-f]{64}$/),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

export const connectInputSchema = z.strictObject({
  url: z.url({ protocol: /^https$/ }).max(300),
  fingerprint: z.string().min(60).max(120),
});

export const confirmInputSchema = z.strictObject({
  fingerprint: z.string().min(60).max(120),
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Where main keeps the connection (electron-store); tests pass an object in memory. */
export interface ConnectionStore {
  get(): unknown;
  set(connection: StoredConnection | null): void;
}

export type CertificateCheck = 'pinned' | 'changed' | 'unreachable';

function invalid(reason: string): AppError {
  return new AppError('VALIDATION', 'validation', undefined, { reason });
}

export class DesktopConnection {
  constructor(private readonly store: ConnectionStore) {}

  /** The stored connection, or null (embedded mode) when there is none or it does not hold together. */
  stored(): StoredConnection | null {
    const parsed = storedConnectionSchema.safeParse(this.store.get());
    if (!parsed.success) return null;
    // A pin whose PEM is not the certificate its hex names was edited by hand: not trusted.
    try {
      return certificateFingerprint(parsed.data.certPem).hex === parsed.data.hex ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** First connection: the digits must match the certificate the server shows, else nothing is stored. */
  async connect(input: unknown): Promise<StoredConnection> {
    const parsed = connectInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('connect');
    const pin = await pinFromDigits(parsed.data.url, parsed.data.fingerprint);
    const connection = { url: new URL(parsed.data.url).origin, certPem: pin.certPem, hex: pin.hex };
    this.store.set(connection);
    return connection;
  }

  /** The router main uses instead of the embedded core, on the stored pin. */
  async open(options: Pick<RemoteDesktopOptions, 'reminders' | 'reminderPrefs'> = {}): Promise<RemoteDesktop | null> {
    const connection = this.stored();
    if (!connection) return null;
    return RemoteDesktop.connect({ url: connection.url, fingerprint: pinOf(connection), ...options });
  }

  /** Whether the server still shows the pinned certificate (a handshake that sends nothing). */
  async check(): Promise<CertificateCheck> {
    const connection = this.stored();
    if (!connection) throw invalid('not-connected');
    try {
      const presented = await presentedCertificate(connection.url);
      return presented.hex === connection.hex ? 'pinned' : 'changed';
    } catch {
      return 'unreachable';
    }
  }

  /**
   * After a certificate rotation: the new digits, checked at the handshake, and an administrator's
   * password, checked by the server over the new certificate. Only then is the new pin stored.
   */
  async confirmNewCertificate(input: unknown): Promise<StoredConnection> {
    const connection = this.stored();
    if (!connection) throw invalid('not-connected');
    const parsed = confirmInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('confirm');
    const pin = await pinFromDigits(connection.url, parsed.data.fingerprint);
    const desktop = await RemoteDesktop.connect({ url: connection.url, fingerprint: pin, retryForMs: 0 });
    try {
      const signedIn = await desktop.call('session.unlock', { username: parsed.data.username, password: parsed.data.password });
      if (!signedIn.ok) throw new AppError(signedIn.error.code, signedIn.error.key);
      const role = (signedIn.value as { role?: unknown }).role;
      await desktop.call('session.lock', {});
      if (role !== 'admin') throw new AppError('FORBIDDEN', 'forbidden');
    } finally {
      desktop.close();
    }
    const next = { url: connection.url, certPem: pin.certPem, hex: pin.hex };
    this.store.set(next);
    return next;
  }

  /** Back to this computer's own vault: the pin is forgotten. */
  disconnect(): void {
    this.store.set(null);
  }
}

function pinOf(connection: StoredConnection): Pin {
  return { certPem: connection.certPem, hex: connection.hex };
}
