/**
 * Staff accounts. Permissions are enforced here, not only in the UI: every method takes the
 * acting session from the vault and checks the role.
 */
import { randomUUID } from 'node:crypto';
import { UsersRepo, type UserRow } from '../../../db/users.repo';
import type { Role } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { UserSummary } from '../../../shared/ipc/contract';
import { RecordVersionsRepo } from '../../../db/record-versions.repo';
import { changeKeptVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';

/** `version`: raised by a role or status change (docs/team-server.md "Concurrent edits"). */
export function toSummary(row: UserRow, version: number): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    version,
  };
}

export class UsersService {
  constructor(private readonly vault: VaultService) {}

  list(): UserSummary[] {
    this.vault.requireRole('admin');
    return this.vault.read((db) => {
      const versions = new RecordVersionsRepo(db).allOf('user');
      return new UsersRepo(db).all().map((u) => toSummary(u, versions.get(u.id) ?? 1));
    });
  }

  async add(input: { username: string; displayName: string; role: Role; password: string }): Promise<UserSummary> {
    const actor = this.vault.requireRole('admin');
    if (this.vault.read((db) => new UsersRepo(db).byUsername(input.username))) {
      throw new AppError('CONFLICT', 'usernameTaken', undefined, {
        fields: [{ path: 'username', code: 'taken', message: 'already in use' }],
      });
    }
    const id = randomUUID();
    // The slot is written first: a crash before the row is inserted leaves an orphan slot,
    // which the next unlock removes (see VaultService.reconcileSlots).
    const slot = await this.vault.addUserSlot(id, input.username, input.password);
    return this.vault.write(({ db, now, audit }) => {
      const row: UserRow = {
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        status: 'active',
        slotId: slot.id,
        createdAt: now,
        disabledAt: null,
      };
      new UsersRepo(db).insert(row);
      audit({ actorId: actor.id, actorName: actor.username, action: 'user.add', subjectType: 'user', subjectId: id, details: { role: input.role } });
      return toSummary(row, 1);
    });
  }

  setRole(input: { userId: string; role: Role; expectedVersion?: number | undefined }): UserSummary {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      const repo = new UsersRepo(db);
      const user = repo.byId(input.userId);
      if (!user) throw new AppError('NOT_FOUND', 'notFound');
      // A stale page hears of the other change first (the transaction rolls back on a refusal below).
      const version = changeKeptVersion(db, 'user', user.id, input.expectedVersion, actor.id, now);
      if (user.role === 'admin' && input.role !== 'admin' && this.isLastActiveAdmin(repo, user)) {
        throw new AppError('CONFLICT', 'lastAdmin');
      }
      repo.setRole(user.id, input.role);
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'user.roleChange',
        subjectType: 'user',
        subjectId: user.id,
        details: { from: user.role, to: input.role },
      });
      return toSummary(repo.byId(user.id) as UserRow, version);
    });
  }

  /** Disables a user, removes their key slot and re-keys the vault under a fresh data key. */
  async disable(input: { userId: string; expectedVersion?: number | undefined }): Promise<void> {
    const actor = this.vault.requireRole('admin');
    if (input.userId === actor.id) throw new AppError('CONFLICT', 'cannotDisableSelf');
    this.vault.write(({ db, now, audit }) => {
      const repo = new UsersRepo(db);
      const user = repo.byId(input.userId);
      if (!user) throw new AppError('NOT_FOUND', 'notFound');
      if (user.status === 'disabled') return;
      if (user.role === 'admin' && this.isLastActiveAdmin(repo, user)) throw new AppError('CONFLICT', 'lastAdmin');
      changeKeptVersion(db, 'user', user.id, input.expectedVersion, actor.id, now);
      repo.disable(user.id, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'user.disable', subjectType: 'user', subjectId: user.id });
    });
    await this.vault.reconcileSlots();
  }

  async changeOwnPassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
    const actor = this.vault.requireSession();
    await this.vault.changeSlotPassword(actor.slotId, input.currentPassword, input.newPassword);
    this.vault.write(({ audit }) =>
      audit({ actorId: actor.id, actorName: actor.username, action: 'user.passwordChange', subjectType: 'user', subjectId: actor.id }),
    );
  }

  private isLastActiveAdmin(repo: UsersRepo, user: UserRow): boolean {
    const admins = repo.activeAdmins();
    return admins.length === 1 && admins[0]?.id === user.id;
  }
}
