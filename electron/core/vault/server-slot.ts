/**
 * The office server's own key slot (docs/team-server.md "Unattended start"): which slot the
 * database records, its secret, and the key file that holds the secret on the server's disk.
 *
 * The key file is refused unless it is a regular file owned by the account that runs the server
 * and readable by nobody else (no group or other bits), so a file another account could read or
 * replace never opens the vault.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

export const SETTING_SERVER_SLOT = 'serverSlotId';

const FORMAT = 'passerelle-server-key';
const SECRET_BYTES = 32;

export const serverKeyFileSchema = z.strictObject({
  format: z.literal(FORMAT),
  vaultId: z.uuid(),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type ServerKeyFile = z.infer<typeof serverKeyFileSchema>;

export function newServerSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function serverKeyFileText(vaultId: string, secret: string): string {
  return `${JSON.stringify({ format: FORMAT, vaultId, secret } satisfies ServerKeyFile)}\n`;
}

/** Reads the server key file, refusing it when its owner or mode would let anyone else read or replace it. */
export function readServerKeyFile(path: string, uid: number = process.getuid?.() ?? -1): ServerKeyFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    throw new AppError('VALIDATION', 'serverKeyFileInvalid');
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.uid !== uid || (st.mode & 0o077) !== 0) throw new AppError('FORBIDDEN', 'serverKeyFileUnsafe');
    if (st.size > 4096) throw new AppError('VALIDATION', 'serverKeyFileInvalid');
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(buf.subarray(0, off).toString('utf8'));
    } catch {
      throw new AppError('VALIDATION', 'serverKeyFileInvalid');
    } finally {
      buf.fill(0);
    }
    const file = serverKeyFileSchema.safeParse(parsed);
    if (!file.success) throw new AppError('VALIDATION', 'serverKeyFileInvalid');
    return file.data;
  } finally {
    closeSync(fd);
  }
}
