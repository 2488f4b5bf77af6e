/**
 * The office server's TLS certificate. At first start the server makes its own (ECDSA P-256,
 * self-signed, through @peculiar/x509 on Node's WebCrypto) and keeps it in the vault folder, the
 * key readable by the server's account only. Desktops pin it by its fingerprint, which the server
 * prints in the key-card format (12 groups of 5 digits, shared/handover/fingerprint.ts), so the
 * digits can be read off the server's screen. An organisation may give its own certificate
 * (for example from its CA) instead. See docs/team-server.md "Certificate".
 */
import 'reflect-metadata';
import { X509Certificate as NodeX509, createHash, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { FINGERPRINT_RETRY_PREFIX, digitsFromHash, formatFingerprint } from '../../shared/handover/fingerprint';

export const SERVER_TLS_DIR = 'server-tls';
export const CERT_FILE = 'certificate.pem';
export const KEY_FILE = 'private-key.pem';

export interface CertificateFingerprint {
  /** SHA-256 of the certificate (DER), lower-case hex: Node's fingerprint256 without colons. */
  hex: string;
  /** 60 digits in 12 groups of 5. */
  display: string;
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  fingerprint: CertificateFingerprint;
}

/** The fingerprint of a certificate, digits derived as for key cards (docs/key-card.md "Fingerprint"). */
export function certificateFingerprint(certPem: string): CertificateFingerprint {
  const der = new NodeX509(certPem).raw;
  const first = createHash('sha256').update(der).digest();
  let h = first;
  let digits = digitsFromHash(h);
  while (digits === null) {
    h = createHash('sha256').update(FINGERPRINT_RETRY_PREFIX, 'utf8').update(h).digest();
    digits = digitsFromHash(h);
  }
  return { hex: first.toString('hex'), display: formatFingerprint(digits) };
}

/** Node's `fingerprint256` ("AB:CD:...") as lower-case hex without colons. */
export function normaliseFingerprint256(value: string): string {
  return value.replace(/:/g, '').toLowerCase();
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** A new self-signed certificate for the given host names and addresses, valid five years. */
export async function makeSelfSignedCertificate(hosts: string[], now: Date = new Date()): Promise<{ certPem: string; keyPem: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])].map((h) =>
    isIP(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h },
  );
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 5);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: 'CN=Passerelle office server',
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    signingAlgorithm: alg,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names, false),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: cert.toString('pem') + '\n', keyPem: pem('PRIVATE KEY', pkcs8) };
}

/**
 * The certificate in `vaultDir/server-tls/`, made at first start. Given `certFile` and `keyFile`
 * (an organisation's certificate), those are used instead and nothing is written.
 */
export async function ensureServerCertificate(
  vaultDir: string,
  options: { hosts: string[]; certFile?: string; keyFile?: string },
): Promise<ServerCertificate & { created: boolean }> {
  if (options.certFile && options.keyFile) {
    const certPem = readFileSync(options.certFile, 'utf8');
    const keyPem = readFileSync(options.keyFile, 'utf8');
    return { certPem, keyPem, fingerprint: certificateFingerprint(certPem), created: false };
  }
  const dir = join(vaultDir, SERVER_TLS_DIR);
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    return { certPem, keyPem: readFileSync(keyPath, 'utf8'), fingerprint: certificateFingerprint(certPem), created: false };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { certPem, keyPem } = await makeSelfSignedCertificate(options.hosts);
  writeFileSync(keyPath, keyPem, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, certPem, { mode: 0o644 });
  return { certPem, keyPem, fingerprint: certificateFingerprint(certPem), created: true };
}
