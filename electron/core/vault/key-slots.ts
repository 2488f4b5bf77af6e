/**
 * Key slots: making one, opening one with its secret, and deciding which slots of a key-slot file
 * may stay (docs/vault-format.md "Key slots" and "Which slots are kept").
 *
 * The key-slot file lives unencrypted beside the database. Whoever once held the data key (any
 * staff member can extract it with their own password) can write a slot with a valid MAC, so a
 * slot proves nothing by itself: the database, not the file, says who may unlock.
 */
import { randomUUID } from 'node:crypto';
import type { UserRow } from '../../../db/users.repo';
import { AppError } from '../../../shared/errors';
import { deriveSlotKey, kdfCostAccepted, newKdfParams, type KdfCost } from '../crypto/kdf';
import {
  generateSlotKeyPair,
  sealDataKey,
  unsealDataKey,
  unwrapPrivateKey,
  wipe,
  wrapPrivateKey,
} from '../crypto/slot-crypto';
import { slotAad, type KeySlot, type KeySlotFile } from './keyslot-file';

export interface SlotContext {
  vaultId: string;
  kdfCost: KdfCost;
  dataKey: Buffer;
  generation: number;
}

/** A new slot with a fresh key pair, its private key wrapped under `secret`, the data key sealed to it. */
export async function makeSlot(meta: Pick<KeySlot, 'kind' | 'userId' | 'username'>, secret: string, ctx: SlotContext): Promise<KeySlot> {
  const id = randomUUID();
  const kdf = newKdfParams(ctx.kdfCost);
  const kek = await deriveSlotKey(secret, kdf);
  const pair = generateSlotKeyPair();
  try {
    return {
      id,
      ...meta,
      kdf,
      publicKey: pair.publicKey.toString('base64url'),
      wrappedPrivateKey: wrapPrivateKey(kek, pair.privateKey, slotAad(ctx.vaultId, { id, ...meta })),
      sealed: {
        [String(ctx.generation)]: await sealDataKey(ctx.dataKey, pair.publicKey, {
          vaultId: ctx.vaultId,
          slotId: id,
          generation: ctx.generation,
        }),
      },
    };
  } finally {
    wipe(kek, pair.privateKey);
  }
}

/**
 * The KDF cost is part of the vault, not of a slot: every slot uses the cost recorded for the
 * vault, and that cost stays within what set-up can choose. A slot edited to another cost (to make
 * a right password fail, or every unlock slow) is an altered key file, not a wrong password.
 */
export function assertSlotCost(file: Pick<KeySlotFile, 'kdfCost'>, slot: KeySlot): void {
  const c = file.kdfCost;
  if (!kdfCostAccepted(c)) throw new AppError('INTERNAL', 'keySlotsTampered', undefined, { reason: 'kdf-cost' });
  if (slot.kdf.memoryKiB !== c.memoryKiB || slot.kdf.iterations !== c.iterations || slot.kdf.parallelism !== c.parallelism) {
    throw new AppError('INTERNAL', 'keySlotsTampered', undefined, { reason: 'kdf-cost' });
  }
}

/** Unwraps a slot's private key with its secret; null for a wrong secret. */
export async function unwrapSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveSlotKey(secret, slot.kdf);
  try {
    return unwrapPrivateKey(kek, slot.wrappedPrivateKey, slotAad(vaultId, slot));
  } finally {
    wipe(kek);
  }
}

/**
 * Opens a slot with its secret: the data keys sealed to it, by generation, or null.
 * For an unknown slot the KDF still runs, so timing does not tell unknown users from wrong passwords.
 */
export async function openSlot(file: KeySlotFile, slot: KeySlot | undefined, secret: string): Promise<Map<number, Buffer> | null> {
  if (!slot) {
    if (kdfCostAccepted(file.kdfCost)) wipe(await deriveSlotKey(secret, newKdfParams(file.kdfCost)));
    return null;
  }
  assertSlotCost(file, slot);
  const privateKey = await unwrapSlot(file.vaultId, slot, secret);
  if (!privateKey) return null;
  const keys = new Map<number, Buffer>();
  const publicKey = Buffer.from(slot.publicKey, 'base64url');
  try {
    for (const [gen, jwe] of Object.entries(slot.sealed)) {
      const generation = Number(gen);
      const key = await unsealDataKey(jwe, privateKey, publicKey, { vaultId: file.vaultId, slotId: slot.id, generation });
      if (key) keys.set(generation, key);
    }
  } finally {
    wipe(privateKey);
  }
  return keys;
}

/** At most this many slots of one user name (or recovery slots) are tried at unlock (normally one). */
const MAX_SLOTS_PER_NAME = 3;

/**
 * Tries `candidates` (the slots of one user name, or the recovery slots) with `secret`: the first
 * that opens, with its keys, or null. Costs are checked for all before any KDF runs; with no
 * candidate the KDF still runs once, so timing does not tell unknown users from wrong passwords.
 */
export async function openFirst(file: KeySlotFile, candidates: readonly KeySlot[], secret: string): Promise<{ slot: KeySlot; keys: Map<number, Buffer> } | null> {
  if (candidates.length > MAX_SLOTS_PER_NAME) throw new AppError('INTERNAL', 'keySlotsTampered', undefined, { reason: 'slots-per-name' });
  for (const s of candidates) assertSlotCost(file, s);
  if (candidates.length === 0) {
    await openSlot(file, undefined, secret);
    return null;
  }
  for (const slot of candidates) {
    const keys = await openSlot(file, slot, secret);
    if (keys) return { slot, keys };
  }
  return null;
}

export type DropReason = 'duplicate-id' | 'no-active-user' | 'user-mismatch' | 'extra-recovery' | 'extra-server';

export interface SlotSetDecision {
  keep: KeySlot[];
  dropped: { slotId: string; reason: DropReason }[];
}

/**
 * The slots the database allows: exactly one per active user whose slot id, user id and user
 * name all match that user's row, and exactly the recovery slot the database records. A slot id
 * that occurs twice is kept only in the copy whose key pair is the one just opened with its
 * secret (`openedSlot`); otherwise no copy of it is kept, since either could be the planted one.
 * `recoverySlotId` null: a vault made before the database recorded it; the first recovery slot
 * in the file is the one set-up or the last finished rotation wrote.
 */
export function decideSlotSet(
  slots: readonly KeySlot[],
  users: readonly UserRow[],
  recoverySlotId: string | null,
  openedSlot: { id: string; publicKey: string } | null,
  /** The office server's slot the database records; null: none (every server slot is dropped). */
  serverSlotId: string | null = null,
): SlotSetDecision {
  const keep: KeySlot[] = [];
  const dropped: SlotSetDecision['dropped'] = [];
  const count = new Map<string, number>();
  for (const s of slots) count.set(s.id, (count.get(s.id) ?? 0) + 1);
  const activeBySlot = new Map(users.filter((u) => u.status === 'active').map((u) => [u.slotId, u]));
  const firstRecovery = slots.find((s) => s.kind === 'recovery')?.id ?? null;
  const wantedRecovery = recoverySlotId ?? firstRecovery;
  const taken = new Set<string>();
  for (const s of slots) {
    const dup = (count.get(s.id) ?? 0) > 1;
    const provenByUnlock = openedSlot !== null && s.id === openedSlot.id && s.publicKey === openedSlot.publicKey;
    if (taken.has(s.id) || (dup && !provenByUnlock)) {
      dropped.push({ slotId: s.id, reason: 'duplicate-id' });
      continue;
    }
    if (s.kind === 'recovery') {
      if (s.id !== wantedRecovery || s.userId !== null || s.username !== null) {
        dropped.push({ slotId: s.id, reason: 'extra-recovery' });
      } else {
        keep.push(s);
        taken.add(s.id);
      }
      continue;
    }
    if (s.kind === 'server') {
      if (s.id !== serverSlotId || s.userId !== null || s.username !== null) dropped.push({ slotId: s.id, reason: 'extra-server' });
      else {
        keep.push(s);
        taken.add(s.id);
      }
      continue;
    }
    const user = activeBySlot.get(s.id);
    if (!user) dropped.push({ slotId: s.id, reason: 'no-active-user' });
    else if (user.id !== s.userId || user.username !== s.username) dropped.push({ slotId: s.id, reason: 'user-mismatch' });
    else {
      keep.push(s);
      taken.add(s.id);
    }
  }
  return { keep, dropped };
}
