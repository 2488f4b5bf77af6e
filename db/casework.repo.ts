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

/** How many index matches a caseworker's search reads at a time. */
const CANDIDATE_CHUNK = 5000;

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

  updateNote(id: string, values: Partial<Pick<NoteRow, 'occurredOn' | 'type' | 'body' | 'durationMinutes' | 'attachmentId' | 'updatedAt' | 'version'>>): void {
    this.db.update(caseNotes).set(values).where(eq(caseNotes.id, id)).run();
  }

  /**
   * The rowids of the SEARCH_CANDIDATES most recently written matching notes within the scope. All
   * cases: read from the index alone in descending rowid order, which FTS5 serves without sorting and
   * stops at the limit. One person: from the person's notes (few), each checked against the index.
   * A caseworker: the index's matches in descending order in chunks, each chunk narrowed to their
   * persons, until enough are found.
   */
  private candidates(match: string, scope: NoteSearchScope): number[] {
    const sqlite = this.db.$client;
    if (scope.personId !== undefined) {
      return sqlite
        .prepare(
          `SELECT n.seq FROM case_notes n CROSS JOIN case_notes_fts ON case_notes_fts.rowid = n.seq
            JOIN persons p ON p.id = n.person_id
            WHERE n.person_id = ? AND case_notes_fts MATCH ?${scope.caseworkerId !== undefined ? ' AND p.caseworker_id = ?' : ''}
            ORDER BY n.seq DESC LIMIT ?`,
        )
        .pluck()
        .all(scope.personId, match, ...(scope.caseworkerId !== undefined ? [scope.caseworkerId] : []), SEARCH_CANDIDATES) as number[];
    }
    const page = sqlite.prepare('SELECT rowid FROM case_notes_fts WHERE case_notes_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?').pluck();
    if (scope.caseworkerId === undefined) return page.all(match, Number.MAX_SAFE_INTEGER, SEARCH_CANDIDATES) as number[];
    const out: number[] = [];
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const chunk = page.all(match, before, CANDIDATE_CHUNK) as number[];
      if (chunk.length === 0) break;
      before = chunk[chunk.length - 1] as number;
      const mine = sqlite
        .prepare(
          `SELECT n.seq FROM case_notes n JOIN persons p ON p.id = n.person_id
            WHERE n.seq IN (SELECT value FROM json_each(?)) AND p.caseworker_id = ? ORDER BY n.seq DESC`,
        )
        .pluck()
        .all(JSON.stringify(chunk), scope.caseworkerId) as number[];
      out.push(...mine);
      if (out.length >= SEARCH_CANDIDATES || chunk.length < CANDIDATE_CHUNK) break;
    }
    return out.slice(0, SEARCH_CANDIDATES);
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
    const candidates = this.candidates(match, scope);
    if (candidates.length === 0) return [];
    // bm25 of the candidates, from the index alone (no join in this statement).
    const scored = this.db.$client
      .prepare(
        `SELECT rowid AS seq, bm25(case_notes_fts) AS score FROM case_notes_fts
          WHERE case_notes_fts MATCH ? AND rowid IN (${candidates.map(() => '?').join(',')})`,
      )
      .all(match, ...candidates) as { seq: number; score: number }[];
    const ranked = scored
      .sort((a, b) => a.score - b.score || b.seq - a.seq)
      .slice(0, limit)
      .map((r) => r.seq);
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

  insertAppointment(row: typeof appointments.$inferInsert): void {
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
