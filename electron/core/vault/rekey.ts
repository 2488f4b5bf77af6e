/**
 * Replacing the data key (docs/vault-format.md "Re-keying"). Crash-safe in three steps:
 * (a) the key-slot file gets the new key sealed to each kept slot as a pending generation
 *     (the removed slots are gone from this point on);
 * (b) a copy of the database is re-keyed (rollback journal, since re-keying in WAL mode is not
 *     supported) and renamed over the database;
 * (c) the key-slot file drops the old generation.
 * An unlock after a crash in (b) or (c) finishes the job or rolls it back (open-database.ts).
 * SlotAdmin.rekey (slot-admin.ts) runs the steps; these are the pieces without state.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyEncrypted, rekeyFile, type VaultConnection } from '../../../db/connection';
import { sealDataKey } from '../crypto/slot-crypto';
import { fsyncDir } from './atomic-file';
import { DATABASE_FILE, type KeySlot, type KeySlotBody } from './keyslot-file';
import { REKEY_TMP, createPrivateFile } from './vault-files';

/** Step (a)'s body: the kept slots, each with the new key sealed to it under the pending generation. */
export async function pendingBody(body: KeySlotBody, keep: readonly KeySlot[], newKey: Buffer): Promise<KeySlotBody> {
  const newGen = body.generation + 1;
  const slots: KeySlot[] = [];
  for (const slot of keep) {
    const sealed = await sealDataKey(newKey, Buffer.from(slot.publicKey, 'base64url'), {
      vaultId: body.vaultId,
      slotId: slot.id,
      generation: newGen,
    });
    slots.push({ ...slot, sealed: { ...slot.sealed, [String(newGen)]: sealed } });
  }
  return { ...body, slots, pendingGeneration: newGen };
}

/** Step (b): copy, re-key the copy, close the live connection, rename the copy into place. */
export function swapInRekeyedCopy(dir: string, conn: VaultConnection, oldKey: Buffer, newKey: Buffer): void {
  const tmp = join(dir, REKEY_TMP);
  rmSync(tmp, { force: true });
  createPrivateFile(tmp);
  try {
    copyEncrypted(conn.sqlite, tmp);
  } finally {
    conn.sqlite.close();
  }
  rekeyFile(tmp, oldKey, newKey);
  for (const f of [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
  renameSync(tmp, join(dir, DATABASE_FILE));
  fsyncDir(dir);
}

/** Step (c)'s body: only the new generation remains. */
export function finishRekeyBody(body: KeySlotBody, newGen: number): KeySlotBody {
  return {
    ...body,
    generation: newGen,
    pendingGeneration: null,
    slots: body.slots.map((s) => ({ ...s, sealed: { [String(newGen)]: s.sealed[String(newGen)] ?? '' } })),
  };
}

/** Forgets a pending generation whose swap never happened (the database is under the current key). */
export function dropPendingBody(body: KeySlotBody): KeySlotBody {
  const current = String(body.generation);
  return {
    ...body,
    pendingGeneration: null,
    slots: body.slots.map((s) => ({ ...s, sealed: { [current]: s.sealed[current] ?? '' } })),
  };
}
