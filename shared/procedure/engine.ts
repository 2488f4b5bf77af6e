/**
 * The procedure engine: a pure function from a track (country, person facts, recorded events) to
 * its derived state (phase, due dates, warnings, what may come next). It knows no country: every
 * number, phase and condition comes from the rule tables in shared/rules/ (architecture.md
 * "Rules are data").
 *
 * Events are applied in date order; events of the same day in the country's procedural order of
 * event types, then by id, so the same events give the same state in whatever order they are stored.
 * An event the rules do not allow is not applied: it appears as an `eventRefused` warning (this only
 * happens with data recorded under other rules; `validateNewEvent` refuses it up front).
 */
import { AppError, type FieldIssue } from '../errors';
import { addPeriod, formatDate, type CalendarDate } from '../dates/calendar-date';
import { LANGUAGES, type Country, type Language } from '../domain';
import { COMMON_NOTICES, COMMON_RULES, FACTS_ON_EVENT_DAY, DUE_KIND_LABELS, WARNING_LABELS, type WarningCode } from '../rules/common.rules';
import { RULE_TABLES, type RuleTables } from '../rules/index';
import {
  DUE_KINDS,
  type CountryRules,
  type DueKind,
  type DueRule,
  type EventRule,
  type FactCondition,
  type FactName,
  type Guard,
  type Labels,
  type PhaseRule,
  type Quote,
  type Source,
} from '../rules/rule.types';
import { commonSources, sourcesOfTable } from '../rules/rule-sources';
import { citationIn, citationText } from '../rules/source';
import { eventSchemaFor, type EventType, type PhaseId, type ProcedureEvent, type ProcedureTrack, type TrackFacts } from './track.schema';

export interface EngineOptions {
  /** The rule tables to apply; default RULE_TABLES. */
  readonly rules?: RuleTables;
  /**
   * The day the state is looked at: only standing notices and `allowedNext` depend on it (facts such
   * as age are those of that day). Due dates never do: each event is judged with the facts of its own
   * date, so recording an event late gives the same dates as recording it on the day.
   * Default: the last event's date.
   */
  readonly today?: CalendarDate;
}

export interface PhaseView {
  readonly id: PhaseId;
  readonly label: Labels;
  readonly ruleId: string;
  readonly source: string;
  readonly step: number;
  readonly terminal: boolean;
  /** Date of the event that entered this phase; null for the initial phase. */
  readonly since: CalendarDate | null;
  readonly sinceEventId: string | null;
}

export interface DueDate {
  readonly kind: DueKind;
  readonly label: Labels;
  /** The date that counts: the entered document expiry if any, else the computed date. */
  readonly dueDate: CalendarDate;
  /** The date the rule gives; null when the rule has no fixed term (only an entered expiry). */
  readonly computedDate: CalendarDate | null;
  /** The expiry printed on the document, as entered by staff. */
  readonly enteredDate: CalendarDate | null;
  /** An estimate until the document itself is recorded. */
  readonly provisional: boolean;
  /** The legal term is a maximum: the document may legally expire earlier. */
  readonly periodIsMaximum: boolean;
  /**
   * What the date rests on: 'exact' (the brochure fixes the term), 'maximum' (a legal maximum; the
   * document may end sooner), 'estimate' (the app's assumption) or 'document' (the printed expiry
   * entered by staff). An 'estimate' or 'maximum' invites staff to enter the printed expiry.
   */
  readonly basis: DueBasis;
  /** The act the deadline runs from. */
  readonly fromEventId: string;
  readonly fromEventType: EventType;
  readonly actDate: CalendarDate;
  /** The day the term is counted from: the act's date, or the renewed document's expiry. */
  readonly runsFrom: CalendarDate;
  readonly ruleId: string;
  readonly source: string;
}

export const DUE_BASES = ['exact', 'maximum', 'estimate', 'document'] as const;
export type DueBasis = (typeof DUE_BASES)[number];

export interface TrackWarning {
  readonly code: WarningCode;
  readonly eventId: string | null;
  readonly ruleId: string;
  readonly source: string;
  readonly params: Readonly<Record<string, string>>;
  /** The message in every UI language, dates formatted dd-mm-yyyy. */
  readonly message: Labels;
}

/** Why an event is refused: the rule it breaks. */
export interface Refusal {
  readonly ruleId: string;
  readonly source: string;
  /** The broken rule as a sentence in every UI language. */
  readonly message: Labels;
}

export interface EventOutcome {
  readonly eventId: string;
  readonly type: EventType;
  readonly date: CalendarDate;
  readonly label: Labels;
  readonly ruleId: string;
  readonly source: string;
  readonly phaseBefore: PhaseId;
  readonly phaseAfter: PhaseId;
  /** Non-null when the event was not applied. */
  readonly refusal: Refusal | null;
}

export interface TrackState {
  readonly country: Country;
  readonly phase: PhaseView;
  /** Running deadlines of the current phase, earliest first. */
  readonly dueDates: readonly DueDate[];
  readonly warnings: readonly TrackWarning[];
  /** Event types that may be recorded next (dated on or after `lastEventDate`), in procedural order. */
  readonly allowedNext: readonly EventType[];
  /** Ids of the condition checklists shown in the current phase. */
  readonly checklists: readonly string[];
  readonly lastEventDate: CalendarDate | null;
  /** Every event in the order applied, for the timeline. */
  readonly history: readonly EventOutcome[];
  /**
   * The day the person came of age, when that happened after the first event and by `today`: every
   * date earned before stays (each event was judged on its own day).
   */
  readonly cameOfAgeOn: CalendarDate | null;
  /** What the current phase gives the person and who must be informed or consulted (facts of today). */
  readonly phaseInfo: readonly PhaseInfoView[];
}

export interface PhaseInfoView {
  readonly id: string;
  readonly kind: 'right' | 'mustInform';
  readonly label: Labels;
  readonly quote: Quote;
  readonly source: string;
}

interface EngineEvent {
  readonly id: string;
  readonly type: string;
  readonly date: CalendarDate;
  readonly documentExpiry?: CalendarDate | undefined;
}

interface OpenDue {
  kind: DueKind;
  dueDate: CalendarDate;
  computedDate: CalendarDate | null;
  enteredDate: CalendarDate | null;
  provisional: boolean;
  periodIsMaximum: boolean;
  basis: DueBasis;
  fromEventId: string;
  fromEventType: string;
  actDate: CalendarDate;
  runsFrom: CalendarDate;
  ruleId: string;
  source: string;
  activeIn: readonly string[];
}

interface ReplayState {
  phase: string;
  since: CalendarDate | null;
  sinceEventId: string | null;
  counts: Map<string, number>;
  open: Map<DueKind, OpenDue>;
  warnings: TrackWarning[];
  history: EventOutcome[];
  lastDate: CalendarDate | null;
}

export type Facts = Readonly<Record<FactName, boolean>>;

/** Whether the person was a minor on `date` (null: no date to judge, `isMinor` holds). */
function minorOn(facts: TrackFacts, date: CalendarDate | null): boolean {
  if (facts.adultFrom) return date === null ? facts.isMinor : date < facts.adultFrom;
  if (facts.adultFrom === null) return false;
  return facts.isMinor;
}

/**
 * The facts the rules read on `date` in `country` (docs/legal-rules.md "Facts as they stood on the
 * day"). Age is judged on that day; the presumption of minority applies when the age is in doubt and
 * either the country's law presumes it (Luxembourg) or the organisation's policy does.
 */
export function resolveFactsOn(facts: TrackFacts, country: Country, date: CalendarDate | null, options?: EngineOptions): Facts {
  const table = (options?.rules ?? RULE_TABLES)[country];
  const doubt = facts.ageInDoubt ?? false;
  const policy = facts.presumeMinorityWhenInDoubt ?? true;
  const minor = minorOn(facts, date);
  const presumedByLaw = doubt && table.presumptionOfMinority.isLaw;
  const presumedMinor = minor || presumedByLaw || (doubt && policy);
  const status = facts.residenceStatus ?? (facts.thirdCountryNational ? 'thirdCountryNoStatus' : 'euCitizen');
  const national = (facts.nationalOf ?? []).includes(country);
  const thirdCountryNational = status === 'thirdCountryNoStatus' ? true : status === 'euCitizen' ? false : facts.thirdCountryNational;
  return {
    presumedMinor,
    unaccompaniedMinor: presumedMinor && (facts.unaccompanied ?? false),
    ageInDoubt: doubt,
    thirdCountryNational,
    euCitizen: status === 'euCitizen' && !national,
    withoutResidenceStatus: status === 'thirdCountryNoStatus' && !national,
    lawfulResident: status === 'lawfulResident' || national,
    parentalConflict: facts.parentalConflict ?? false,
    parentsArePerpetrators: facts.parentsArePerpetrators ?? false,
    dateOfBirthMissing: facts.dateOfBirthRecorded === false && !doubt,
    presumedMinorByPolicy: presumedMinor && !minor && !presumedByLaw,
  };
}

/** The facts with no date to judge age on (kept for callers that have none). */
export function resolveFacts(facts: TrackFacts, country: Country = 'BE'): Facts {
  return resolveFactsOn(facts, country, null);
}

function holds(conditions: readonly FactCondition[] | undefined, facts: Facts): boolean {
  return (conditions ?? []).every((c) => facts[c.fact] === c.is);
}

/**
 * The version of an event type's rule in force on `date`: the one with the latest effectiveFrom on
 * or before it. `inForce` is false when the date precedes every version (the earliest is returned).
 */
export function ruleVersionFor(
  table: CountryRules,
  type: string,
  date: CalendarDate,
): { rule: EventRule<string, string>; inForce: boolean } | null {
  const versions = versionsOf(table).get(type);
  if (!versions || versions.length === 0) return null;
  let found: EventRule<string, string> | null = null;
  for (const rule of versions) if (rule.effectiveFrom <= date) found = rule;
  if (found) return { rule: found, inForce: true };
  return { rule: versions[0] as EventRule<string, string>, inForce: false };
}

/** Each table's event rules by type, oldest version first (computed once per table object). */
const versionCache = new WeakMap<CountryRules, Map<string, EventRule<string, string>[]>>();

function versionsOf(table: CountryRules): Map<string, EventRule<string, string>[]> {
  let byType = versionCache.get(table);
  if (!byType) {
    byType = new Map();
    for (const rule of table.events) byType.set(rule.type, [...(byType.get(rule.type) ?? []), rule]);
    for (const list of byType.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    versionCache.set(table, byType);
  }
  return byType;
}

/** Date order; same day: the country's procedural order of types; then id. Deterministic. */
export function compareEvents(table: CountryRules, a: EngineEvent, b: EngineEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const rank = (t: string): number => {
    const i = table.eventTypes.indexOf(t);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const byType = rank(a.type) - rank(b.type);
  if (byType !== 0) return byType;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortEvents<E extends EngineEvent>(country: Country, events: readonly E[], options?: EngineOptions): E[] {
  const table = (options?.rules ?? RULE_TABLES)[country];
  return [...events].sort((a, b) => compareEvents(table, a, b));
}

function phaseRule(table: CountryRules, phase: string): PhaseRule<string> {
  const found = table.phases.find((p) => p.phase === phase);
  if (!found) throw new Error(`Rule table ${table.country} has no phase ${phase}`);
  return found;
}

function mapLabels(f: (lang: Language) => string): Labels {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, f(lang)])) as Record<Language, string>;
}

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => params[name] ?? whole);
}

function warning(
  code: WarningCode,
  eventId: string | null,
  rule: { id: string; source: string | Source },
  params: Record<string, string>,
  localized?: (lang: Language) => Record<string, string>,
): TrackWarning {
  return {
    code,
    eventId,
    ruleId: rule.id,
    source: typeof rule.source === 'string' ? rule.source : citationText(rule.source),
    params,
    message: mapLabels((lang) => fill(WARNING_LABELS[code][lang], { ...params, ...localized?.(lang) })),
  };
}

const display = (d: CalendarDate): string => formatDate(d);

function phaseRefusal(table: CountryRules, phase: string, rule: EventRule<string, string> | null, type: string): Refusal {
  const p = phaseRule(table, phase);
  return {
    ruleId: COMMON_RULES.allowedEvents.id,
    source: `${citationText(p.source)} (phase ${p.phase})`,
    message: mapLabels((lang) =>
      fill(COMMON_RULES.allowedEvents.refusal[lang], { event: rule?.label[lang] ?? type, phase: p.label[lang] }),
    ),
  };
}

/**
 * The refusal's source in `lang`: the brochure's words translated when the refusal cites its rule's own
 * source (a guard), else the one-line text (a phase refusal cites the phase, with no quote).
 */
function refusalSourceIn(refusal: Refusal, lang: Language, table: CountryRules): string {
  const source = [...sourcesOfTable(table), ...commonSources()].find((s) => s.id === refusal.ruleId)?.source;
  return source && citationText(source) === refusal.source ? citationIn(source, lang) : refusal.source;
}

function guardRefusal(guard: Guard<string, string>): Refusal {
  return { ruleId: guard.id, source: citationText(guard.source), message: guard.refusal };
}

function count(state: ReplayState, type: string): number {
  return state.counts.get(type) ?? 0;
}

function violates(guard: Guard<string, string>, state: ReplayState, facts: Facts, date: CalendarDate | null): boolean {
  switch (guard.kind) {
    case 'never':
      return true;
    case 'maxPerTrack':
      return guard.counting.reduce((n, t) => n + count(state, t), 0) >= guard.count;
    case 'requiresFact':
      return (!guard.inPhases || guard.inPhases.includes(state.phase)) && facts[guard.condition.fact] !== guard.condition.is;
    case 'requiresPrior':
      return holds(guard.when, facts) && count(state, guard.eventType) === 0;
    case 'forbiddenAfter':
      return count(state, guard.eventType) > 0;
    case 'notBeforeDue': {
      const open = state.open.get(guard.due);
      return open !== undefined && (date === null || date < open.dueDate);
    }
  }
}

/** Why an event is refused, before it is put into words (allowedNext only needs to know whether). */
type Breach = { readonly guard: Guard<string, string> } | { readonly phase: string; readonly rule: EventRule<string, string> | null; readonly type: string };

/** The rule an event of `type` breaks in `state`, or null when it may be recorded. */
function check(
  table: CountryRules,
  state: ReplayState,
  type: string,
  rule: EventRule<string, string> | null,
  facts: Facts,
  date: CalendarDate | null,
): Breach | null {
  if (!rule) return { phase: state.phase, rule: null, type };
  const allowedHere = rule.allowedIn.includes(state.phase);
  // In a terminal phase (ended, returned, closed) the phase itself is the reason.
  if (phaseRule(table, state.phase).terminal && !allowedHere) return { phase: state.phase, rule, type };
  for (const guard of rule.guards ?? []) {
    if (violates(guard, state, facts, date)) return { guard };
  }
  return allowedHere ? null : { phase: state.phase, rule, type };
}

function describeBreach(table: CountryRules, breach: Breach): Refusal {
  return 'guard' in breach ? guardRefusal(breach.guard) : phaseRefusal(table, breach.phase, breach.rule, breach.type);
}

function isShown(due: OpenDue, phase: string): boolean {
  return due.activeIn.includes(phase);
}

function openDue(state: ReplayState, event: EngineEvent, due: DueRule<string>, acceptExpiry: (ok: boolean) => void): void {
  const prev = state.open.get(due.kind);
  if (due.provisional && prev) return;
  if (due.sameAs) {
    const target = state.open.get(due.sameAs);
    if (!target) {
      state.open.delete(due.kind);
      return;
    }
    state.open.set(due.kind, {
      ...target,
      kind: due.kind,
      provisional: Boolean(due.provisional) || target.provisional,
      basis: due.provisional ? 'estimate' : target.basis,
      ruleId: due.id,
      source: citationText(due.source),
      activeIn: due.activeIn,
    });
    return;
  }
  // Every term runs from the act, a renewal's too: a renewed document never runs past the renewal's
  // date plus the legal period (docs/legal-rules.md "Renewals").
  const runsFrom = event.date;
  const computed = due.period ? addPeriod(runsFrom, due.period) : null;
  let entered: CalendarDate | null = null;
  if (due.acceptsDocumentExpiry && event.documentExpiry) {
    acceptExpiry(true);
    entered = event.documentExpiry;
    if (entered < event.date) {
      state.warnings.push(
        warning('documentExpiryBeforeAct', event.id, due, { entered: display(entered), computed: computed ? display(computed) : '-' }),
      );
      entered = null;
    } else if (computed && entered !== computed) {
      state.warnings.push(
        warning('documentExpiryDiffers', event.id, due, {
          kind: due.kind,
          entered: display(entered),
          computed: display(computed),
          direction: entered < computed ? 'earlier' : 'later',
        }),
      );
    }
  }
  const dueDate = entered ?? computed;
  if (!dueDate) {
    state.open.delete(due.kind);
    return;
  }
  state.open.set(due.kind, {
    kind: due.kind,
    dueDate,
    computedDate: computed,
    enteredDate: entered,
    provisional: Boolean(due.provisional),
    periodIsMaximum: Boolean(due.periodIsMaximum),
    basis: entered ? 'document' : due.provisional ? 'estimate' : (due.basis ?? (due.periodIsMaximum ? 'maximum' : 'exact')),
    fromEventId: event.id,
    fromEventType: event.type,
    actDate: event.date,
    runsFrom,
    ruleId: due.id,
    source: citationText(due.source),
    activeIn: due.activeIn,
  });
}

function apply(state: ReplayState, event: EngineEvent, rule: EventRule<string, string>, facts: Facts): void {
  // An act that ends or renews a running deadline after that deadline passed is late.
  const late = new Set<DueKind>(rule.closes ?? []);
  for (const due of rule.opens ?? []) if (due.renewal && holds(due.when, facts)) late.add(due.kind);
  for (const kind of late) {
    const open = state.open.get(kind);
    if (open && isShown(open, state.phase) && event.date > open.dueDate) {
      state.warnings.push(
        warning('lateAct', event.id, { id: open.ruleId, source: open.source }, { kind, date: display(event.date), dueDate: display(open.dueDate) }),
      );
    }
  }
  for (const kind of rule.closes ?? []) state.open.delete(kind);
  if (rule.to && rule.to !== state.phase) {
    state.phase = rule.to;
    state.since = event.date;
    state.sinceEventId = event.id;
  }
  let expiryUsed = false;
  for (const due of rule.opens ?? []) {
    if (!holds(due.when, facts)) continue;
    openDue(state, event, due, (ok) => (expiryUsed ||= ok));
  }
  if (event.documentExpiry && !expiryUsed) {
    state.warnings.push(warning('documentExpiryIgnored', event.id, rule, { entered: display(event.documentExpiry) }));
  }
  state.counts.set(event.type, count(state, event.type) + 1);
}

interface Replay {
  readonly state: ReplayState;
  readonly refused: ReadonlyMap<string, Refusal>;
}

function replay(table: CountryRules, factsOn: (date: CalendarDate) => Facts, events: readonly EngineEvent[]): Replay {
  const state: ReplayState = {
    phase: table.initialPhase,
    since: null,
    sinceEventId: null,
    counts: new Map(),
    open: new Map(),
    warnings: [],
    history: [],
    lastDate: null,
  };
  const refused = new Map<string, Refusal>();
  for (const event of [...events].sort((a, b) => compareEvents(table, a, b))) {
    const version = ruleVersionFor(table, event.type, event.date);
    const rule = version?.rule ?? null;
    const phaseBefore = state.phase;
    // The facts as they stood on the event's day (age on that day), whenever it is recorded.
    const facts = factsOn(event.date);
    const breach = check(table, state, event.type, rule, facts, event.date);
    const refusal = breach ? describeBreach(table, breach) : null;
    if (version && !version.inForce) {
      state.warnings.push(
        warning('ruleNotInForce', event.id, version.rule, { date: display(event.date), effectiveFrom: display(version.rule.effectiveFrom) }),
      );
    }
    if (refusal) {
      refused.set(event.id, refusal);
      state.warnings.push(
        warning('eventRefused', event.id, { id: refusal.ruleId, source: refusal.source }, { rule: refusal.message.en, source: refusal.source }, (lang) => ({
          rule: refusal.message[lang],
          source: refusalSourceIn(refusal, lang, table),
        })),
      );
    } else if (rule) {
      apply(state, event, rule, facts);
    }
    state.lastDate = event.date;
    state.history.push({
      eventId: event.id,
      type: event.type as EventType,
      date: event.date,
      label: rule?.label ?? mapLabels(() => event.type),
      ruleId: rule?.id ?? COMMON_RULES.allowedEvents.id,
      source: citationText(rule?.source ?? COMMON_RULES.allowedEvents.source),
      phaseBefore: phaseBefore as PhaseId,
      phaseAfter: state.phase as PhaseId,
      refusal,
    });
  }
  return { state, refused };
}

function latestVersion(table: CountryRules, type: string, date: CalendarDate | null): EventRule<string, string> | null {
  if (date) return ruleVersionFor(table, type, date)?.rule ?? null;
  const versions = versionsOf(table).get(type);
  return versions?.[versions.length - 1] ?? null;
}

interface ViewFacts {
  readonly today: CalendarDate | null;
  readonly facts: Facts;
  readonly adultFrom: CalendarDate | null;
}

function toTrackState(table: CountryRules, view: ViewFacts, { state }: Replay): TrackState {
  const { facts, today } = view;
  const phase = phaseRule(table, state.phase);
  const dueDates: DueDate[] = [...state.open.values()]
    .filter((due) => isShown(due, state.phase))
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind)))
    .map((due) => ({
      kind: due.kind,
      label: DUE_KIND_LABELS[due.kind],
      dueDate: due.dueDate,
      computedDate: due.computedDate,
      enteredDate: due.enteredDate,
      provisional: due.provisional,
      periodIsMaximum: due.periodIsMaximum,
      basis: due.basis,
      fromEventId: due.fromEventId,
      fromEventType: due.fromEventType as EventType,
      actDate: due.actDate,
      runsFrom: due.runsFrom,
      ruleId: due.ruleId,
      source: due.source,
    }));

  const warnings = [...state.warnings];
  const noticed = new Set<string>();
  for (const notice of table.notices) {
    if (noticed.has(notice.code)) continue;
    if (!notice.activeIn.includes(state.phase) || !holds(notice.when, facts)) continue;
    if (notice.unlessEvent.some((t) => count(state, t) > 0)) continue;
    noticed.add(notice.code);
    const w = warning(notice.code, null, notice, {});
    warnings.push(notice.message ? { ...w, message: notice.message } : w);
  }
  const phase0 = phaseRule(table, state.phase);
  if (!phase0.terminal) {
    for (const common of COMMON_NOTICES) {
      if (noticed.has(common.code) || !holds(common.when, facts)) continue;
      noticed.add(common.code);
      warnings.push(warning(common.code, null, common, {}));
    }
  }
  const firstDate = state.history[0]?.date ?? null;
  const cameOfAgeOn =
    view.adultFrom && firstDate && today && firstDate < view.adultFrom && view.adultFrom <= today ? view.adultFrom : null;
  if (cameOfAgeOn) warnings.push(warning('cameOfAge', null, FACTS_ON_EVENT_DAY, { date: display(cameOfAgeOn) }));

  const nextDate = today ?? state.lastDate;
  const allowedNext = table.eventTypes.filter(
    (type) => check(table, state, type, latestVersion(table, type, state.lastDate), facts, nextDate) === null,
  ) as EventType[];

  return {
    country: table.country,
    phase: {
      id: phase.phase as PhaseId,
      label: phase.label,
      ruleId: phase.id,
      source: citationText(phase.source),
      step: phase.step,
      terminal: phase.terminal,
      since: state.since,
      sinceEventId: state.sinceEventId,
    },
    dueDates,
    warnings,
    allowedNext,
    checklists: table.checklists.filter((c) => c.activeIn.includes(state.phase)).map((c) => c.id),
    lastEventDate: state.lastDate,
    history: state.history,
    cameOfAgeOn,
    phaseInfo: table.phaseInfo
      .filter((p) => p.activeIn.includes(state.phase) && holds(p.when, facts))
      .map((p) => ({ id: p.id, kind: p.kind, label: p.label, quote: p.quote, source: citationText(p.source) })),
  };
}

function viewFacts(track: ProcedureTrack, lastDate: CalendarDate | null, options?: EngineOptions): ViewFacts {
  const today = options?.today ?? lastDate;
  return {
    today,
    facts: resolveFactsOn(track.facts, track.country, today, options),
    adultFrom: track.facts.adultFrom ?? null,
  };
}

function lastDateOf(events: readonly EngineEvent[]): CalendarDate | null {
  return events.reduce<CalendarDate | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
}

/** The derived state of a track. Pure: the same track gives the same state, whatever the event order. */
export function deriveTrackState(track: ProcedureTrack, options?: EngineOptions): TrackState {
  const table = (options?.rules ?? RULE_TABLES)[track.country];
  const factsOn = (date: CalendarDate) => resolveFactsOn(track.facts, track.country, date, options);
  return toTrackState(table, viewFacts(track, lastDateOf(track.events), options), replay(table, factsOn, track.events));
}

function ruleViolation(refusal: Refusal): AppError {
  return new AppError(
    'RULE_VIOLATION',
    'ruleViolation',
    {
      rule: refusal.message.en,
      source: refusal.source,
      ruleId: refusal.ruleId,
      rule_nl: refusal.message.nl,
      rule_fr: refusal.message.fr,
    },
    { source: refusal.source },
  );
}

function validationError(fields: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'validation', undefined, { fields });
}

/**
 * Checks that `event` may be added to `track` and returns the state with it. Throws AppError:
 * VALIDATION when the event is malformed (unknown type for the country, bad date, expiry before the
 * act, duplicate id); RULE_VIOLATION, citing the rule and its source, when the rules forbid it
 * (dated before the last event, not possible in the current phase, a guard of the rule tables such as
 * extending a Belgian reflection period or renewing an attestation of immatriculation twice).
 */
export function validateNewEvent(track: ProcedureTrack, event: ProcedureEvent, options?: EngineOptions): TrackState {
  const table = (options?.rules ?? RULE_TABLES)[track.country];
  const parsed = eventSchemaFor(track.country).safeParse(event);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
    );
  }
  const added: EngineEvent = parsed.data;
  const existing: readonly EngineEvent[] = track.events;
  if (existing.some((e) => e.id === added.id)) {
    throw validationError([{ path: 'id', code: 'duplicate', message: `An event with id ${added.id} is already recorded` }]);
  }
  const last = existing.reduce<CalendarDate | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
  if (last !== null && added.date < last) {
    const rule = COMMON_RULES.chronology;
    throw ruleViolation({
      ruleId: rule.id,
      source: citationText(rule.source),
      message: mapLabels((lang) => fill(rule.refusal[lang], { last: display(last) })),
    });
  }
  const factsOn = (date: CalendarDate) => resolveFactsOn(track.facts, track.country, date, options);
  const before = replay(table, factsOn, existing);
  const after = replay(table, factsOn, [...existing, added]);
  const own = after.refused.get(added.id);
  if (own) throw ruleViolation(own);
  // A same-day event sorted before others must not make an already accepted event impossible.
  for (const [id, refusal] of after.refused) {
    if (!before.refused.has(id)) throw ruleViolation(refusal);
  }
  return toTrackState(table, viewFacts(track, lastDateOf([...existing, added]), options), after);
}

/** The event types that may be recorded next. */
export function allowedNextEvents(track: ProcedureTrack, options?: EngineOptions): readonly EventType[] {
  return deriveTrackState(track, options).allowedNext;
}
