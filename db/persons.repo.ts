/**
 * Persons: rows, the derived columns, and the list query.
 * The list runs as one hand-written SQL statement over the covering indexes of persons.table.ts.
 */
import { eq, sql } from 'drizzle-orm';
import type { Country } from '../shared/domain';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { MinorStatus } from '../shared/persons/minor-status';
import type { Db } from './connection';
import { NO_DUE_SORT, caseCodeCounters, persons, users } from './schema';

export type PersonRow = typeof persons.$inferSelect;
export type NewPersonRow = typeof persons.$inferInsert;

/** What the service stores after deriving a person's tracks. */
export interface PersonDerived {
  phaseBe: string | null;
  phaseNl: string | null;
  phaseLu: string | null;
  isOpen: boolean;
  nextDueDate: CalendarDate | null;
  nextDueKind: string | null;
  nextDueCountry: Country | null;
  missingExpiryCountry: Country | null;
}

export interface PersonListFilter {
  /** Folded search text (shared/persons/search-text.ts foldForSearch); '' for none. */
  search: string;
  /**
   * When the search is (the beginning of) a case code, e.g. 'PAY-2026-00': upper case, looked up as a
   * range on the unique index instead of scanning the search text.
   */
  caseCodePrefix: string | null;
  country?: Country | undefined;
  phase?: string | undefined;
  minorStatus?: MinorStatus | undefined;
  /** A user id, 'unassigned', or undefined for everyone. */
  caseworkerId?: string | undefined;
  status: 'open' | 'closed' | 'all';
  today: CalendarDate;
}

export interface PersonListRow {
  id: string;
  caseCode: string;
  givenNames: string;
  familyName: string;
  aliases: string;
  ageBasis: 'exact' | 'approximate' | 'presumed' | 'unknown';
  adultFrom: CalendarDate | null;
  caseworkerId: string | null;
  caseworkerName: string | null;
  phaseBe: string | null;
  phaseNl: string | null;
  phaseLu: string | null;
  isOpen: number;
  nextDueDate: CalendarDate | null;
  nextDueKind: string | null;
  nextDueCountry: Country | null;
  missingExpiryCountry: Country | null;
}

export type PersonSort = 'nextDeadline' | 'caseCode' | 'name';

const PHASE_COLUMN: Record<Country, string> = { BE: 'phase_be', NL: 'phase_nl', LU: 'phase_lu' };

function where(f: PersonListFilter): { clauses: string[]; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.status !== 'all') {
    clauses.push('p.is_open = @isOpen');
    params.isOpen = f.status === 'open' ? 1 : 0;
  }
  if (f.country) clauses.push(`p.${PHASE_COLUMN[f.country]} IS NOT NULL`);
  if (f.phase) {
    const country = f.phase.slice(0, 2).toUpperCase() as Country;
    const column = PHASE_COLUMN[country];
    if (!column) clauses.push('0');
    else {
      clauses.push(`p.${column} = @phase`);
      params.phase = f.phase;
    }
  }
  if (f.minorStatus) {
    params.today = f.today;
    // The SQL form of shared/persons/minor-status.ts minorStatusOn().
    // A missing date of birth ('unknown') is a gap, never a presumed minor (docs/legal-rules.md "Minors").
    if (f.minorStatus === 'minor') clauses.push("p.age_basis = 'exact' AND p.adult_from > @today");
    else if (f.minorStatus === 'adult') clauses.push("p.age_basis IN ('exact', 'approximate') AND p.adult_from <= @today");
    else if (f.minorStatus === 'unknown') clauses.push("p.age_basis = 'unknown'");
    else clauses.push("(p.age_basis = 'presumed' OR (p.age_basis = 'approximate' AND p.adult_from > @today))");
  }
  if (f.caseworkerId === 'unassigned') clauses.push('p.caseworker_id IS NULL');
  else if (f.caseworkerId) {
    clauses.push('p.caseworker_id = @caseworkerId');
    params.caseworkerId = f.caseworkerId;
  }
  if (f.caseCodePrefix) {
    clauses.push('p.case_code >= @codeFrom AND p.case_code < @codeTo');
    params.codeFrom = f.caseCodePrefix;
    params.codeTo = `${f.caseCodePrefix}\u{10FFFF}`;
  } else if (f.search) {
    clauses.push('instr(p.search_text, @search) > 0');
    params.search = f.search;
  }
  return { clauses, params };
}

const ORDER: Record<PersonSort, string> = {
  nextDeadline: 'p.next_due_sort, p.case_code',
  caseCode: 'p.case_code',
  name: 'p.sort_name, p.case_code',
};

export class PersonsRepo {
  private static readonly statements = new WeakMap<object, Map<string, ReturnType<Db['$client']['prepare']>>>();

  constructor(private readonly db: Db) {}

  /** Prepared statements are cached per connection: the list runs on every keystroke. */
  private prepare(text: string) {
    const client = this.db.$client;
    let cache = PersonsRepo.statements.get(client);
    if (!cache) PersonsRepo.statements.set(client, (cache = new Map()));
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = client.prepare(text)));
    return stmt;
  }

  byId(id: string): PersonRow | undefined {
    return this.db.select().from(persons).where(eq(persons.id, id)).get();
  }

  idByCaseCode(caseCode: string): string | undefined {
    return this.db.select({ id: persons.id }).from(persons).where(eq(persons.caseCode, caseCode)).get()?.id;
  }

  insert(row: NewPersonRow): void {
    this.db.insert(persons).values(row).run();
  }

  /** Inserts many rows in the caller's transaction (bench and imports). */
  insertMany(rows: NewPersonRow[]): void {
    for (let i = 0; i < rows.length; i += 500) this.db.insert(persons).values(rows.slice(i, i + 500)).run();
  }

  update(id: string, values: Partial<NewPersonRow>): void {
    this.db.update(persons).set(values).where(eq(persons.id, id)).run();
  }

  /** Deletes the person; tracks, events, due dates, checklists, attachments, consents, handovers and tasks go with it (ON DELETE CASCADE). */
  delete(id: string): void {
    this.db.delete(persons).where(eq(persons.id, id)).run();
  }

  setDerived(id: string, d: PersonDerived): void {
    this.update(id, { ...d, nextDueSort: d.nextDueDate ?? NO_DUE_SORT });
  }

  /** The next number of `year` (1, 2, ...), in the caller's transaction. */
  nextCaseNumber(year: number): number {
    const row = this.db
      .insert(caseCodeCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: caseCodeCounters.year, set: { last: sql`${caseCodeCounters.last} + 1` } })
      .returning({ last: caseCodeCounters.last })
      .get();
    return row.last;
  }

  /** Reserves `count` consecutive numbers of `year`; returns the first (bulk generation). */
  reserveCaseNumbers(year: number, count: number): number {
    const row = this.db
      .insert(caseCodeCounters)
      .values({ year, last: count })
      .onConflictDoUpdate({ target: caseCodeCounters.year, set: { last: sql`${caseCodeCounters.last} + ${count}` } })
      .returning({ last: caseCodeCounters.last })
      .get();
    return row.last - count + 1;
  }

  caseworkerName(userId: string | null): string | null {
    if (!userId) return null;
    return this.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
  }

  count(filter: PersonListFilter): number {
    const { clauses, params } = where(filter);
    const sqlText = `SELECT count(*) AS n FROM persons p${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''}`;
    return (this.prepare(sqlText).get(params) as { n: number }).n;
  }

  page(filter: PersonListFilter, sort: PersonSort, offset: number, limit: number): PersonListRow[] {
    const { clauses, params } = where(filter);
    // The window is found on the index first (ids only), then only its rows are read.
    const sqlText = `
      WITH window AS (
        SELECT p.rowid AS rid FROM persons p
        ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset)
      SELECT p.id, p.case_code AS caseCode, p.given_names AS givenNames, p.family_name AS familyName,
             p.aliases, p.age_basis AS ageBasis, p.adult_from AS adultFrom, p.caseworker_id AS caseworkerId,
             u.display_name AS caseworkerName, p.phase_be AS phaseBe, p.phase_nl AS phaseNl, p.phase_lu AS phaseLu,
             p.is_open AS isOpen, p.next_due_date AS nextDueDate, p.next_due_kind AS nextDueKind,
             p.next_due_country AS nextDueCountry, p.missing_expiry_country AS missingExpiryCountry
        FROM window w JOIN persons p ON p.rowid = w.rid
        LEFT JOIN users u ON u.id = p.caseworker_id
       ORDER BY ${ORDER[sort]}`;
    return this.prepare(sqlText).all({ ...params, limit, offset }) as PersonListRow[];
  }

  /** The query plan of a page (bench and tests check the indexes are used). */
  explainPage(filter: PersonListFilter, sort: PersonSort): string[] {
    const { clauses, params } = where(filter);
    const sqlText = `EXPLAIN QUERY PLAN SELECT p.rowid FROM persons p ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY ${ORDER[sort]} LIMIT 50`;
    return (this.prepare(sqlText).all(params) as { detail: string }[]).map((r) => r.detail);
  }
}
