/**
 * Key-card fingerprints as digits that can be read out over the phone.
 *
 * The fingerprint of a key card is SHA-256 over the card's canonical body (docs/key-card.md). For
 * people it is shown as 60 decimal digits in 12 groups of 5 (about 199 bits), derived without modulo
 * bias:
 *
 *   X = the 32-byte hash read as an unsigned big-endian integer (0 <= X < 2^256)
 *   M = 10^60,  L = M * floor(2^256 / M)
 *   if X < L:  digits = X mod M, written with 60 digits (leading zeros kept)
 *   else:      hash = SHA-256("passerelle/fingerprint/retry\n" || hash) and start again
 *
 * Every value of X below L maps to each 60-digit string the same number of times (floor(2^256 / M)),
 * so all strings are equally likely. A retry happens with probability (2^256 - L) / 2^256 < 10^60 /
 * 2^256 < 10^-17. The hashing lives in electron/core (node:crypto); this module is the pure part.
 */

export const FINGERPRINT_GROUPS = 12;
export const FINGERPRINT_GROUP_DIGITS = 5;
export const FINGERPRINT_DIGITS = FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS;
/** Prefix of the retry hash, UTF-8. */
export const FINGERPRINT_RETRY_PREFIX = 'passerelle/fingerprint/retry\n';

const MODULUS = 10n ** BigInt(FINGERPRINT_DIGITS);
const TWO_256 = 1n << 256n;
/** L above: the largest multiple of 10^60 not above 2^256. */
export const FINGERPRINT_ACCEPT_LIMIT = (TWO_256 / MODULUS) * MODULUS;

export function hashToBigInt(hash: Uint8Array): bigint {
  if (hash.length !== 32) throw new RangeError('a fingerprint hash has 32 bytes');
  let x = 0n;
  for (const b of hash) x = (x << 8n) | BigInt(b);
  return x;
}

/** The 60 digits of a 32-byte hash, or null when the hash falls in the rejected range (rehash and retry). */
export function digitsFromHash(hash: Uint8Array): string | null {
  const x = hashToBigInt(hash);
  if (x >= FINGERPRINT_ACCEPT_LIMIT) return null;
  return (x % MODULUS).toString().padStart(FINGERPRINT_DIGITS, '0');
}

/** "12345 67890 …", 12 groups of 5; `perLine` groups per line when given (e.g. 4 for three lines). */
export function formatFingerprint(digits: string, perLine?: number): string {
  if (!/^\d{60}$/.test(digits)) throw new RangeError('a fingerprint has 60 digits');
  const groups = digits.match(/\d{5}/g) ?? [];
  if (!perLine) return groups.join(' ');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines.join('\n');
}

/**
 * What a person typed or pasted (spaces, dashes, dots, new lines allowed between digits), as 60 digits;
 * null when it is not 60 digits.
 */
export function parseFingerprintInput(text: string): string | null {
  const digits = text.replace(/[\s.\-_]/g, '');
  return /^\d{60}$/.test(digits) ? digits : null;
}

/** Compares a typed fingerprint with the expected digits; false for anything malformed. */
export function fingerprintMatches(typed: string, expectedDigits: string): boolean {
  const a = parseFingerprintInput(typed);
  return a !== null && a === expectedDigits;
}
