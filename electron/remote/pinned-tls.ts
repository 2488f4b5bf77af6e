/**
 * Pinning the office server's certificate by the fingerprint digits an administrator read off the
 * server's screen. First contact: a TLS handshake that sends nothing, only to fetch the server's
 * certificate and compare its fingerprint with the digits; a mismatch stops there, before any
 * password is sent. Every later connection trusts exactly that certificate (`ca`) and checks its
 * SHA-256 again at the handshake (`checkServerIdentity`), so a different certificate is refused
 * before a byte of the request leaves (/work/shared/design/toolchain.md, node:tls pinning:
 * `rejectUnauthorized: false` plus checkServerIdentity would NOT refuse).
 */
import { X509Certificate } from 'node:crypto';
import { Agent } from 'node:https';
import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { AppError } from '../../shared/errors';
import { parseFingerprintInput } from '../../shared/handover/fingerprint';
import { certificateFingerprint, normaliseFingerprint256 } from '../server/certificate';

export interface Pin {
  /** The server's certificate, PEM: the only certificate trusted for this server. */
  certPem: string;
  /** Its SHA-256, lower-case hex. */
  hex: string;
}

export function serverTarget(url: string): { host: string; port: number; servername?: string } {
  const u = new URL(url);
  if (u.protocol !== 'https:') throw new AppError('VALIDATION', 'validation', undefined, { reason: 'url' });
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = u.port ? Number(u.port) : 443;
  return isIP(host) ? { host, port } : { host, port, servername: host };
}

/** TLS options that accept only the pinned certificate, TLS 1.3 only. */
export function pinnedTlsOptions(pin: Pin): Pick<ConnectionOptions, 'ca' | 'checkServerIdentity' | 'minVersion' | 'rejectUnauthorized'> {
  return {
    ca: pin.certPem,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.3',
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      normaliseFingerprint256(cert.fingerprint256) === pin.hex ? undefined : new Error('the server certificate is not the pinned one'),
  };
}

export function pinnedAgent(pin: Pin): Agent {
  return new Agent({ ...pinnedTlsOptions(pin), keepAlive: true, maxSockets: 16 });
}

/**
 * Why a first handshake failed, as the person at the set-up screen must hear it: a server that
 * offers only an older protocol (OpenSSL's "protocol version" alert) is refused and named as such;
 * any other TLS error is a refusal too (nothing was sent); a socket error is an outage.
 */
export function handshakeFailure(e: NodeJS.ErrnoException): AppError {
  const code = e.code ?? '';
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION_NUMBER/.test(code) || /protocol version|unsupported protocol/i.test(e.message)) {
    return new AppError('FORBIDDEN', 'serverNotTls13');
  }
  if (code.startsWith('ERR_SSL') || code === 'EPROTO') return new AppError('FORBIDDEN', 'serverFingerprintMismatch');
  return new AppError('INTERNAL', 'serverUnreachable');
}

/**
 * Fetches the server's certificate without sending anything and checks it against the digits.
 * FORBIDDEN `serverFingerprintMismatch` when it differs; `serverUnreachable` when there is no server.
 */
export function pinFromDigits(url: string, digitsInput: string, timeoutMs = 10_000): Promise<Pin> {
  const digits = parseFingerprintInput(digitsInput);
  if (!digits) return Promise.reject(new AppError('VALIDATION', 'validation', undefined, { reason: 'fingerprint' }));
  const target = serverTarget(url);
  return new Promise<Pin>((resolve, reject) => {
    const socket = connect({ ...target, rejectUnauthorized: false, minVersion: 'TLSv1.3', timeout: timeoutMs });
    const fail = (e: AppError) => {
      socket.destroy();
      reject(e);
    };
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(false).raw;
      socket.destroy();
      if (!raw) return reject(new AppError('FORBIDDEN', 'serverFingerprintMismatch'));
      const certPem = new X509Certificate(raw).toString();
      const fingerprint = certificateFingerprint(certPem);
      if (fingerprint.display.replace(/ /g, '') !== digits) return reject(new AppError('FORBIDDEN', 'serverFingerprintMismatch'));
      return resolve({ certPem, hex: fingerprint.hex });
    });
    socket.once('timeout', () => fail(new AppError('INTERNAL', 'serverUnreachable')));
    socket.once('error', (e: NodeJS.ErrnoException) => fail(handshakeFailure(e)));
  });
}

/**
 * The certificate the server shows now, read at a handshake that sends nothing (to tell a desktop
 * that its pinned certificate was replaced). Never trusted for a request by itself.
 */
export function presentedCertificate(url: string, timeoutMs = 10_000): Promise<Pin> {
  const target = serverTarget(url);
  return new Promise<Pin>((resolve, reject) => {
    const socket = connect({ ...target, rejectUnauthorized: false, minVersion: 'TLSv1.3', timeout: timeoutMs });
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate(false).raw;
      socket.destroy();
      if (!raw) return reject(new AppError('FORBIDDEN', 'serverFingerprintMismatch'));
      const certPem = new X509Certificate(raw).toString();
      return resolve({ certPem, hex: certificateFingerprint(certPem).hex });
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new AppError('INTERNAL', 'serverUnreachable'));
    });
    socket.once('error', () => {
      socket.destroy();
      reject(new AppError('INTERNAL', 'serverUnreachable'));
    });
  });
}
