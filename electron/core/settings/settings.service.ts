/** Vault-wide settings (non-personal). Everyone signed in reads them; only an admin changes them. */
import { SettingsRepo } from '../../../db/settings.repo';
import { AUTO_LOCK_MINUTES, autoLockMinutesSchema } from '../../../shared/domain';
import type { OrganisationSettings, VaultSettings } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { deriveCaseCodePrefix } from '../../../shared/persons/case-code';
import { RecordVersionsRepo } from '../../../db/record-versions.repo';
import { changeKeptVersion } from '../record-version';
import { SETTING_AUTO_LOCK, type VaultService } from '../vault/vault.service';

/** The organisation's row in record_versions (there is one organisation per vault). */
const ORGANISATION = 'organisation';

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

  /** The organisation with its case-code prefix (derived from the name in vaults made before prefixes). */
  organisationSettings(): OrganisationSettings {
    this.vault.requireSession();
    const row = this.vault.read((db) => new SettingsRepo(db).organisation());
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    const version = this.vault.read((db) => new RecordVersionsRepo(db).of('organisation', ORGANISATION).version);
    return { name: row.name, country: row.country, caseCodePrefix: row.caseCodePrefix ?? deriveCaseCodePrefix(row.name), version };
  }

  /** Changes the prefix of new case codes; existing codes keep theirs (they are printed on paper files). */
  updateOrganisation(input: { caseCodePrefix: string; expectedVersion?: number | undefined }): OrganisationSettings {
    const actor = this.vault.requireRole('admin');
    this.vault.write(({ db, now, audit }) => {
      changeKeptVersion(db, 'organisation', ORGANISATION, input.expectedVersion, actor.id, now);
      new SettingsRepo(db).setCaseCodePrefix(input.caseCodePrefix);
      audit({ actorId: actor.id, actorName: actor.username, action: 'settings.organisationUpdate', details: { caseCodePrefix: input.caseCodePrefix } });
    });
    return this.organisationSettings();
  }
}
