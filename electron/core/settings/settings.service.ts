/** Vault-wide settings (non-personal). Everyone signed in reads them; only an admin changes them. */
import { SettingsRepo } from '../../../db/settings.repo';
import { AUTO_LOCK_MINUTES, autoLockMinutesSchema } from '../../../shared/domain';
import type { VaultSettings } from '../../../shared/ipc/contract';
import { SETTING_AUTO_LOCK, type VaultService } from '../vault/vault.service';

export class SettingsService {
  private readonly listeners = new Set<(s: VaultSettings) => void>();

  constructor(private readonly vault: VaultService) {}

  onChange(listener: (s: VaultSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read without a role check: the auto-lock timer needs it as soon as the vault opens. */
  current(): VaultSettings {
    return this.vault.read((db) => {
      const parsed = autoLockMinutesSchema.safeParse(new SettingsRepo(db).get(SETTING_AUTO_LOCK));
      return { autoLockMinutes: parsed.success ? parsed.data : AUTO_LOCK_MINUTES.default };
    });
  }

  get(): VaultSettings {
    this.vault.requireSession();
    return this.current();
  }

  update(input: VaultSettings): VaultSettings {
    const actor = this.vault.requireRole('admin');
    this.vault.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_AUTO_LOCK, input.autoLockMinutes, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'settings.update', details: { autoLockMinutes: input.autoLockMinutes } });
    });
    const next = this.current();
    for (const l of this.listeners) l(next);
    return next;
  }

  organisation(): { name: string; country: 'BE' | 'NL' | 'LU' } | null {
    const row = this.vault.read((db) => new SettingsRepo(db).organisation());
    return row ? { name: row.name, country: row.country } : null;
  }
}
