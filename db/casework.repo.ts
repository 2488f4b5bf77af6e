/** Case notes (with their full-text index) and appointments. */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './connection';
import { appointments, caseNotes, persons } from './schema';
import type { CalendarDate } from '../shared/dates/calendar-date';
import { rankNotes } from '../shared/casework/note-relevance';

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
export const SEARCH_CANDIDATES = 300;

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
   * Notes matching an FTS5 expression (already quoted, fts-query.ts) within the scope, best first,
   * with a snippet around the hit marked with HIT_START / HIT_END (note-relevance.ts).
   *
   * The index is read once per search, by one cursor: a prefix query makes FTS5 merge the doclists of
   * every term with that prefix each time a cursor opens (about 10 ms for a word in a third of a
   * million notes), so anything that opens one per note (bm25 or snippet per rowid, `rowid IN (...)`
   * on the index, a join that starts from the notes) costs that much per note: seconds. The
   * candidates are the SEARCH_CANDIDATES most recently written matching notes in the scope, read in
   * descending rowid order (FTS5 serves that order without sorting); their text is read in one
   * statement and ranked in JavaScript. A word in fewer notes than that is ranked among all of them.
   * All cases: the index alone. A caseworker: the index first, each match joined to its person (the
   * other way round was a thousand times slower on a frequent word, toolchain.md). One person: the
   * index's matches between the person's first and last note, each checked against the person's
   * notes (30 to 40 ms for a word in a third of a million notes when a person's notes span the whole
   * vault, as the bench's do; a person's notes are usually a few months of it).
   *
   * Never constrain the index by rowid with a value bound from a JS number: better-sqlite3 binds it as
   * REAL, FTS5 then drops the constraint, and other notes come back (db/casework.repo.test.ts). The
   * snippet-per-rowid query this replaces returned another note's text that way.
   */
  searchNotes(match: string, phrases: readonly (readonly string[])[], scope: NoteSearchScope, limit: number): NoteSearchRow[] {
    const sqlite = this.db.$client;
    let candidates: number[];
    if (scope.personId !== undefined) {
      // The person's notes bound the part of the index read (a BigInt: bound as a JS number FTS5
      // would drop the constraint, see below); `+` keeps SQLite from looking each note up in the
      // index, which would open a cursor per note.
      const span = sqlite.prepare('SELECT min(seq) AS first, max(seq) AS last FROM case_notes WHERE person_id = ?').safeIntegers(true).get(scope.personId) as {
        first: bigint | null;
        last: bigint | null;
      };
      if (span.first === null || span.last === null) return [];
      candidates = sqlite
        .prepare(
          `SELECT f.rowid FROM case_notes_fts f
            WHERE case_notes_fts MATCH ? AND f.rowid >= ? AND f.rowid <= ? AND +f.rowid IN (SELECT seq FROM case_notes WHERE person_id = ?)
            ORDER BY f.rowid DESC LIMIT ?`,
        )
        .pluck()
        .all(match, span.first, span.last, scope.personId, SEARCH_CANDIDATES) as number[];
    } else if (scope.caseworkerId !== undefined) {
      candidates = sqlite
        .prepare(
          `SELECT f.rowid FROM case_notes_fts f CROSS JOIN case_notes n ON n.seq = f.rowid JOIN persons p ON p.id = n.person_id
            WHERE case_notes_fts MATCH ? AND p.caseworker_id = ? ORDER BY f.rowid DESC LIMIT ?`,
        )
        .pluck()
        .all(match, scope.caseworkerId, SEARCH_CANDIDATES) as number[];
    } else {
      candidates = sqlite
        .prepare('SELECT rowid FROM case_notes_fts WHERE case_notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
        .pluck()
        .all(match, SEARCH_CANDIDATES) as number[];
    }
    if (candidates.length === 0) return [];
    // The scope is applied again to the notes read, so nothing outside it can come back whatever the plan.
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
    const notes = sqlite
      .prepare(
        `SELECT n.seq AS seq, n.id AS noteId, n.person_id AS personId, p.case_code AS caseCode, p.given_names AS givenNames,
                p.family_name AS familyName, n.occurred_on AS occurredOn, n.type AS type, n.body AS body
           FROM case_notes n JOIN persons p ON p.id = n.person_id
          WHERE n.seq IN (SELECT value FROM json_each(?))${where}
          ORDER BY n.seq DESC`,
      )
      .all(JSON.stringify(candidates), ...filterParams) as (Omit<NoteSearchRow, 'snippet'> & { seq: number; body: string })[];
    return rankNotes(notes, phrases, limit, SNIPPET_TOKENS).map(({ note, snippet }) => {
      const { seq: _seq, body: _body, ...hit } = note;
      void _seq;
      void _body;
      return { ...hit, snippet };
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
