/**
 * Loads invented persons (test/helpers/invented-persons.ts) in bulk through the repositories, with
 * every track's state derived by the engine and stored exactly as the services store it
 * (electron/core/persons/track-derivation.ts). Used by the bench and by tests of the list at scale.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { PersonsRepo, type NewPersonRow } from '../db/persons.repo';
import { ProcedureRepo, type DueDateRow, type EventRow, type TrackRow } from '../db/procedure.repo';
import { fieldColumns } from '../electron/core/persons/person-mapping';
import { dueDateRows, engineTrack, personDerivedFrom, trackDerivedColumns, trackFactsOf } from '../electron/core/persons/track-derivation';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { formatCaseCode } from '../shared/persons/case-code';
import { deriveTrackState } from '../shared/procedure/engine';
import { NO_DUE_SORT } from '../db/schema';
import type { InventedPerson } from '../test/helpers/invented-persons';

export interface LoadOptions {
  prefix: string;
  today: CalendarDate;
  /** User ids the generator's caseworker indexes map to. */
  caseworkerIds: readonly string[];
  /** Persons per transaction. */
  batch?: number;
  now?: string;
}

export interface LoadResult {
  persons: number;
  tracks: number;
  events: number;
  dueDates: number;
}

/** Inserts `people` in transactions of `batch`; `write` runs a function in one transaction. */
export function loadInventedPersons(write: (fn: (db: Db) => void) => void, people: readonly InventedPerson[], options: LoadOptions): LoadResult {
  const now = options.now ?? `${options.today}T09:00:00.000Z`;
  const result: LoadResult = { persons: 0, tracks: 0, events: 0, dueDates: 0 };
  // Case numbers per year of the first event (the year the case was opened).
  const yearOf = (p: InventedPerson) => Number((p.tracks[0]?.events[0]?.date ?? options.today).slice(0, 4));
  const perYear = new Map<number, number>();
  for (const p of people) perYear.set(yearOf(p), (perYear.get(yearOf(p)) ?? 0) + 1);
  const nextNumber = new Map<number, number>();
  write((db) => {
    const repo = new PersonsRepo(db);
    for (const [year, count] of perYear) nextNumber.set(year, repo.reserveCaseNumbers(year, count));
  });
  const batch = options.batch ?? 10_000;
  for (let start = 0; start < people.length; start += batch) {
    const personRows: NewPersonRow[] = [];
    const trackRows: TrackRow[] = [];
    const eventRows: EventRow[] = [];
    const dueRows: DueDateRow[] = [];
    for (const p of people.slice(start, start + batch)) {
      const year = yearOf(p);
      const number = nextNumber.get(year) ?? 1;
      nextNumber.set(year, number + 1);
      const caseCode = formatCaseCode(options.prefix, year, number);
      const id = randomUUID();
      const caseworkerId = p.caseworker === null ? null : (options.caseworkerIds[p.caseworker % options.caseworkerIds.length] ?? null);
      const row: NewPersonRow = {
        id,
        caseCode,
        ...fieldColumns(caseCode, p.fields),
        caseworkerId,
        isOpen: true,
        createdAt: now,
        createdBy: null,
        updatedAt: now,
        updatedBy: null,
      };
      const facts = trackFactsOf(row as Parameters<typeof trackFactsOf>[0], options.today);
      const tracks: TrackRow[] = [];
      for (const t of p.tracks) {
        const trackId = randomUUID();
        const events: EventRow[] = t.events.map((e) => ({
          id: randomUUID(),
          trackId,
          type: e.type,
          date: e.date,
          documentExpiry: null,
          revocationGround: null,
          recordedAt: now,
          recordedBy: null,
          removedAt: null,
          removedBy: null,
          removalReason: null,
        }));
        const state = deriveTrackState(engineTrack(t.country, facts, events));
        const refused = state.history.find((h) => h.refusal);
        if (refused) throw new Error(`invented track refused by the rules: ${t.country} ${refused.type} (${refused.refusal?.ruleId})`);
        const track: TrackRow = {
          id: trackId,
          personId: id,
          country: t.country,
          openedAt: now,
          openedBy: null,
          ...trackDerivedColumns(state, now),
          version: 1,
          updatedAt: now,
          updatedBy: null,
        };
        tracks.push(track);
        eventRows.push(...events);
        dueRows.push(...dueDateRows(track, state));
      }
      const derived = personDerivedFrom(tracks);
      personRows.push({ ...row, ...derived, nextDueSort: derived.nextDueDate ?? NO_DUE_SORT });
      trackRows.push(...tracks);
    }
    write((db) => {
      new PersonsRepo(db).insertMany(personRows);
      const procedures = new ProcedureRepo(db);
      procedures.insertTracks(trackRows);
      procedures.insertEvents(eventRows);
      procedures.insertDueDates(dueRows);
    });
    result.persons += personRows.length;
    result.tracks += trackRows.length;
    result.events += eventRows.length;
    result.dueDates += dueRows.length;
  }
  return result;
}
