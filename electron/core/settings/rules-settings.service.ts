/**
 * The organisation's rule policies (docs/legal-rules.md "Minors"). Presuming a person of doubtful age
 * a minor is the law in Luxembourg (brochure §4 LU) and the organisation's policy elsewhere, on by
 * default. Changing it re-derives every track in the same transaction, so the person page, the person
 * list and the dashboard agree at once; each due date that moved is kept as "deadline recomputed".
 */
import { RecomputationsRepo } from '../../../db/recomputations.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import type { RulesSettings } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';
import { todayOf } from '../persons/person-access';
import { rederiveTracks } from '../persons/rules-upgrade';
import { presumeMinorityPolicy, SETTING_PRESUME_MINORITY } from '../persons/track-derivation';
import type { VaultService } from '../vault/vault.service';

export interface RulesSettingsUpdate extends RulesSettings {
  readonly tracksRederived: number;
  readonly changedDueDates: number;
}

export class RulesSettingsService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  get(): RulesSettings {
    this.vault.requireSession();
    return this.vault.read((db) => ({ presumeMinorityWhenInDoubt: presumeMinorityPolicy(db) }));
  }

  /** Administrators only; setting the value it already has changes nothing and records nothing. */
  update(input: RulesSettings): RulesSettingsUpdate {
    const actor = this.vault.requireRole('admin');
    const today = todayOf(this.clock);
    return this.vault.write(({ db, now, audit }) => {
      const value = input.presumeMinorityWhenInDoubt;
      if (presumeMinorityPolicy(db) === value) return { presumeMinorityWhenInDoubt: value, tracksRederived: 0, changedDueDates: 0 };
      new SettingsRepo(db).set(SETTING_PRESUME_MINORITY, value, now);
      // Every track, closed ones included: a refused event can change whether a track is closed.
      const tracks = new RecomputationsRepo(db).allTracks();
      const { rows, changedByPerson } = rederiveTracks(db, tracks, today, now);
      for (const [personId, changes] of changedByPerson) {
        audit({
          actorId: actor.id,
          actorName: actor.username,
          subjectType: 'person',
          subjectId: personId,
          action: 'procedure.policyRederived',
          details: { setting: SETTING_PRESUME_MINORITY, changed: changes.map((c) => `${c.trackId}:${c.kind}`).join(',') },
        });
      }
      audit({
        actorId: actor.id,
        actorName: actor.username,
        action: 'settings.rulesPolicyUpdate',
        details: { setting: SETTING_PRESUME_MINORITY, value, tracks: tracks.length, changedDueDates: rows.length },
      });
      return { presumeMinorityWhenInDoubt: value, tracksRederived: tracks.length, changedDueDates: rows.length };
    });
  }
}
