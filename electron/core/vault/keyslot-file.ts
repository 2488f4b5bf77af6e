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
  // 'server': the office server's unattended start (docs/team-server.md "Unattended start").
  kind: z.enum(['user', 'recovery', 'server']),
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
  kdfCost: kdfParamsSchema.pick({ memoryKiB: true, iterations: true, parallelism: true }),
  /** The generation of the data key the database is encrypted with. */
  generation: z.number().int().positive(),
  /** Set while a re-key is in progress: the generation being moved to. */
  pendingGeneration: z.number().int().positive().nullable(),
  /** The audit chain head at the last write: sequence number and hash. */
  audit: z.strictObject({ seq: z.number().int().nonnegative(), head: z.string() }),
  slots: z.array(keySlotSchema),
});
export type KeySlotBody = z.infer<typeof bodySchema>;

const fileSchema = bodySchema.extend({
  checksum: z.string(),
  mac: z.string(),
  /**
   * Only while a re-key is pending: the MAC under the current (older) data key too, so a pending
   * key can only have been written by someone who already holds the current one.
   */
  previousMac: z.string().nullable().default(null),
});
export type KeySlotFile = z.infer<typeof fileSchema>;

function canonical(body: KeySlotBody): string {
  const text = canonicalize(body);
  if (text === undefined) throw new Error('canonicalize failed');
  return text;
}

function stripIntegrity(file: KeySlotFile): KeySlotBody {
  const { checksum: _c, mac: _m, previousMac: _p, ...body } = file;
  return body;
}

/** Covers the body and the MACs, so damage anywhere in the file is reported as damage. */
function checksumOf(body: KeySlotBody, mac: string, previousMac: string | null): string {
  const hash = createHash('sha256').update(canonical(body)).update('\n').update(mac);
  if (previousMac !== null) hash.update('\n').update(previousMac);
  return hash.digest('hex');
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
  if (!hexEqual(parsed.data.checksum, checksumOf(stripIntegrity(parsed.data), parsed.data.mac, parsed.data.previousMac))) {
    throw new AppError('INTERNAL', 'keySlotsDamaged', undefined, { reason: 'checksum' });
  }
  return parsed.data;
}

export function readKeySlotFile(dir: string): KeySlotFile {
  if (!vaultExists(dir)) throw new AppError('NOT_FOUND', 'vaultMissing');
  return parseKeySlotFile(readFileSync(keySlotPath(dir), 'utf8'));
}

/** True when the file was written by someone holding `dataKey` (the newest key: pending if any). */
export function verifyKeySlotMac(file: KeySlotFile, dataKey: Buffer): boolean {
  return hexEqual(file.mac, macOf(stripIntegrity(file), dataKey));
}

/** For a pending re-key: true when the writer also held the current data key. */
export function verifyPreviousMac(file: KeySlotFile, currentKey: Buffer): boolean {
  return file.previousMac !== null && hexEqual(file.previousMac, macOf(stripIntegrity(file), currentKey));
}

function isAllZero(key: Buffer): boolean {
  return key.every((b) => b === 0);
}

/**
 * `dataKey` is the newest key (the pending one during a re-key); `previousKey`, required while a
 * re-key is pending, is the key the database is still encrypted with.
 */
export function serialiseKeySlotFile(body: KeySlotBody, dataKey: Buffer, previousKey?: Buffer): string {
  const clean = bodySchema.parse(body);
  // A wiped buffer would sign the file with zeros and make the vault unopenable: refuse loudly.
  if (isAllZero(dataKey) || (previousKey && isAllZero(previousKey))) throw new Error('refusing to write key slots with a wiped key');
  if ((clean.pendingGeneration !== null) !== (previousKey !== undefined)) throw new Error('a pending re-key needs the previous key');
  const mac = macOf(clean, dataKey);
  const previousMac = previousKey ? macOf(clean, previousKey) : null;
  const file: KeySlotFile = { ...clean, checksum: checksumOf(clean, mac, previousMac), mac, previousMac };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function writeKeySlotFile(dir: string, body: KeySlotBody, dataKey: Buffer, previousKey?: Buffer): KeySlotFile {
  const text = serialiseKeySlotFile(body, dataKey, previousKey);
  writeFileAtomic(keySlotPath(dir), text);
  return fileSchema.parse(JSON.parse(text));
}

export function slotAad(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId'>): string {
  return `passerelle/keyslot/v1|${vaultId}|${slot.id}|${slot.kind}|${slot.userId ?? ''}`;
}

export function bodyOf(file: KeySlotFile): KeySlotBody {
  return stripIntegrity(file);
}
