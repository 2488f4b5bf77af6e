/**
 * The key-slot file (`keyslots.json`) of a vault. Format documented in docs/vault-format.md.
 *
 * Two integrity layers:
 * - `checksum`: SHA-256 of the canonical body (RFC 8785) and the MAC, checked before anything else, so an
 *   accidentally damaged file gets a clear message instead of "wrong password";
 * - `mac`: HMAC-SHA256 of the canonical body under a key derived (HKDF) from the data key, checked
 *   right after unlock, so a file altered by someone without the data key is detected.
 * The file also carries the audit chain head, so a database rolled back to an older copy is detected.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { kdfParamsSchema } from '../crypto/kdf';
import { wrappedKeySchema } from '../crypto/slot-crypto';
import { writeFileAtomic } from './atomic-file';

export const KEYSLOT_FILE = 'keyslots.json';
export const DATABASE_FILE = 'vault.db';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

export const keySlotSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  kdf: kdfParamsSchema,
  publicKey: b64url,
  wrappedPrivateKey: wrappedKeySchema,
  /** The data key sealed to this slot, by data-key generation. */
  sealed: z.record(z.string().regex(/^\d+$/), z.string()),
});
export type KeySlot = z.infer<typeof keySlotSchema>;

const bodySchema = z.strictObject({
  format: z.literal('passerelle-keyslots'),
  version: z.literal(1),
  vaultId: z.uuid(),
  kdfCost: z.strictObject({
    memoryKiB: z.number().int(),
    iterations: z.number().int(),
    parallelism: z.number().int(),
  }),
  /** The generation of the data key the database is encrypted with. */
  generation: z.number().int().positive(),
  /** Set while a re-key is in progress: the generation being moved to. */
  pendingGeneration: z.number().int().positive().nullable(),
  /** The audit chain head at the last write: sequence number and hash. */
  audit: z.strictObject({ seq: z.number().int().nonnegative(), head: z.string() }),
  slots: z.array(keySlotSchema),
});
export type KeySlotBody = z.infer<typeof bodySchema>;

const fileSchema = bodySchema.extend({ checksum: z.string(), mac: z.string() });
export type KeySlotFile = z.infer<typeof fileSchema>;

function canonical(body: KeySlotBody): string {
  const text = canonicalize(body);
  if (text === undefined) throw new Error('canonicalize failed');
  return text;
}

function stripIntegrity(file: KeySlotFile): KeySlotBody {
  const { checksum: _c, mac: _m, ...body } = file;
  return body;
}

/** Covers the body and the MAC, so damage anywhere in the file is reported as damage. */
function checksumOf(body: KeySlotBody, mac: string): string {
  return createHash('sha256').update(canonical(body)).update('\n').update(mac).digest('hex');
}

function macKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(vaultId), 'passerelle/v1/keyslots-mac', 32));
}

function macOf(body: KeySlotBody, dataKey: Buffer): string {
  return createHmac('sha256', macKey(dataKey, body.vaultId)).update(canonical(body)).digest('hex');
}

function hexEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ba.length === bb.length && ba.length > 0 && timingSafeEqual(ba, bb);
}

export function keySlotPath(dir: string): string {
  return join(dir, KEYSLOT_FILE);
}

export function vaultExists(dir: string): boolean {
  return existsSync(keySlotPath(dir));
}

/** Parses a key-slot file's text; throws keySlotsDamaged for anything malformed or not matching its checksum. */
export function parseKeySlotFile(text: string): KeySlotFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INTERNAL', 'keySlotsDamaged', undefined, { reason: 'json' });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INTERNAL', 'keySlotsDamaged', undefined, { reason: 'schema' });
  if (!hexEqual(parsed.data.checksum, checksumOf(stripIntegrity(parsed.data), parsed.data.mac))) {
    throw new AppError('INTERNAL', 'keySlotsDamaged', undefined, { reason: 'checksum' });
  }
  return parsed.data;
}

export function readKeySlotFile(dir: string): KeySlotFile {
  if (!vaultExists(dir)) throw new AppError('NOT_FOUND', 'vaultMissing');
  return parseKeySlotFile(readFileSync(keySlotPath(dir), 'utf8'));
}

/** True when the file was written by someone holding `dataKey`. */
export function verifyKeySlotMac(file: KeySlotFile, dataKey: Buffer): boolean {
  return hexEqual(file.mac, macOf(stripIntegrity(file), dataKey));
}

export function serialiseKeySlotFile(body: KeySlotBody, dataKey: Buffer): string {
  const clean = bodySchema.parse(body);
  const mac = macOf(clean, dataKey);
  const file: KeySlotFile = { ...clean, checksum: checksumOf(clean, mac), mac };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function writeKeySlotFile(dir: string, body: KeySlotBody, dataKey: Buffer): KeySlotFile {
  const text = serialiseKeySlotFile(body, dataKey);
  writeFileAtomic(keySlotPath(dir), text);
  return fileSchema.parse(JSON.parse(text));
}

export function slotAad(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId'>): string {
  return `passerelle/keyslot/v1|${vaultId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`;
}

export function bodyOf(file: KeySlotFile): KeySlotBody {
  return stripIntegrity(file);
}
