/**
 * The recovery key: 160 random bits, written as 32 base32 letters in 8 groups of 4
 * (e.g. `ABCD-EFGH-…`) so it can be printed and typed back.
 */
import { randomBytes } from 'node:crypto';
import { base32 } from 'rfc4648';

export const RECOVERY_KEY_BYTES = 20;

export function newRecoveryKey(): string {
  return base32.stringify(randomBytes(RECOVERY_KEY_BYTES), { pad: false });
}

/** The normalised form (upper case, no separators) is what the slot's KDF receives. */
export function normaliseRecoveryKey(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function groupRecoveryKey(key: string): string {
  return normaliseRecoveryKey(key).match(/.{1,4}/g)?.join('-') ?? '';
}
