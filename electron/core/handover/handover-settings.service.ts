/** How long the sender's copy of a handed-over file is kept after an accepted receipt (administrators' setting). */
import type { Db } from '../../../db/connection';
import { SettingsRepo } from '../../../db/settings.repo';
import { HANDOVER_RETENTION_DAYS } from '../../../shared/handover/handover.ipc';
import type { VaultService } from '../vault/vault.service';

/** Settings key of the retention of the sender's copy after an accepted receipt, in days. */
export const SETTING_HANDOVER_RETENTION = 'handoverRetentionDays';

export class HandoverSettingsService {
  constructor(private readonly vault: VaultService) {}

  retentionDays(db: Db): number {
    const v = new SettingsRepo(db).get(SETTING_HANDOVER_RETENTION);
    return typeof v === 'number' && Number.isInteger(v) ? v : HANDOVER_RETENTION_DAYS.default;
  }

  settings(): { retentionDays: number } {
    this.vault.requireSession();
    return this.vault.read((db) => ({ retentionDays: this.retentionDays(db) }));
  }

  updateSettings(input: { retentionDays: number }): { retentionDays: number } {
    const actor = this.vault.requireRole('admin');
    return this.vault.write(({ db, now, audit }) => {
      new SettingsRepo(db).set(SETTING_HANDOVER_RETENTION, input.retentionDays, now);
      audit({ actorId: actor.id, actorName: actor.username, action: 'handover.settingsUpdate', details: { retentionDays: input.retentionDays } });
      return { retentionDays: input.retentionDays };
    });
  }
}
