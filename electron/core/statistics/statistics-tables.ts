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
import { AGE_GROUPS, type AgeGroup, type StatisticsQuery, type StatisticsTableId } from '../../../shared/statistics/statistics.schema';
import type { CountTable } from '../../../shared/statistics/suppression';

interface PersonStatRow {
  id: string;
  created_at: string;
  age_basis: 'exact' | 'approximate' | 'presumed';
  adult_from: string | null;
  gender: string;
  nationalities: string;
  detection: string | null;
  exploitation_forms: string;
  is_open: number;
}

/** Age group on the day of registration (shared/persons/minor-status.ts minorStatusOn, on that day). */
export function ageGroupAt(basis: PersonStatRow['age_basis'], adultFrom: string | null, day: string): AgeGroup {
  if (basis === 'presumed' || adultFrom === null) return 'presumedMinor';
  if (day >= adultFrom) return 'adult';
  return basis === 'exact' ? 'minor' : 'presumedMinor';
}

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
  add(row: string, age: AgeGroup): void {
    const r = this.index.get(row);
    if (r === undefined) return;
    const line = this.cells[r] as number[];
    const c = AGE_GROUPS.indexOf(age);
    line[c] = (line[c] as number) + 1;
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

function parseList(json: string | null): string[] {
  if (!json) return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function detectionBy(json: string | null): string {
  if (!json) return 'unknown';
  const v = JSON.parse(json) as { by?: unknown } | null;
  return typeof v?.by === 'string' ? v.by : 'unknown';
}

/** Every raw table of the year, in the order the report shows them. */
export function countYear(db: Db, query: StatisticsQuery, reportingCountry: Country): CountTable[] {
  const client = db.$client;
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const country = query.country;
  const onlyCountry = country ? 'AND EXISTS (SELECT 1 FROM tracks ct WHERE ct.person_id = p.id AND ct.country = @country)' : '';
  const params = country ? { country } : {};

  const persons = client
    .prepare(
      `SELECT p.id, p.created_at, p.age_basis, p.adult_from, p.gender, p.nationalities, p.detection, p.exploitation_forms, p.is_open
       FROM persons p WHERE p.created_at <= @end ${onlyCountry}`,
    )
    .all({ ...params, end: `${to}T99` }) as PersonStatRow[];

  // Closing day and reason of the closed files: the last event over their tracks (all terminal).
  const closing = new Map<string, { day: string; reason: string }>();
  const closedTracks = client
    .prepare(
      `SELECT t.person_id AS personId, t.phase_id AS phaseId, max(e.date) AS day
       FROM persons p JOIN tracks t ON t.person_id = p.id JOIN procedure_events e ON e.track_id = t.id
       WHERE p.is_open = 0 AND e.removed_at IS NULL GROUP BY t.id`,
    )
    .all() as { personId: string; phaseId: string; day: string }[];
  for (const t of closedTracks) {
    const seen = closing.get(t.personId);
    if (!seen || t.day > seen.day) closing.set(t.personId, { day: t.day, reason: closingReason(t.phaseId) ?? 'closed' });
  }

  const age = new Map<string, AgeGroup>();
  const supported: PersonStatRow[] = [];
  const registrations = new Counter('registrations', FIXED_ROWS.registrations);
  const closed = new Counter('closed', FIXED_ROWS.closed);
  for (const p of persons) {
    const day = p.created_at.slice(0, 10);
    const group = ageGroupAt(p.age_basis, p.adult_from, day);
    age.set(p.id, group);
    const close = p.is_open ? undefined : closing.get(p.id);
    if (close && close.day < from) continue;
    supported.push(p);
    if (day >= from) registrations.add(day.slice(5, 7), group);
    if (close && close.day <= to) closed.add(close.reason, group);
  }

  const sex = new Counter('sex', FIXED_ROWS.sex);
  const detection = new Counter('detection', FIXED_ROWS.detection);
  const exploitation = new Counter('exploitation', FIXED_ROWS.exploitation);
  const foreign = new Map<string, number>();
  const nationalitiesOf: string[][] = [];
  for (const p of supported) {
    const group = age.get(p.id) as AgeGroup;
    const nationalities = parseList(p.nationalities);
    nationalitiesOf.push(nationalities);
    sex.add(p.gender, group);
    detection.add(detectionBy(p.detection), group);
    const forms = parseList(p.exploitation_forms);
    if (forms.length === 0) exploitation.add('notRecorded', group);
    for (const f of forms) exploitation.add(f, group);
    const first = nationalities[0];
    if (first !== undefined && first !== reportingCountry) foreign.set(first, (foreign.get(first) ?? 0) + 1);
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
  supported.forEach((p, i) => {
    citizenship.add(citizenshipRow(nationalitiesOf[i] as string[], reportingCountry, listedSet), age.get(p.id) as AgeGroup);
  });

  // Phases and the year's events are counted over the supported persons' tracks.
  const inPopulation = new Set(supported.map((p) => p.id));
  const phase = new Counter('phase', phaseRows(country));
  const trackRows = client
    .prepare(`SELECT person_id AS personId, country, phase_id AS phaseId FROM tracks ${country ? 'WHERE country = @country' : ''}`)
    .all(params) as { personId: string; country: Country; phaseId: string }[];
  for (const t of trackRows) {
    if (inPopulation.has(t.personId)) phase.add(t.phaseId, age.get(t.personId) as AgeGroup);
  }

  const reflection = new Counter('reflection', FIXED_ROWS.reflection);
  const permits = new Counter('permits', permitRows(country));
  const countries = country ? [country] : (['BE', 'NL', 'LU'] as const);
  const wanted = countries.flatMap((c) => [REFLECTION_START[c], ...PERMIT_EVENTS[c]]);
  const events = client
    .prepare(
      `SELECT t.person_id AS personId, t.country, t.phase_id AS phaseId, e.type
       FROM procedure_events e JOIN tracks t ON t.id = e.track_id
       WHERE e.removed_at IS NULL AND e.date >= @from AND e.date <= @to
         AND e.type IN (${wanted.map((_, i) => `@t${i}`).join(', ')}) ${country ? 'AND t.country = @country' : ''}`,
    )
    .all({ ...params, from, to, ...Object.fromEntries(wanted.map((w, i) => [`t${i}`, w])) }) as {
    personId: string;
    country: Country;
    phaseId: string;
    type: string;
  }[];
  for (const e of events) {
    const group = age.get(e.personId);
    if (!group) continue;
    if (e.type === REFLECTION_START[e.country]) reflection.add(reflectionOutcome(e.phaseId), group);
    else permits.add(`${e.country}.${e.type}`, group);
  }

  const handovers = new Counter('handovers', FIXED_ROWS.handovers);
  const sent = client
    .prepare(
      `SELECT h.person_id AS personId, h.to_country AS toCountry, min(sp.created_at) AS at
       FROM handovers h JOIN sent_packages sp ON sp.handover_id = h.id GROUP BY h.id`,
    )
    .all() as { personId: string; toCountry: Country; at: string }[];
  for (const s of sent) {
    const group = age.get(s.personId);
    if (group && s.at.slice(0, 10) >= from && s.at.slice(0, 10) <= to) handovers.add(`sent.${s.toCountry}`, group);
  }
  const received = client
    .prepare(`SELECT person_id AS personId, sender_country AS fromCountry, imported_at AS at FROM handover_imports WHERE outcome = 'accepted' AND person_id IS NOT NULL`)
    .all() as { personId: string; fromCountry: Country; at: string }[];
  for (const r of received) {
    const group = age.get(r.personId);
    if (group && r.at.slice(0, 10) >= from && r.at.slice(0, 10) <= to) handovers.add(`received.${r.fromCountry}`, group);
  }

  // Sex, citizenship and detection count each supported person once: their column
  // totals and grand total are the same cells (the minors, presumed minors and adults supported).
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
