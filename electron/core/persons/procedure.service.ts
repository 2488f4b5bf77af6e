/**
 * Procedure tracks: one per country and person. Every event goes through the
 * pure engine's validateNewEvent (RULE_VIOLATION passes through unchanged); after each change the
 * derived state is stored (track-derivation.ts) so lists and deadline queries never re-derive.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { ProcedureRepo, type EventRow, type TrackRow } from '../../../db/procedure.repo';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { deriveTrackState, validateNewEvent, type DueBasis, type TrackState } from '../../../shared/procedure/engine';
import type {
  checklistAnswerInputSchema,
  EventInput,
  removeEventInputSchema,
  TrackView,
  UpcomingDeadline,
  upcomingDeadlinesInputSchema,
} from '../../../shared/persons/procedure.schema';
import type { PhaseId } from '../../../shared/procedure/track.schema';
import { RecomputationsRepo } from '../../../db/recomputations.repo';
import type { RecomputedDeadline } from '../../../shared/persons/procedure.schema';
import { upgradeRules, type RulesUpgradeResult } from './rules-upgrade';
import type { DueKind } from '../../../shared/rules/rule.types';
import { RULE_TABLES, RULES_VERSION } from '../../../shared/rules/index';
import type { Clock } from '../ports';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';
import { mayReach, personSubject, reachablePerson, seesEveryCase, todayOf } from './person-access';
import { PersonsRepo } from '../../../db/persons.repo';
import {
  engineEvent,
  engineTrack,
  rollUpPerson,
  ruleViolation,
  storeTrackState,
  personTrackFacts,
  trackView,
} from './track-derivation';

export type ChecklistAnswerInput = z.output<typeof checklistAnswerInputSchema>;
export type RemoveEventInput = z.output<typeof removeEventInputSchema>;
export type UpcomingDeadlinesInput = z.output<typeof upcomingDeadlinesInputSchema>;

/** The engine reports field paths of the event itself; over IPC the event sits under `event`. */
function underEvent(e: unknown): unknown {
  if (!isAppError(e) || e.code !== 'VALIDATION' || !e.details?.fields) return e;
  return new AppError('VALIDATION', e.key, e.params, {
    ...e.details,
    fields: e.details.fields.map((f) => ({ ...f, path: f.path ? `event.${f.path}` : 'event' })),
  });
}

export class ProcedureService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  private today(): CalendarDate {
    return todayOf(this.clock);
  }

  /** The track and its person, if `actor` may reach them (NOT_FOUND otherwise). */
  private reachableTrack(db: Db, actor: SessionUser, trackId: string) {
    const track = new ProcedureRepo(db).track(trackId);
    if (!track) throw new AppError('NOT_FOUND', 'notFound');
    const person = reachablePerson(db, actor, track.personId);
    return { track, person };
  }

  /**
   * The track after a change staff made to its events, with its version raised; refuses (CONFLICT,
   * nothing written) when the change was made on an older version (docs/team-server.md "Concurrent edits").
   */
  private changeTrack(db: Db, actor: SessionUser, track: TrackRow, expectedVersion: number | undefined, now: string): TrackRow {
    checkVersion(db, expectedVersion, { version: track.version, changedBy: track.updatedBy ?? null, changedAt: track.updatedAt ?? null });
    const change = { at: now, by: actor.id, version: track.version + 1 };
    new ProcedureRepo(db).touchTrack(track.id, change);
    return { ...track, version: change.version, updatedAt: change.at, updatedBy: change.by };
  }

  /** Stores the state of a track after a change and rolls it up to the person; returns the view. */
  private commit(db: Db, track: TrackRow, events: EventRow[], state: TrackState, now: string): TrackView {
    const stored = storeTrackState(new ProcedureRepo(db), track, state, now);
    rollUpPerson(db, track.personId);
    return trackView(db, stored, events, state);
  }

  /** The id of the person's track in `country`, if any (NOT_FOUND when the person is out of reach). */
  trackIdOf(personId: string, country: Country): string | null {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      reachablePerson(db, actor, personId);
      return new ProcedureRepo(db).trackOf(personId, country)?.id ?? null;
    });
  }

  openTrack(input: { personId: string; country: Country }): TrackView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const repo = new ProcedureRepo(db);
      if (repo.trackOf(person.id, input.country)) throw new AppError('CONFLICT', 'trackExists', { country: input.country });
      const state = deriveTrackState(engineTrack(input.country, personTrackFacts(db, person, this.today()), []), { today: this.today() });
      const track: TrackRow = {
        id: randomUUID(),
        personId: person.id,
        country: input.country,
        openedAt: now,
        openedBy: actor.id,
        phaseId: state.phase.id,
        closed: state.phase.terminal,
        nextDueDate: null,
        nextDueKind: null,
        missingExpiryKind: null,
        derivedAt: now,
        rulesVersion: RULES_VERSION,
        version: 1,
        updatedAt: now,
        updatedBy: actor.id,
      };
      repo.insertTrack(track);
      audit({ ...personSubject(actor, person.id), action: 'procedure.openTrack', details: { country: input.country } });
      return this.commit(db, track, [], state, now);
    });
  }

  recordEvent(input: { trackId: string; event: EventInput; expectedVersion?: number | undefined }): TrackView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const found = this.reachableTrack(db, actor, input.trackId);
      const person = found.person;
      // Checked before the rules are asked: a stale page may propose an event the other change made moot.
      // A refusal by the rules below rolls the raised version back with the rest of the transaction.
      const track = this.changeTrack(db, actor, found.track, input.expectedVersion, now);
      const repo = new ProcedureRepo(db);
      const events = repo.events(track.id);
      const row: EventRow = {
        id: randomUUID(),
        trackId: track.id,
        type: input.event.type,
        date: input.event.date as CalendarDate,
        documentExpiry: (input.event.documentExpiry ?? null) as CalendarDate | null,
        revocationGround: input.event.revocationGround ?? null,
        recordedAt: now,
        recordedBy: actor.id,
        removedAt: null,
        removedBy: null,
        removalReason: null,
      };
      let state: TrackState;
      try {
        state = validateNewEvent(engineTrack(track.country, personTrackFacts(db, person, this.today()), events), engineEvent(row), {
          today: this.today(),
        });
      } catch (e) {
        throw underEvent(e);
      }
      repo.insertEvent(row);
      audit({
        ...personSubject(actor, person.id),
        action: 'procedure.recordEvent',
        details: { country: track.country, eventType: row.type, eventId: row.id },
      });
      return this.commit(db, track, [...events, row], state, now);
    });
  }

  /**
   * Removes a recorded event as a correction (the row stays, marked removed, with the reason code).
   * Refused with RULE_VIOLATION when an event left would then break the rules.
   */
  removeEvent(input: RemoveEventInput): TrackView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const found = this.reachableTrack(db, actor, input.trackId);
      const person = found.person;
      const track = this.changeTrack(db, actor, found.track, input.expectedVersion, now);
      const repo = new ProcedureRepo(db);
      const events = repo.events(track.id);
      const removed = events.find((e) => e.id === input.eventId);
      if (!removed) throw new AppError('NOT_FOUND', 'notFound');
      const remaining = events.filter((e) => e.id !== input.eventId);
      const state = deriveTrackState(engineTrack(track.country, personTrackFacts(db, person, this.today()), remaining), { today: this.today() });
      const broken = state.history.find((h) => h.refusal !== null);
      if (broken?.refusal) throw ruleViolation(broken.refusal);
      repo.markEventRemoved(removed.id, now, actor.id, input.reason);
      audit({
        ...personSubject(actor, person.id),
        action: 'procedure.removeEvent',
        details: { country: track.country, eventType: removed.type, eventId: removed.id, reason: input.reason },
      });
      return this.commit(db, track, remaining, state, now);
    });
  }

  answerChecklist(input: ChecklistAnswerInput): TrackView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const { track, person } = this.reachableTrack(db, actor, input.trackId);
      const repo = new ProcedureRepo(db);
      // A checklist is one form: its version, not the track's, says whether the form is stale.
      const stamp = repo.checklistVersions(track.id).find((v) => v.checklistId === input.checklistId);
      checkVersion(db, input.expectedVersion, { version: stamp?.version ?? 1, changedBy: stamp?.updatedBy ?? null, changedAt: stamp?.updatedAt ?? null });
      const checklist = RULE_TABLES[track.country].checklists.find((c) => c.id === input.checklistId);
      if (!checklist || !checklist.items.some((i) => i.id === input.itemId)) {
        throw new AppError('VALIDATION', 'checklistUnknown', undefined, {
          fields: [{ path: checklist ? 'itemId' : 'checklistId', code: 'unknown', message: 'Not part of this procedure' }],
        });
      }
      if (input.attachmentId) {
        const attachment = new AttachmentsRepo(db).byId(input.attachmentId);
        if (!attachment || attachment.personId !== person.id) {
          throw new AppError('VALIDATION', 'notFound', undefined, {
            fields: [{ path: 'attachmentId', code: 'not_found', message: 'No such attachment of this person' }],
          });
        }
      }
      repo.setChecklistVersion(track.id, input.checklistId, { at: now, by: actor.id, version: (stamp?.version ?? 1) + 1 });
      repo.upsertAnswer({
        trackId: track.id,
        checklistId: input.checklistId,
        itemId: input.itemId,
        status: input.status,
        answeredOn: input.date,
        answeredBy: actor.id,
        note: input.note,
        attachmentId: input.attachmentId,
        updatedAt: now,
      });
      audit({
        ...personSubject(actor, person.id),
        action: 'checklist.answer',
        details: { country: track.country, checklistId: input.checklistId, itemId: input.itemId, status: input.status },
      });
      const events = repo.events(track.id);
      const state = deriveTrackState(engineTrack(track.country, personTrackFacts(db, person, this.today()), events), { today: this.today() });
      return trackView(db, track, events, state);
    });
  }

  /**
   * At unlock: re-derives every track stored under older rule tables (one transaction) and records
   * the due dates that changed. Nothing to do (no write) when every track is current.
   */
  upgradeRules(): RulesUpgradeResult {
    const actor = this.vault.requireSession();
    if (this.vault.read((db) => new RecomputationsRepo(db).tracksBefore(RULES_VERSION).length) === 0) return { tracks: 0, changedDueDates: 0 };
    return this.vault.write(({ db, now, audit }) => upgradeRules(db, this.today(), now, actor, audit));
  }

  /** The recomputed deadlines not yet acknowledged, of the persons `actor` may reach. */
  pendingRecomputations(personId: string | null): RecomputedDeadline[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      if (personId) reachablePerson(db, actor, personId);
      const rows = new RecomputationsRepo(db).pending(personId ? [personId] : null);
      const visible = seesEveryCase(actor) || personId ? rows : rows.filter((r) => {
        const person = new PersonsRepo(db).byId(r.personId);
        return person !== undefined && mayReach(actor, person);
      });
      return visible.map((r) => ({
        id: r.id,
        personId: r.personId,
        trackId: r.trackId,
        kind: r.kind,
        previousDueDate: r.previousDueDate ?? null,
        newDueDate: r.newDueDate ?? null,
        recomputedAt: r.recomputedAt,
      }));
    });
  }

  /** A staff member has seen a recomputed deadline: the mark goes. */
  acknowledgeRecomputation(input: { id: string }): void {
    const actor = this.vault.requireSession();
    this.vault.write(({ db, now, audit }) => {
      const repo = new RecomputationsRepo(db);
      const row = repo.byId(input.id);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      reachablePerson(db, actor, row.personId);
      if (row.acknowledgedAt) return;
      repo.acknowledge(row.id, now, actor.id);
      audit({ ...personSubject(actor, row.personId), action: 'procedure.recomputationAcknowledged', details: { recomputationId: row.id } });
    });
  }

  /** Due dates within `withinDays` of `today` (both included), from track_due_dates; a caseworker's own cases only. */
  upcoming(input: UpcomingDeadlinesInput): UpcomingDeadline[] {
    const actor = this.vault.requireSession();
    const today = input.today ?? this.today();
    const to = addDays(today, input.withinDays);
    return this.vault.read((db) =>
      new ProcedureRepo(db)
        .upcoming(input.includeOverdue ? null : today, to, seesEveryCase(actor) ? null : actor.id, input.limit)
        .map((r) => ({
          personId: r.personId,
          trackId: r.trackId,
          caseCode: r.caseCode,
          givenNames: r.givenNames,
          familyName: r.familyName,
          country: r.country,
          kind: r.kind as DueKind,
          dueDate: r.dueDate,
          basis: r.basis as DueBasis,
          phase: r.phaseId as PhaseId,
          caseworkerId: r.caseworkerId,
        })),
    );
  }
}
