/**
 * What VaultService holds while the vault is open, shared with the pieces that change it
 * (audit-anchor.ts, slot-admin.ts), and the types callers see (re-exported by vault.service.ts).
 */
import { z } from 'zod';
import type { Db, VaultConnection } from '../../../db/connection';
import type { UserRow } from '../../../db/users.repo';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { AuditInput } from '../audit/audit-chain';
import type { KeySlotBody } from './keyslot-file';

export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock';
export interface VaultChange {
  state: 'locked' | 'unlocked';
  reason: LockReason | 'unlock';
  /** On lock: the key-slot file could not take the final audit anchor (lock() also returns this). */
  anchorFailed?: true;
}

/** What a service gets inside a write transaction. */
export interface WriteContext {
  db: Db;
  now: string;
  audit(input: AuditInput): void;
}

/** The anchor could not be written since `since`, `attempts` times in a row. */
export const anchorFailureSchema = z.object({ since: z.iso.datetime(), attempts: z.number().int().positive() });
export type AnchorFailure = z.infer<typeof anchorFailureSchema>;

export type Session = SessionUser & { slotId: string };

export interface OpenVault {
  conn: VaultConnection;
  dataKey: Buffer;
  body: KeySlotBody;
  /** The MAC of the key-slot file on disk: what each audited transaction records it saw. */
  fileMac: string;
  /** Audit entries committed since the key-slot file's anchor was last written. */
  unanchored: number;
  anchorTimer: ReturnType<typeof setTimeout> | null;
  /**
   * Set while the key-slot file cannot be written: audited writes are refused until it can (the
   * 250 ms / on-lock guarantee would silently stop holding otherwise).
   */
  anchorFailure: AnchorFailure | null;
  /** A failure that ended: recorded in the trail and as a security notice by the next outer write. */
  anchorRecovered: AnchorFailure | null;
  /** Null while the vault is open for a recovery-key password reset only. */
  session: Session | null;
  /** The slot whose secret opened this session (the one copy of a duplicated slot id known genuine). */
  opened: { id: string; publicKey: string };
  releaseDirLock: () => void;
}

export function toSession(row: UserRow): Session {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, slotId: row.slotId };
}
