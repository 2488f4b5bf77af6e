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
  const closing = new Map<string, { day: string; reason: string; group: number }>();
  const closedTracks = client
    .prepare(
      `SELECT t.person_id, t.phase_id, (SELECT max(e.date) FROM procedure_events e WHERE e.track_id = t.id AND e.removed_at IS NULL), ${AGE_GROUP_SQL}
       FROM persons p JOIN tracks t ON t.person_id = p.id WHERE p.is_open = 0 AND p.created_at <= @end ${onlyCountry}`,
    )
    .raw()
    .all({ ...withCountry, end }) as [string, string, string | null, number][];
  for (const [personId, phaseId, day, group] of closedTracks) {
    if (day === null) continue;
    const seen = closing.get(personId);
    if (!seen || day > seen.day) closing.set(personId, { day, reason: closingReason(phaseId) ?? 'closed', group });
  }
  // Closed before the year: not supported in it. Passed to the grouped queries as a JSON list.
  const before = [...closing.entries()].filter(([, c]) => c.day < from).map(([id]) => id);
  const excluded = JSON.stringify(before);
  const population = `p.created_at <= @end AND p.id NOT IN (SELECT value FROM json_each(@excluded)) ${onlyCountry}`;

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
  const wanted = countries.flatMap((c) => [REFLECTION_START[c], ...PERMIT_EVENTS[c]]);
  const params = { ...withCountry, end, excluded, from, to, ...Object.fromEntries(wanted.map((w, i) => [`t${i}`, w])) };

  // One statement: the supported persons are read once into `pop` (the columns each table needs,
  // JSON read by SQLite), and every table is grouped by SQLite from it. Only the grouped counts
  // reach JavaScript, a few hundred rows instead of one per person. The phase of each track is
  // kept on the person's row (phase_be, phase_nl, phase_lu).
  const phaseParts = countries.map(
    (c) => `SELECT 'phase', phase_${c.toLowerCase()}, g, count(*) FROM pop WHERE phase_${c.toLowerCase()} IS NOT NULL GROUP BY 2, 3`,
  );
  const grouped = client
    .prepare(
      `WITH pop AS MATERIALIZED (
         SELECT p.id AS id, ${AGE_GROUP_SQL} AS g, p.gender AS gender, json_extract(p.nationalities, '$[0]') AS nat,
                json_extract(p.detection, '$.by') AS det, p.exploitation_forms AS forms, substr(p.created_at, 1, 10) AS day,
                p.phase_be AS phase_be, p.phase_nl AS phase_nl, p.phase_lu AS phase_lu
         FROM persons p WHERE ${population})
       SELECT 'sex', gender, g, count(*) FROM pop GROUP BY 2, 3
       UNION ALL SELECT 'detection', coalesce(det, 'unknown'), g, count(*) FROM pop GROUP BY 2, 3
       UNION ALL SELECT 'citizenship', nat, g, count(*) FROM pop GROUP BY 2, 3
       UNION ALL SELECT 'registrations', substr(day, 6, 2), g, count(*) FROM pop WHERE day >= @from GROUP BY 2, 3
       UNION ALL SELECT 'exploitation', CASE WHEN f.value IS NULL THEN 'notRecorded' ELSE f.value END, g, count(*)
                 FROM pop LEFT JOIN json_each(pop.forms) f GROUP BY 2, 3
       UNION ALL ${phaseParts.join(' UNION ALL ')}
       UNION ALL SELECT 'event', t.country || ' ' || t.phase_id || ' ' || e.type, pop.g, count(*)
                 FROM procedure_events e JOIN tracks t ON t.id = e.track_id JOIN pop ON pop.id = t.person_id
                 WHERE e.removed_at IS NULL AND e.date >= @from AND e.date <= @to
                   AND e.type IN (${wanted.map((_, i) => `@t${i}`).join(', ')}) ${country ? 'AND t.country = @country' : ''}
                 GROUP BY 2, 3
       UNION ALL SELECT 'sent', h.to_country, pop.g, count(*) FROM handovers h JOIN pop ON pop.id = h.person_id
                 WHERE (SELECT substr(min(sp.created_at), 1, 10) FROM sent_packages sp WHERE sp.handover_id = h.id) BETWEEN @from AND @to
                 GROUP BY 2, 3
       UNION ALL SELECT 'received', i.sender_country, pop.g, count(*) FROM handover_imports i JOIN pop ON pop.id = i.person_id
                 WHERE i.outcome = 'accepted' AND substr(i.imported_at, 1, 10) BETWEEN @from AND @to
                 GROUP BY 2, 3`,
    )
    .raw()
    .all(params) as [string, string | null, number, number][];

  const foreign = new Map<string, number>();
  const byCitizenship: [string | null, number, number][] = [];
  for (const [table, key, group, n] of grouped) {
    if (table === 'sex') sex.add(key ?? '', group, n);
    else if (table === 'detection') detection.add(key ?? 'unknown', group, n);
    else if (table === 'registrations') registrations.add(key ?? '', group, n);
    else if (table === 'exploitation') exploitation.add(key ?? 'notRecorded', group, n);
    else if (table === 'phase') phase.add(key ?? '', group, n);
    else if (table === 'sent') handovers.add(`sent.${key ?? ''}`, group, n);
    else if (table === 'received') handovers.add(`received.${key ?? ''}`, group, n);
    else if (table === 'citizenship') {
      byCitizenship.push([key, group, n]);
      if (key !== null && key !== reportingCountry) foreign.set(key, (foreign.get(key) ?? 0) + n);
    } else if (table === 'event' && key !== null) {
      const [c, phaseId, type] = key.split(' ') as [Country, string, string];
      if (type === REFLECTION_START[c]) reflection.add(reflectionOutcome(phaseId), group, n);
      else permits.add(`${c}.${type}`, group, n);
    }
  }
  // Files closed in the year, with the age group of their person.
  for (const { day, reason, group } of closing.values()) if (day >= from && day <= to) closed.add(reason, group);

  // The most frequent foreign citizenships, listed alphabetically: an order by size would tell how
  // hidden rows compare.
  const listed = [...foreign.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CITIZENSHIPS)
    .map(([code]) => code)
    .sort();
  const listedSet = new Set(listed);
  const citizenship = new Counter('citizenship', ['national', ...listed, ...CITIZENSHIP_REST]);
  for (const [nat, group, n] of byCitizenship) citizenship.add(citizenshipRow(nat === null ? [] : [nat], reportingCountry, listedSet), group, n);

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
