/**
 * The raw counts of a year's statistics, straight from the vault (docs/statistics.md). These numbers
 * never leave the statistics service: `StatisticsService` suppresses them first.
 *
 * The population ("persons supported in the year"): registered on or before the year's last day and
 * either still open or closed on or after its first day. A closed file's closing day is the date of
 * the last event of its procedures (every track is in a terminal phase, and the last event is the one
 * that ended the last of them). Age group, sex, citizenship and detection are counted once per person;
 * forms of exploitation, phases, events and handovers once per occurrence.
 */
import type { Db } from '../../../db/connection';
import type { Country } from '../../../shared/domain';
import {
  FIXED_ROWS,
  PERMIT_EVENTS,
  REFLECTION_START,
  CITIZENSHIP_REST,
  TOP_CITIZENSHIPS,
  citizenshipRow,
  closingReason,
  permitRows,
  phaseRows,
  reflectionOutcome,
} from '../../../shared/statistics/categories';
import { AGE_GROUPS, type StatisticsQuery, type StatisticsTableId } from '../../../shared/statistics/statistics.schema';
import type { CountTable } from '../../../shared/statistics/suppression';

/**
 * Age group on the day of registration, in SQL (shared/persons/minor-status.ts minorStatusOn on that
 * day): 0 minor, 1 presumed minor, 2 adult; an index into AGE_GROUPS.
 */
const AGE_GROUP_SQL = `CASE WHEN p.age_basis = 'presumed' OR p.adult_from IS NULL THEN 1
  WHEN substr(p.created_at, 1, 10) >= p.adult_from THEN 2
  WHEN p.age_basis = 'exact' THEN 0 ELSE 1 END`;

class Counter {
  private readonly index: Map<string, number>;
  readonly cells: number[][];
  constructor(
    readonly id: StatisticsTableId,
    readonly rows: readonly string[],
  ) {
    this.index = new Map(rows.map((r, i) => [r, i]));
    this.cells = rows.map(() => AGE_GROUPS.map(() => 0));
  }
  add(row: string, age: number, n = 1): void {
    const r = this.index.get(row);
    if (r === undefined) return;
    const line = this.cells[r] as number[];
    line[age] = (line[age] as number) + n;
  }
  table(shared?: string): CountTable {
    return {
      id: this.id,
      rows: this.rows,
      columns: AGE_GROUPS,
      cells: this.cells,
      ...(shared ? { sharedColumnTotals: shared, sharedGrandTotal: `${shared}:total` } : {}),
    };
  }
}

function parseForms(json: string, cache: Map<string, string[]>): string[] {
  let forms = cache.get(json);
  if (!forms) {
    const v: unknown = JSON.parse(json);
    forms = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    cache.set(json, forms);
  }
  return forms;
}

/** Every raw table of the year, in the order the report shows them. */
export function countYear(db: Db, query: StatisticsQuery, reportingCountry: Country): CountTable[] {
  const client = db.$client;
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const end = `${to}T99`;
  const country = query.country;
  const withCountry = country ? { country } : {};
  const onlyCountry = country ? 'AND EXISTS (SELECT 1 FROM tracks ct WHERE ct.person_id = p.id AND ct.country = @country)' : '';

  // Closed files: closing day and reason (the terminal phase of the track that ended last).
  const closing = new Map<string, { day: string; reason: string }>();
  const closedTracks = client
    .prepare(
      `SELECT t.person_id, t.phase_id, (SELECT max(e.date) FROM procedure_events e WHERE e.track_id = t.id AND e.removed_at IS NULL)
       FROM persons p JOIN tracks t ON t.person_id = p.id WHERE p.is_open = 0 AND p.created_at <= @end ${onlyCountry}`,
    )
    .raw()
    .all({ ...withCountry, end }) as [string, string, string | null][];
  for (const [personId, phaseId, day] of closedTracks) {
    if (day === null) continue;
    const seen = closing.get(personId);
    if (!seen || day > seen.day) closing.set(personId, { day, reason: closingReason(phaseId) ?? 'closed' });
  }
  // Persons closed before the year are not supported in it.
  const closedBefore = new Set([...closing.entries()].filter(([, c]) => c.day < from).map(([id]) => id));

  const registrations = new Counter('registrations', FIXED_ROWS.registrations);
  const closed = new Counter('closed', FIXED_ROWS.closed);
  const sex = new Counter('sex', FIXED_ROWS.sex);
  const detection = new Counter('detection', FIXED_ROWS.detection);
  const exploitation = new Counter('exploitation', FIXED_ROWS.exploitation);
  const phase = new Counter('phase', phaseRows(country));
  const reflection = new Counter('reflection', FIXED_ROWS.reflection);
  const permits = new Counter('permits', permitRows(country));
  const handovers = new Counter('handovers', FIXED_ROWS.handovers);
  const countries = country ? [country] : (['BE', 'NL', 'LU'] as const);
  const phaseColumns = countries.map((c) => `coalesce(p.phase_${c.toLowerCase()}, '')`);

  // One lean pass over the persons. Each row comes back as one string of the columns the tables
  // need (JSON read by SQLite), joined by the unit separator, which no stored code contains: one
  // value per row costs far less to hand to JavaScript than ten, and counting in JavaScript is
  // cheaper than one SQLite GROUP BY (a sort of every person) per table. The phase of each track
  // is kept on the person's row (phase_be, phase_nl, phase_lu).
  const persons = client
    .prepare(
      `SELECT p.id || char(31) || (${AGE_GROUP_SQL}) || char(31) || p.gender || char(31) || coalesce(json_extract(p.nationalities, '$[0]'), '')
              || char(31) || coalesce(json_extract(p.detection, '$.by'), 'unknown') || char(31) || p.exploitation_forms
              || char(31) || substr(p.created_at, 1, 10) || char(31) || ${phaseColumns.join(" || char(31) || ")}
       FROM persons p WHERE p.created_at <= @end ${onlyCountry}`,
    )
    .pluck()
    .all({ ...withCountry, end }) as string[];
  /** Age group of every supported person, for the events and handovers below. */
  const groupOf = new Map<string, number>();
  const formsCache = new Map<string, string[]>();
  const foreign = new Map<string, number>();
  const byCitizenship = new Map<string, number[]>();
  for (const packed of persons) {
    const [id, groupText, gender, nat, det, forms, day, ...phases] = packed.split('\x1f') as [string, string, string, string, string, string, string, ...string[]];
    if (closedBefore.has(id)) continue;
    const group = Number(groupText);
    groupOf.set(id, group);
    if (day >= from) registrations.add(day.slice(5, 7), group);
    sex.add(gender, group);
    detection.add(det, group);
    const list = parseForms(forms, formsCache);
    if (list.length === 0) exploitation.add('notRecorded', group);
    for (const f of list) exploitation.add(f, group);
    phases.forEach((ph) => ph !== '' && phase.add(ph, group));
    const counts = byCitizenship.get(nat) ?? AGE_GROUPS.map(() => 0);
    counts[group] = (counts[group] ?? 0) + 1;
    byCitizenship.set(nat, counts);
    if (nat !== '' && nat !== reportingCountry) foreign.set(nat, (foreign.get(nat) ?? 0) + 1);
  }
  // Files closed in the year, with the age group of their person.
  for (const [id, { day, reason }] of closing) {
    const group = groupOf.get(id);
    if (group !== undefined && day >= from && day <= to) closed.add(reason, group);
  }

  // The year's reflection periods and permits: the events of the wanted types (found in the index
  // procedure_events_statistics alone), each with its track's person, country and phase (from the
  // index tracks_statistics alone, which the planner is told to use: it would otherwise take the
  // primary key's index and then read the row), counted for the supported persons. One packed
  // string per event, as for the persons above.
  const wanted = countries.flatMap((c) => [REFLECTION_START[c], ...PERMIT_EVENTS[c]]);
  const events = client
    .prepare(
      `SELECT t.person_id || char(31) || t.country || char(31) || t.phase_id || char(31) || e.type
       FROM procedure_events e CROSS JOIN tracks t INDEXED BY tracks_statistics ON t.id = e.track_id
       WHERE e.removed_at IS NULL AND e.date >= @from AND e.date <= @to
         AND e.type IN (${wanted.map((_, i) => `@t${i}`).join(', ')}) ${country ? 'AND t.country = @country' : ''}`,
    )
    .pluck()
    .all({ ...withCountry, from, to, ...Object.fromEntries(wanted.map((w, i) => [`t${i}`, w])) }) as string[];
  for (const packed of events) {
    const [personId, c, phaseId, type] = packed.split('\x1f') as [string, Country, string, string];
    const group = groupOf.get(personId);
    if (group === undefined) continue;
    if (type === REFLECTION_START[c]) reflection.add(reflectionOutcome(phaseId), group);
    else permits.add(`${c}.${type}`, group);
  }

  const sent = client
    .prepare(
      `SELECT h.person_id, h.to_country FROM handovers h
       WHERE (SELECT substr(min(sp.created_at), 1, 10) FROM sent_packages sp WHERE sp.handover_id = h.id) BETWEEN @from AND @to`,
    )
    .raw()
    .all({ from, to }) as [string, Country][];
  const received = client
    .prepare(
      `SELECT i.person_id, i.sender_country FROM handover_imports i
       WHERE i.outcome = 'accepted' AND substr(i.imported_at, 1, 10) BETWEEN @from AND @to`,
    )
    .raw()
    .all({ from, to }) as [string, Country][];
  for (const [direction, rows] of [['sent', sent], ['received', received]] as const) {
    for (const [personId, c] of rows) {
      const group = groupOf.get(personId);
      if (group !== undefined) handovers.add(`${direction}.${c}`, group);
    }
  }

  // The most frequent foreign citizenships, listed alphabetically: an order by size would tell how
  // hidden rows compare.
  const listed = [...foreign.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CITIZENSHIPS)
    .map(([code]) => code)
    .sort();
  const listedSet = new Set(listed);
  const citizenship = new Counter('citizenship', ['national', ...listed, ...CITIZENSHIP_REST]);
  for (const [nat, counts] of byCitizenship) {
    const row = citizenshipRow(nat === '' ? [] : [nat], reportingCountry, listedSet);
    counts.forEach((n, group) => citizenship.add(row, group, n));
  }

  // Sex, citizenship and detection count each supported person once: their column totals and grand
  // total are the same cells (the minors, presumed minors and adults supported).
  const POPULATION = 'supported';
  return [
    sex.table(POPULATION),
    citizenship.table(POPULATION),
    exploitation.table(),
    detection.table(POPULATION),
    phase.table(),
    reflection.table(),
    permits.table(),
    handovers.table(),
    closed.table(),
    registrations.table(),
  ];
}
