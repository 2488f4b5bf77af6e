/**
 * Refused calls in the audit trail: a FORBIDDEN (the role does not allow the channel, or the
 * service refused the user) or a NOT_FOUND (a record that does not exist or that the user may not
 * reach: the two are answered alike on purpose, so both are recorded). The entry names the user
 * and the channel and the code; never the input, which may hold personal data or a guessed id.
 *
 * While the vault is locked nothing can be written: the database is closed and its key wiped.
 * A refusal then (only public channels answer while locked) goes to the process log as the
 * channel and the code, without a user; it is not in the trail.
 */
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Logger } from '../ports';
import type { RefusedCall } from '../router';
import type { AuditInput } from './audit-chain';

/** What the recorder needs of the vault (VaultService satisfies it). */
export interface RefusalVault {
  session(): SessionUser | null;
  write<T>(fn: (ctx: { audit(input: AuditInput): void }) => T): T;
}

export function refusedCallRecorder(vault: RefusalVault, logger: Logger): (refused: RefusedCall) => void {
  return ({ channel, code }) => {
    // The user comes from the vault at the moment of writing, never from the call.
    const user = vault.session();
    if (!user) {
      logger.warn('ipc.refused-while-locked', { channel, code });
      return;
    }
    vault.write(({ audit }) =>
      audit({ actorId: user.id, actorName: user.username, action: 'access.refused', details: { channel, code } }),
    );
  };
}
