/**
 * The strict reading of the JOSE objects in handover packages and receipts, done BEFORE anything is
 * given to jose: exact segment counts, canonical base64url in every segment (see shared/handover/
 * encoding.ts for why), an allow-list of header parameters and values, no `crit`, no `zip`, no keys or
 * key URLs in headers. jose then decrypts and verifies with its own algorithm allow-lists and a
 * pinned key. Anything that fails here is a `Refusal` with its reason code; handover code turns it
 * into an AppError PACKAGE_REJECTED.
 */
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { base64urlLength, isCanonicalBase64url, HEX64 } from '../../../shared/handover/encoding';
import { REJECTION_MESSAGES, type ReceiptRejectionReason } from '../../../shared/handover/reasons';

export const JWE_ALG = 'ECDH-ES+A256KW' as const;
export const JWE_ENC = 'A256GCM' as const;
export const JWS_ALG = 'EdDSA' as const;

/** A refusal with its reason code; never leaves this module's callers as anything but an AppError. */
export class Refusal extends Error {
  constructor(readonly reason: ReceiptRejectionReason) {
    super(reason);
    this.name = 'Refusal';
  }
}

/** An error thrown by something the caller passed in (a lookup, a file system call): rethrown as is. */
export class CallerFailure extends Error {
  constructor(readonly original: unknown) {
    super('caller failure');
    this.name = 'CallerFailure';
  }
}

export function rejected(reason: ReceiptRejectionReason): AppError {
  return new AppError('PACKAGE_REJECTED', 'packageRejected', { reason: REJECTION_MESSAGES[reason].en }, { reason });
}

/** Maps anything thrown while reading untrusted input to a typed refusal. */
export function toRejection(e: unknown): unknown {
  if (e instanceof Refusal) return rejected(e.reason);
  if (e instanceof CallerFailure) return e.original;
  return rejected('malformed');
}

export function callerDoes<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new CallerFailure(e);
  }
}

const AES_KW_256_BYTES = 40;
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;
const ED25519_SIG_BYTES = 64;
const MAX_HEADER_CHARS = 2048;

function decodeHeader(segment: string): Record<string, unknown> {
  if (segment.length === 0 || segment.length > MAX_HEADER_CHARS || !isCanonicalBase64url(segment)) throw new Refusal('malformed');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(segment, 'base64url'));
  const header: unknown = JSON.parse(text);
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new Refusal('malformed');
  return header as Record<string, unknown>;
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(obj).every((k) => allowed.includes(k));
}

export interface JweExpectation {
  typ: string;
  cty?: string;
}

export interface CheckedJwe {
  compact: string;
  /** The recipient card fingerprint the sender put in `kid`. */
  kid: string;
}

/**
 * Checks a compact JWE's form and protected header. Order: `crit` (criticalHeader), algorithms
 * (algorithmNotAllowed), then every other parameter (malformed). The `kid` is returned for the
 * caller's recipient check.
 */
export function checkJwe(compact: string, expect: JweExpectation): CheckedJwe {
  // A limit: a 15 MB line of dots must not become an array of 15 million strings.
  const parts = compact.split('.', 6);
  if (parts.length !== 5) throw new Refusal('malformed');
  const [h, ek, iv, ct, tag] = parts as [string, string, string, string, string];
  const header = decodeHeader(h);
  if ('crit' in header) throw new Refusal('criticalHeader');
  if (header.alg !== JWE_ALG || header.enc !== JWE_ENC) throw new Refusal('algorithmNotAllowed');
  const allowed = expect.cty === undefined ? ['alg', 'enc', 'typ', 'kid', 'epk'] : ['alg', 'enc', 'typ', 'cty', 'kid', 'epk'];
  if (!onlyKeys(header, allowed) || header.typ !== expect.typ || header.cty !== expect.cty) throw new Refusal('malformed');
  if (typeof header.kid !== 'string' || !HEX64.test(header.kid)) throw new Refusal('malformed');
  const epk = header.epk as Record<string, unknown> | null | undefined;
  if (
    !epk ||
    typeof epk !== 'object' ||
    Array.isArray(epk) ||
    !onlyKeys(epk, ['kty', 'crv', 'x']) ||
    epk.kty !== 'OKP' ||
    epk.crv !== 'X25519' ||
    typeof epk.x !== 'string' ||
    !isCanonicalBase64url(epk.x, 32)
  ) {
    throw new Refusal('malformed');
  }
  if (!isCanonicalBase64url(ek, AES_KW_256_BYTES) || !isCanonicalBase64url(iv, GCM_IV_BYTES) || !isCanonicalBase64url(tag, GCM_TAG_BYTES)) {
    throw new Refusal('malformed');
  }
  if (!isCanonicalBase64url(ct)) throw new Refusal('malformed');
  return { compact, kid: header.kid };
}

export async function decryptJwe(checked: CheckedJwe, key: KeyObject): Promise<Uint8Array> {
  try {
    const { plaintext } = await compactDecrypt(checked.compact, key, {
      keyManagementAlgorithms: [JWE_ALG],
      contentEncryptionAlgorithms: [JWE_ENC],
      maxDecompressedLength: 0,
    });
    return plaintext;
  } catch {
    throw new Refusal('malformed');
  }
}

export async function encryptJwe(plaintext: Uint8Array, recipientKey: KeyObject, header: { typ: string; cty?: string; kid: string }): Promise<string> {
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: JWE_ALG, enc: JWE_ENC, ...header })
    .encrypt(recipientKey);
}

export interface CheckedJws {
  compact: string;
  kid: string;
  /** The payload bytes, decoded but NOT yet verified. */
  payload: Uint8Array;
}

/** Checks a compact JWS's form and protected header; decodes the (unverified) payload. */
export function checkJws(compact: string, typ: string, maxPayloadBytes: number): CheckedJws {
  const parts = compact.split('.', 4);
  if (parts.length !== 3) throw new Refusal('malformed');
  const [h, p, s] = parts as [string, string, string];
  const header = decodeHeader(h);
  if ('crit' in header) throw new Refusal('criticalHeader');
  if (header.alg !== JWS_ALG) throw new Refusal('algorithmNotAllowed');
  if (!onlyKeys(header, ['alg', 'typ', 'kid']) || header.typ !== typ) throw new Refusal('malformed');
  if (typeof header.kid !== 'string' || !HEX64.test(header.kid)) throw new Refusal('malformed');
  if (p.length === 0 || p.length > base64urlLength(maxPayloadBytes) || !isCanonicalBase64url(p)) throw new Refusal('malformed');
  if (!isCanonicalBase64url(s, ED25519_SIG_BYTES)) throw new Refusal('malformed');
  return { compact, kid: header.kid, payload: Buffer.from(p, 'base64url') };
}

/** Verifies with the pinned key and EdDSA only; a failure is 'badSignature'. */
export async function verifyJws(checked: CheckedJws, key: KeyObject): Promise<void> {
  try {
    await compactVerify(checked.compact, key, { algorithms: [JWS_ALG] });
  } catch {
    throw new Refusal('badSignature');
  }
}

export async function signJws(payload: Uint8Array, signingKey: KeyObject, header: { typ: string; kid: string }): Promise<string> {
  return new CompactSign(payload).setProtectedHeader({ alg: JWS_ALG, ...header }).sign(signingKey);
}

/** Parses signed JSON: strict UTF-8, then JSON. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Refusal('malformed');
  }
}

/** ASCII bytes of a line as a string; bytes >= 0x80 become characters no base64url check accepts. */
export function asciiOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function jweLength(plaintextBytes: number, headerChars = MAX_HEADER_CHARS): number {
  return headerChars + 1 + base64urlLength(AES_KW_256_BYTES) + 1 + base64urlLength(GCM_IV_BYTES) + 1 + base64urlLength(plaintextBytes) + 1 + base64urlLength(GCM_TAG_BYTES);
}

export function jwsLength(payloadBytes: number, headerChars = MAX_HEADER_CHARS): number {
  return headerChars + 1 + base64urlLength(payloadBytes) + 1 + base64urlLength(ED25519_SIG_BYTES);
}
