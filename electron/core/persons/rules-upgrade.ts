/**
 * Existing vaults after a change of the rule tables (docs/legal-rules.md "Existing vaults"): every
 * track derived under an older RULES_VERSION is re-derived with the current rules, in one transaction,
 * at the first unlock after the upgrade. Each due date that moved, appeared or disappeared is kept as a
 * recomputation ("deadline recomputed" on the dashboard and the person page until acknowledged), and
 * the audit trail records which tracks and kinds changed (random ids only).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { ProcedureRepo } from '../../../db/procedure.repo';
import { RecomputationsRepo, type RecomputationRow, type TrackRowForUpgrade } from '../../../db/recomputations.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { ageThreshold } from '../../../shared/persons/minor-status';
import { deriveTrackState } from '../../../shared/procedure/engine';
import { RULES_VERSION } from '../../../shared/rules/index';
import type { AuditInput } from '../audit/audit-chain';
import { engineTrack, personTrackFacts, rollUpPerson, runningDueDates, storeTrackState } from './track-derivation';

export interface RulesUpgradeResult {
  readonly tracks: number;
  readonly changedDueDates: number;
}

/** What a re-derivation changed: the recomputation rows stored, by person, and the persons rolled up. */
export interface Rederivation {
  readonly rows: RecomputationRow[];
  readonly changedByPerson: Map<string, { trackId: string; kind: string }[]>;
  readonly persons: Set<string>;
}

/**
 * Re-derives `tracks` under the current rules and the organisation's policy, keeps each due date that
 * moved, appeared or disappeared as a recomputation ("deadline recomputed"), and rolls the persons up.
 * `beforePerson` runs once per person before their first track (the rules upgrade refreshes the age
 * threshold there). Runs inside the caller's transaction.
 */
export function rederiveTracks(
  db: Db,
  tracks: readonly TrackRowForUpgrade[],
  today: CalendarDate,
  now: string,
  beforePerson?: (person: PersonRow) => PersonRow,
): Rederivation {
  const recomputations = new RecomputationsRepo(db);
  const procedures = new ProcedureRepo(db);
  const persons = new PersonsRepo(db);
  const changedByPerson = new Map<string, { trackId: string; kind: string }[]>();
  const rows: RecomputationRow[] = [];
  const touched = new Set<string>();
  for (const track of tracks) {
    let person = persons.byId(track.personId);
    if (!person) continue;
    if (!touched.has(person.id)) {
      if (beforePerson) person = beforePerson(person);
      touched.add(person.id);
    }
    const before = new Map(recomputations.storedDueDates(track.id).map((d) => [d.kind, d.dueDate]));
    const state = deriveTrackState(engineTrack(track.country, personTrackFacts(db, person, today), procedures.events(track.id)), { today });
    const after = new Map<string, string>(runningDueDates(state).map((d) => [d.kind, d.dueDate]));
    storeTrackState(procedures, track, state, now);
    for (const kind of new Set([...before.keys(), ...after.keys()])) {
      const previous = before.get(kind) ?? null;
      const next = after.get(kind) ?? null;
      if (previous === next) continue;
      rows.push({
        id: randomUUID(),
        trackId: track.id,
        personId: person.id,
        kind,
        previousDueDate: previous as CalendarDate | null,
        newDueDate: next as CalendarDate | null,
        rulesVersion: RULES_VERSION,
        recomputedAt: now,
        acknowledgedAt: null,
        acknowledgedBy: null,
      });
      changedByPerson.set(person.id, [...(changedByPerson.get(person.id) ?? []), { trackId: track.id, kind }]);
    }
  }
  recomputations.insert(rows);
  for (const personId of touched) rollUpPerson(db, personId);
  return { rows, changedByPerson, persons: touched };
}

/** Re-derives every outdated track; `audit` records one entry per person whose due dates changed. */
export function upgradeRules(
  db: Db,
  today: CalendarDate,
  now: string,
  actor: { id: string; username: string },
  audit: (input: AuditInput) => void,
): RulesUpgradeResult {
  const outdated = new RecomputationsRepo(db).tracksBefore(RULES_VERSION);
  if (outdated.length === 0) return { tracks: 0, changedDueDates: 0 };
  const persons = new PersonsRepo(db);
  const { rows, changedByPerson } = rederiveTracks(db, outdated, today, now, (person) => {
    // The age threshold changed too (an approximate date alone is no longer doubt).
    const threshold = ageThreshold({ precision: person.dobPrecision, date: person.dob ?? null, ageInDoubt: person.ageInDoubt });
    persons.update(person.id, { ageBasis: threshold.basis, adultFrom: threshold.adultFrom });
    return { ...person, ageBasis: threshold.basis, adultFrom: threshold.adultFrom };
  });
  for (const [personId, changes] of changedByPerson) {
    audit({
      actorId: actor.id,
      actorName: actor.username,
      subjectType: 'person',
      subjectId: personId,
      action: 'procedure.rulesUpgraded',
      details: { rulesVersion: RULES_VERSION, changed: changes.map((c) => `${c.trackId}:${c.kind}`).join(',') },
    });
  }
  audit({
    actorId: actor.id,
    actorName: actor.username,
    action: 'procedure.rulesUpgraded',
    details: { rulesVersion: RULES_VERSION, tracks: outdated.length, changedDueDates: rows.length },
  });
  return { tracks: outdated.length, changedDueDates: rows.length };
}
