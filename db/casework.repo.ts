/** Case notes (with their full-text index) and appointments. */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './connection';
import { appointments, caseNotes, persons } from './schema';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { HIT_END, HIT_START, SNIPPET_ELLIPSIS } from '../shared/casework/fts-query';

export type NoteRow = typeof caseNotes.$inferSelect;
export type NewNoteRow = typeof caseNotes.$inferInsert;
export type AppointmentRow = typeof appointments.$inferSelect;

export interface NoteSearchRow {
  noteId: string;
  personId: string;
  caseCode: string;
  givenNames: string;
  familyName: string;
  occurredOn: CalendarDate;
  type: NoteRow['type'];
  snippet: string;
}

export interface NoteSearchScope {
  /** Only this person's notes. */
  personId?: string | undefined;
  /** Only the notes of persons assigned to this staff member (a caseworker's reach). */
  caseworkerId?: string | undefined;
}

/** How many of the most recent matching notes a search ranks (see searchNotes). */
export const SEARCH_CANDIDATES = 1000;

/** Words of context around the hit in a snippet. */
const SNIPPET_TOKENS = 16;

export class CaseworkRepo {
  constructor(private readonly db: Db) {}

  // ---------------------------------------------------------------- notes

  note(id: string): NoteRow | undefined {
    return this.db.select().from(caseNotes).where(eq(caseNotes.id, id)).get();
  }

  notesOf(personId: string, limit?: number): NoteRow[] {
    const q = this.db
      .select()
      .from(caseNotes)
      .where(eq(caseNotes.personId, personId))
      .orderBy(desc(caseNotes.occurredOn), desc(caseNotes.seq));
    return limit === undefined ? q.all() : q.limit(limit).all();
  }

  insertNote(row: NewNoteRow): void {
    this.db.insert(caseNotes).values(row).run();
  }

  updateNote(id: string, values: Partial<Pick<NoteRow, 'occurredOn' | 'type' | 'body' | 'durationMinutes' | 'attachmentId' | 'updatedAt'>>): void {
    this.db.update(caseNotes).set(values).where(eq(caseNotes.id, id)).run();
  }

  /**
   * Notes matching an FTS5 expression (already quoted, fts-query.ts), best first by bm25, with a
   * snippet around the hit marked with HIT_START / HIT_END.
   *
   * bm25 can only rank what it has scored, and a word found in a third of a million notes would be
   * scored and sorted in full at every keystroke (450 ms, toolchain.md). So the candidates are the
   * SEARCH_CANDIDATES most recently written matching notes the scope allows, read from the index in
   * descending rowid order (FTS5 consumes that ORDER BY and stops at the LIMIT); those are ranked by
   * bm25, and only the page returned gets snippets. A word in fewer notes than that is ranked among
   * all of them. The query starts from the MATCH: forcing it to start from a caseworker's persons
   * instead was a thousand times slower on a frequent word (toolchain.md). Within one person, the
   * person's notes are few and SQLite's planner starts from them by itself.
   */
  searchNotes(match: string, scope: NoteSearchScope, limit: number): NoteSearchRow[] {
    const filterParams: string[] = [];
    let where = '';
    if (scope.personId !== undefined) {
      where += ' AND n.person_id = ?';
      filterParams.push(scope.personId);
    }
    if (scope.caseworkerId !== undefined) {
      where += ' AND p.caseworker_id = ?';
      filterParams.push(scope.caseworkerId);
    }
    const join = scope.personId !== undefined ? 'JOIN' : 'CROSS JOIN';
    const ranked = this.db.$client
      .prepare(
        `SELECT seq FROM (
           SELECT n.seq AS seq, bm25(case_notes_fts) AS score
             FROM case_notes_fts
             ${join} case_notes n ON n.seq = case_notes_fts.rowid
             ${join} persons p ON p.id = n.person_id
            WHERE case_notes_fts MATCH ?${where}
            ORDER BY case_notes_fts.rowid DESC
            LIMIT ?)
          ORDER BY score, seq DESC
          LIMIT ?`,
      )
      .pluck()
      .all(match, ...filterParams, SEARCH_CANDIDATES, limit) as number[];
    if (ranked.length === 0) return [];
    // The scope is applied again to the notes returned, so nothing outside it can come back whatever
    // the plan. Snippets one note at a time, from the index alone: with a join and `rowid IN (...)` in the same
    // statement, SQLite 3.53 returned another row's snippet beside a note (a test caught it showing a
    // caseworker text from someone else's case).
    const snippetOf = this.db.$client
      .prepare('SELECT snippet(case_notes_fts, 0, ?, ?, ?, ?) FROM case_notes_fts WHERE case_notes_fts MATCH ? AND rowid = ?')
      .pluck();
    const details = this.db.$client
      .prepare(
        `SELECT n.seq AS seq, n.id AS noteId, n.person_id AS personId, p.case_code AS caseCode, p.given_names AS givenNames,
                p.family_name AS familyName, n.occurred_on AS occurredOn, n.type AS type
           FROM case_notes n JOIN persons p ON p.id = n.person_id
          WHERE n.seq IN (${ranked.map(() => '?').join(',')})${where}`,
      )
      .all(...ranked, ...filterParams) as (Omit<NoteSearchRow, 'snippet'> & { seq: number })[];
    const bySeq = new Map(details.map((r) => [r.seq, r]));
    return ranked.flatMap((seq) => {
      const row = bySeq.get(seq);
      if (!row) return [];
      const snippet = snippetOf.get(HIT_START, HIT_END, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, match, seq) as string | undefined;
      const { seq: _seq, ...hit } = row;
      void _seq;
      return [{ ...hit, snippet: snippet ?? '' }];
    });
  }

  /** The entries correcting each of `ids`, oldest first. */
  corrections(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    const rows = this.db
      .select({ id: caseNotes.id, correctsId: caseNotes.correctsId })
      .from(caseNotes)
      .where(inArray(caseNotes.correctsId, [...ids]))
      .orderBy(asc(caseNotes.seq))
      .all();
    for (const r of rows) {
      if (r.correctsId === null) continue;
      const list = out.get(r.correctsId) ?? [];
      list.push(r.id);
      out.set(r.correctsId, list);
    }
    return out;
  }

  // ---------------------------------------------------------------- appointments

  appointment(id: string): AppointmentRow | undefined {
    return this.db.select().from(appointments).where(eq(appointments.id, id)).get();
  }

  appointmentsOf(personId: string): AppointmentRow[] {
    return this.db
      .select()
      .from(appointments)
      .where(eq(appointments.personId, personId))
      .orderBy(desc(appointments.date), desc(appointments.time))
      .all();
  }

  insertAppointment(row: AppointmentRow): void {
    this.db.insert(appointments).values(row).run();
  }

  updateAppointment(id: string, values: Partial<AppointmentRow>): void {
    this.db.update(appointments).set(values).where(eq(appointments.id, id)).run();
  }

  deleteAppointment(id: string): void {
    this.db.delete(appointments).where(eq(appointments.id, id)).run();
  }

  /** Planned appointments from `from` to `to` (null: unbounded), with the person's case code and caseworker. */
  plannedAppointments(
    range: { from: CalendarDate | null; to: CalendarDate | null },
    caseworkerId: string | null,
  ): (AppointmentRow & { caseCode: string; caseworkerId: string | null })[] {
    const conditions = [eq(appointments.status, 'planned')];
    if (range.from !== null) conditions.push(gte(appointments.date, range.from));
    if (range.to !== null) conditions.push(lte(appointments.date, range.to));
    if (caseworkerId !== null) conditions.push(eq(persons.caseworkerId, caseworkerId));
    return this.db
      .select({ a: appointments, caseCode: persons.caseCode, caseworkerId: persons.caseworkerId })
      .from(appointments)
      .innerJoin(persons, eq(persons.id, appointments.personId))
      .where(and(...conditions))
      .orderBy(asc(appointments.date), asc(appointments.time))
      .all()
      .map((r) => ({ ...r.a, caseCode: r.caseCode, caseworkerId: r.caseworkerId }));
  }

  /** How many planned appointments after `after` (for the dashboard's "later"). */
  countPlannedAfter(after: CalendarDate, caseworkerId: string | null): number {
    const conditions = [eq(appointments.status, 'planned'), sql`${appointments.date} > ${after}`];
    if (caseworkerId !== null) conditions.push(eq(persons.caseworkerId, caseworkerId));
    return (
      this.db
        .select({ n: sql<number>`count(*)` })
        .from(appointments)
        .innerJoin(persons, eq(persons.id, appointments.personId))
        .where(and(...conditions))
        .get()?.n ?? 0
    );
  }
}
