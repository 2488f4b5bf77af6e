/**
 * What an attacker who once knew a password could have kept: the data key, recovered from a
 * copy of the key-slot file with that password. Used to prove a disabled user's old key is useless.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveSlotKey } from '../../electron/core/crypto/kdf';
import { unsealDataKey, unwrapPrivateKey } from '../../electron/core/crypto/slot-crypto';
import { parseKeySlotFile, slotAad } from '../../electron/core/vault/keyslot-file';

export async function dataKeyFromSlots(keySlotText: string, username: string, password: string): Promise<Buffer> {
  const file = parseKeySlotFile(keySlotText);
  const slot = file.slots.find((s) => s.username === username);
  if (!slot) throw new Error('no slot');
  const kek = await deriveSlotKey(password, slot.kdf);
  const priv = unwrapPrivateKey(kek, slot.wrappedPrivateKey, slotAad(file.vaultId, slot));
  if (!priv) throw new Error('wrong password');
  const key = await unsealDataKey(slot.sealed[String(file.generation)] ?? '', priv, Buffer.from(slot.publicKey, 'base64url'), {
    vaultId: file.vaultId,
    slotId: slot.id,
    generation: file.generation,
  });
  if (!key) throw new Error('cannot unseal');
  return key;
}

export function readSlots(dir: string): string {
  return readFileSync(join(dir, 'keyslots.json'), 'utf8');
}
