/**
 * The cryptography of key slots, with standard primitives only:
 * - a slot's X25519 private key is wrapped with AES-256-GCM under the argon2id-derived key,
 *   the slot's identity as associated data;
 * - the vault's data key is sealed to each slot's X25519 public key as a compact JWE
 *   (ECDH-ES+A256KW, A256GCM) made by `jose`; the protected header (vault, slot, generation)
 *   is authenticated as the JWE's associated data.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { z } from 'zod';

export const wrappedKeySchema = z.strictObject({
  iv: z.string(),
  ct: z.string(),
  tag: z.string(),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

export interface SlotKeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

export function generateSlotKeyPair(): SlotKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x) throw new Error('x25519 export failed');
  void publicKey;
  return { publicKey: Buffer.from(jwk.x, 'base64url'), privateKey: Buffer.from(jwk.d, 'base64url') };
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapPrivateKey(kek: Buffer, privateKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  return { iv: iv.toString('base64url'), ct: ct.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
}

/** Returns the private key, or null when the key-encryption key or the associated data is wrong. */
export function unwrapPrivateKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64url')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SealContext {
  vaultId: string;
  slotId: string;
  generation: number;
}

function publicKeyObject(raw: Buffer) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function privateKeyObject(privateRaw: Buffer, publicRaw: Buffer) {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: privateRaw.toString('base64url'), x: publicRaw.toString('base64url') },
    format: 'jwk',
  });
}

export async function sealDataKey(dataKey: Buffer, slotPublicKey: Buffer, ctx: SealContext): Promise<string> {
  return new CompactEncrypt(dataKey)
    .setProtectedHeader({
      alg: 'ECDH-ES+A256KW',
      enc: 'A256GCM',
      kid: ctx.slotId,
      'psl.vault': ctx.vaultId,
      'psl.gen': ctx.generation,
    })
    .encrypt(publicKeyObject(slotPublicKey));
}

/** Opens a sealed data key; null when it was not sealed to this slot, vault and generation. */
export async function unsealDataKey(
  jwe: string,
  slotPrivateKey: Buffer,
  slotPublicKey: Buffer,
  ctx: SealContext,
): Promise<Buffer | null> {
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, privateKeyObject(slotPrivateKey, slotPublicKey), {
      keyManagementAlgorithms: ['ECDH-ES+A256KW'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const header = protectedHeader as Record<string, unknown>;
    if (header.kid !== ctx.slotId || header['psl.vault'] !== ctx.vaultId || header['psl.gen'] !== ctx.generation) {
      return null;
    }
    if (plaintext.length !== 32) return null;
    return Buffer.from(plaintext);
  } catch {
    return null;
  }
}

/** Overwrites key material in place; call when a key is no longer needed. */
export function wipe(...buffers: (Buffer | Uint8Array | null | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}
