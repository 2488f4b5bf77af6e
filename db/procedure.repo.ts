/** Procedure tracks, their events, stored due dates and checklist answers. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Country } from '../shared/domain';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Db } from './connection';
import type { RecordChange } from './record-change';
import { checklistAnswers, checklistVersions, procedureEvents, trackDueDates, tracks } from './schema';

export type TrackRow = typeof tracks.$inferSelect;
export type EventRow = typeof procedureEvents.$inferSelect;
export type DueDateRow = typeof trackDueDates.$inferSelect;
export type ChecklistAnswerRow = typeof checklistAnswers.$inferSelect;
export type ChecklistVersionRow = typeof checklistVersions.$inferSelect;

export interface UpcomingRow {
  personId: string;
  trackId: string;
  caseCode: string;
  givenNames: string;
  familyName: string;
  country: Country;
  kind: string;
  dueDate: CalendarDate;
  basis: string;
  phaseId: string;
  caseworkerId: string | null;
}

export class ProcedureRepo {
  constructor(private readonly db: Db) {}

  track(id: string): TrackRow | undefined {
    return this.db.select().from(tracks).where(eq(tracks.id, id)).get();
  }

  tracksOf(personId: string): TrackRow[] {
    return this.db.select().from(tracks).where(eq(tracks.personId, personId)).orderBy(asc(tracks.openedAt), asc(tracks.country)).all();
  }

  trackOf(personId: string, country: Country): TrackRow | undefined {
    return this.db
      .select()
      .from(tracks)
      .where(and(eq(tracks.personId, personId), eq(tracks.country, country)))
      .get();
  }

  insertTrack(row: TrackRow): void {
    this.db.insert(tracks).values(row).run();
  }

  insertTracks(rows: TrackRow[]): void {
    for (let i = 0; i < rows.length; i += 500) this.db.insert(tracks).values(rows.slice(i, i + 500)).run();
  }

  setTrackDerived(id: string, values: Pick<TrackRow, 'phaseId' | 'closed' | 'nextDueDate' | 'nextDueKind' | 'missingExpiryKind' | 'derivedAt'> & Partial<Pick<TrackRow, 'rulesVersion'>>): void {
    this.db.update(tracks).set(values).where(eq(tracks.id, id)).run();
  }

  /** The events in force (not removed), in the order recorded. */
  events(trackId: string): EventRow[] {
    return this.db
      .select()
      .from(procedureEvents)
      .where(and(eq(procedureEvents.trackId, trackId), isNull(procedureEvents.removedAt)))
      .orderBy(asc(procedureEvents.date), asc(procedureEvents.recordedAt))
      .all();
  }

  event(id: string): EventRow | undefined {
    return this.db.select().from(procedureEvents).where(eq(procedureEvents.id, id)).get();
  }

  insertEvent(row: EventRow): void {
    this.db.insert(procedureEvents).values(row).run();
  }

  insertEvents(rows: EventRow[]): void {
    for (let i = 0; i < rows.length; i += 500) this.db.insert(procedureEvents).values(rows.slice(i, i + 500)).run();
  }

  markEventRemoved(id: string, at: string, by: string, reason: string): void {
    this.db.update(procedureEvents).set({ removedAt: at, removedBy: by, removalReason: reason }).where(eq(procedureEvents.id, id)).run();
  }

  /** Replaces the stored due dates of a track. */
  replaceDueDates(trackId: string, rows: DueDateRow[]): void {
    this.db.delete(trackDueDates).where(eq(trackDueDates.trackId, trackId)).run();
    if (rows.length) this.db.insert(trackDueDates).values(rows).run();
  }

  insertDueDates(rows: DueDateRow[]): void {
    for (let i = 0; i < rows.length; i += 500) this.db.insert(trackDueDates).values(rows.slice(i, i + 500)).run();
  }

  /** A change staff made to the track (an event recorded or withdrawn): who, when, the new version. */
  touchTrack(id: string, change: RecordChange): void {
    this.db.update(tracks).set({ version: change.version, updatedAt: change.at, updatedBy: change.by }).where(eq(tracks.id, id)).run();
  }

  /** The versions of the track's checklists that were saved since versions exist (others: version 1). */
  checklistVersions(trackId: string): ChecklistVersionRow[] {
    return this.db.select().from(checklistVersions).where(eq(checklistVersions.trackId, trackId)).all();
  }

  setChecklistVersion(trackId: string, checklistId: string, change: RecordChange): void {
    const set = { version: change.version, updatedAt: change.at, updatedBy: change.by };
    this.db
      .insert(checklistVersions)
      .values({ trackId, checklistId, ...set })
      .onConflictDoUpdate({ target: [checklistVersions.trackId, checklistVersions.checklistId], set })
      .run();
  }

  answers(trackId: string): ChecklistAnswerRow[] {
    return this.db.select().from(checklistAnswers).where(eq(checklistAnswers.trackId, trackId)).all();
  }

  upsertAnswer(row: ChecklistAnswerRow): void {
    const { trackId: _t, checklistId: _c, itemId: _i, ...rest } = row;
    this.db
      .insert(checklistAnswers)
      .values(row)
      .onConflictDoUpdate({ target: [checklistAnswers.trackId, checklistAnswers.checklistId, checklistAnswers.itemId], set: rest })
      .run();
  }

  /**
   * Due dates from `from` (or any date when null) to `to`, both included, earliest first, with the
   * person's case code; only the persons of `caseworkerId` when given.
   */
  upcoming(from: CalendarDate | null, to: CalendarDate, caseworkerId: string | null, limit: number): UpcomingRow[] {
    const sqlText = `
      SELECT d.person_id AS personId, d.track_id AS trackId, p.case_code AS caseCode, p.given_names AS givenNames,
             p.family_name AS familyName, d.country, d.kind, d.due_date AS dueDate, d.basis, d.phase_id AS phaseId,
             p.caseworker_id AS caseworkerId
        FROM track_due_dates d JOIN persons p ON p.id = d.person_id
       WHERE d.due_date <= @to ${from ? 'AND d.due_date >= @from' : ''}
             ${caseworkerId ? 'AND p.caseworker_id = @caseworkerId' : ''}
       ORDER BY d.due_date, p.case_code, d.country, d.kind
       LIMIT @limit`;
    const params: Record<string, string | number> = { to, limit };
    if (from) params.from = from;
    if (caseworkerId) params.caseworkerId = caseworkerId;
    return this.db.$client.prepare(sqlText).all(params) as UpcomingRow[];
  }
}
