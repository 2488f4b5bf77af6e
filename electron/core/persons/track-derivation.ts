/**
 * From stored events to stored derived state: the pure engine derives each track;
 * this module writes what lists and the deadline query need (track phase and next due date, every
 * running due date in track_due_dates, the person's phases and overall next deadline).
 */
import type { Db } from '../../../db/connection';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { ProcedureRepo, type DueDateRow, type EventRow, type TrackRow } from '../../../db/procedure.repo';
import { UsersRepo } from '../../../db/users.repo';
import { addYears, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { Country } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { evaluateChecklist } from '../../../shared/procedure/checklist';
import { deriveTrackState, type Refusal, type TrackState } from '../../../shared/procedure/engine';
import { missingDocumentExpiry } from '../../../shared/procedure/missing-expiry';
import type { CompleteTrackFacts, ProcedureEvent, ProcedureTrack, ResidenceStatus, TrackFacts } from '../../../shared/procedure/track.schema';
import { defaultResidenceStatus } from '../../../shared/persons/residence-status';
import { EU_EEA_CH_CODES, type IsoCountryCode } from '../../../shared/persons/iso-codes';
import { AGE_OF_MAJORITY, minorStatusOn } from '../../../shared/persons/minor-status';
import type { ChecklistView, RecordedEvent, TrackView } from '../../../shared/persons/procedure.schema';
import { RULE_TABLES, RULES_VERSION, citationText, type ChecklistItemStatus } from '../../../shared/rules/index';
import { SettingsRepo } from '../../../db/settings.repo';

/**
 * The person facts the rules read. Age is given as the 18th birthday (`adultFrom`, from an exact or
 * approximate date of birth) so the engine judges each event on its own date; `isMinor` is the status
 * on `today` (for callers that look at today only). A disputed date or a recorded doubt is "age in
 * doubt"; no date of birth and no doubt is a gap (docs/legal-rules.md "Minors"). A person with no
 * recorded nationality counts as a third-country national: the stricter rules apply until one is known.
 * `presumeMinority` is the organisation's policy for a person of doubtful age (on by default).
 */
/** The columns of a person the rules read: a stored row, or one about to be inserted (the spreadsheet import). */
export type PersonFactsRow = Pick<PersonRow, 'nationalities' | 'unaccompanied' | 'ageBasis' | 'ageInDoubt'> &
  Partial<Pick<PersonRow, 'dob' | 'dobPrecision' | 'adultFrom' | 'residenceStatus' | 'parentalConflict' | 'parentsArePerpetrators'>>;

export function trackFactsOf(row: PersonFactsRow, today: CalendarDate, presumeMinority = true): CompleteTrackFacts {
  const nationalities = row.nationalities as IsoCountryCode[];
  const thirdCountryNational = nationalities.length === 0 || nationalities.every((n) => !EU_EEA_CH_CODES.includes(n));
  const doubt = row.ageInDoubt || row.dobPrecision === 'disputed';
  const adultFrom = !doubt && row.dob ? addYears(row.dob, AGE_OF_MAJORITY) : null;
  const stored: ResidenceStatus | null = row.residenceStatus ?? null;
  return {
    isMinor: adultFrom !== null ? today < adultFrom : minorStatusOn({ basis: row.ageBasis, adultFrom: row.adultFrom ?? null }, today) === 'minor',
    adultFrom,
    dateOfBirthRecorded: row.dob !== null && row.dob !== undefined,
    ageInDoubt: doubt,
    presumeMinorityWhenInDoubt: presumeMinority,
    unaccompanied: row.unaccompanied,
    thirdCountryNational,
    residenceStatus: stored ?? defaultResidenceStatus(thirdCountryNational),
    nationalOf: (['BE', 'NL', 'LU'] as const).filter((c) => nationalities.includes(c as IsoCountryCode)),
    parentalConflict: row.parentalConflict ?? false,
    parentsArePerpetrators: row.parentsArePerpetrators ?? false,
  };
}

export function engineEvent(e: Pick<EventRow, 'id' | 'type' | 'date' | 'documentExpiry' | 'revocationGround'>): ProcedureEvent {
  const out: Record<string, unknown> = { id: e.id, type: e.type, date: e.date };
  if (e.documentExpiry) out.documentExpiry = e.documentExpiry;
  if (e.revocationGround) out.revocationGround = e.revocationGround;
  return out as unknown as ProcedureEvent;
}

export function engineTrack(
  country: Country,
  facts: TrackFacts,
  events: readonly Pick<EventRow, 'id' | 'type' | 'date' | 'documentExpiry' | 'revocationGround'>[],
): ProcedureTrack {
  return { country, facts, events: events.map(engineEvent) } as ProcedureTrack;
}

/** The running due dates of a state: none once the track is closed (terminal phase). */
export function runningDueDates(state: TrackState): TrackState['dueDates'] {
  return state.phase.terminal ? [] : state.dueDates;
}

/** Rows for track_due_dates (the engine keeps one due date per kind). */
export function dueDateRows(track: Pick<TrackRow, 'id' | 'personId' | 'country'>, state: TrackState): DueDateRow[] {
  return runningDueDates(state).map((d) => ({
    trackId: track.id,
    personId: track.personId,
    country: track.country,
    kind: d.kind,
    dueDate: d.dueDate,
    phaseId: state.phase.id,
    basis: d.basis,
  }));
}

export function trackDerivedColumns(
  state: TrackState,
  now: string,
): Pick<TrackRow, 'phaseId' | 'closed' | 'nextDueDate' | 'nextDueKind' | 'missingExpiryKind' | 'derivedAt' | 'rulesVersion'> {
  const next = runningDueDates(state)[0];
  return {
    phaseId: state.phase.id,
    closed: state.phase.terminal,
    nextDueDate: next?.dueDate ?? null,
    nextDueKind: next?.kind ?? null,
    missingExpiryKind: missingDocumentExpiry(state)?.kind ?? null,
    derivedAt: now,
    rulesVersion: RULES_VERSION,
  };
}

/** Stores a track's derived state and its due dates. */
export function storeTrackState(repo: ProcedureRepo, track: TrackRow, state: TrackState, now: string): TrackRow {
  const derived = trackDerivedColumns(state, now);
  repo.setTrackDerived(track.id, derived);
  repo.replaceDueDates(track.id, dueDateRows(track, state));
  return { ...track, ...derived };
}

/** The person's columns derived from their tracks' stored state. */
export function personDerivedFrom(
  tracks: readonly (Pick<TrackRow, 'country' | 'phaseId' | 'closed' | 'nextDueDate' | 'nextDueKind'> & { missingExpiryKind?: string | null })[],
) {
  const phase = (c: Country) => tracks.find((t) => t.country === c)?.phaseId ?? null;
  let next: { date: CalendarDate; kind: string; country: Country } | null = null;
  for (const t of tracks) {
    if (t.closed || !t.nextDueDate || !t.nextDueKind) continue;
    if (!next || t.nextDueDate < next.date) next = { date: t.nextDueDate, kind: t.nextDueKind, country: t.country };
  }
  return {
    phaseBe: phase('BE'),
    phaseNl: phase('NL'),
    phaseLu: phase('LU'),
    isOpen: tracks.length === 0 || tracks.some((t) => !t.closed),
    nextDueDate: next?.date ?? null,
    nextDueKind: next?.kind ?? null,
    nextDueCountry: next?.country ?? null,
    missingExpiryCountry: tracks.find((t) => !t.closed && t.missingExpiryKind)?.country ?? null,
  };
}

export function rollUpPerson(db: Db, personId: string): void {
  new PersonsRepo(db).setDerived(personId, personDerivedFrom(new ProcedureRepo(db).tracksOf(personId)));
}

/** The organisation setting: a person of doubtful age is presumed a minor (on by default). */
export const SETTING_PRESUME_MINORITY = 'rules.presumeMinorityWhenInDoubt';

export function presumeMinorityPolicy(db: Db): boolean {
  return new SettingsRepo(db).get(SETTING_PRESUME_MINORITY) !== false;
}

/** The facts of a person with the organisation's policy applied. */
export function personTrackFacts(db: Db, row: PersonRow, today: CalendarDate): CompleteTrackFacts {
  return trackFactsOf(row, today, presumeMinorityPolicy(db));
}

/** Re-derives every track of a person (after a change of the facts the rules read) and the person row. */
export function rederivePerson(db: Db, person: PersonRow, today: CalendarDate, now: string): void {
  const repo = new ProcedureRepo(db);
  const facts = personTrackFacts(db, person, today);
  for (const track of repo.tracksOf(person.id)) {
    storeTrackState(repo, track, deriveTrackState(engineTrack(track.country, facts, repo.events(track.id)), { today }), now);
  }
  rollUpPerson(db, person.id);
}

/** A refusal as the engine reports one (same params as validateNewEvent's RULE_VIOLATION). */
export function ruleViolation(refusal: Refusal): AppError {
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

function recorded(e: EventRow): RecordedEvent {
  return {
    id: e.id,
    type: e.type,
    date: e.date,
    documentExpiry: e.documentExpiry ?? null,
    revocationGround: (e.revocationGround ?? null) as RecordedEvent['revocationGround'],
    recordedAt: e.recordedAt,
    recordedBy: e.recordedBy ?? null,
  };
}

/** The track as the person page shows it: events, derived state, the current phase's checklists with answers. */
export function trackView(db: Db, track: TrackRow, events: readonly EventRow[], state: TrackState): TrackView {
  const repo = new ProcedureRepo(db);
  const answers = repo.answers(track.id);
  const versions = new Map(repo.checklistVersions(track.id).map((v) => [v.checklistId, v.version]));
  const users = new UsersRepo(db);
  const names = new Map<string, string | null>();
  const nameOf = (id: string | null) => {
    if (!id) return null;
    if (!names.has(id)) names.set(id, users.byId(id)?.displayName ?? null);
    return names.get(id) ?? null;
  };
  const table = RULE_TABLES[track.country];
  const checklists: ChecklistView[] = state.checklists.flatMap((id) => {
    const checklist = table.checklists.find((c) => c.id === id);
    if (!checklist) return [];
    const mine = answers.filter((a) => a.checklistId === id);
    const statuses: Record<string, ChecklistItemStatus> = {};
    for (const a of mine) statuses[a.itemId] = a.status;
    return [
      {
        id: checklist.id,
        label: checklist.label,
        source: citationText(checklist.source),
        satisfiedMeans: checklist.satisfiedMeans,
        outcome: evaluateChecklist(checklist, statuses),
        version: versions.get(checklist.id) ?? 1,
        items: checklist.items.map((item) => {
          const a = mine.find((x) => x.itemId === item.id);
          return {
            id: item.id,
            label: item.label,
            source: citationText(item.source),
            answer: a
              ? {
                  status: a.status,
                  date: a.answeredOn,
                  answeredBy: a.answeredBy ?? null,
                  answeredByName: nameOf(a.answeredBy ?? null),
                  note: a.note,
                  attachmentId: a.attachmentId ?? null,
                  updatedAt: a.updatedAt,
                }
              : null,
          };
        }),
      },
    ];
  });
  return {
    id: track.id,
    personId: track.personId,
    country: track.country,
    openedAt: track.openedAt,
    version: track.version,
    closed: state.phase.terminal,
    events: events.map(recorded),
    state,
    checklists,
  };
}

/** Every track of a person as views, derived afresh (the facts are those of `today`). */
export function trackViewsOf(db: Db, person: PersonRow, today: CalendarDate): TrackView[] {
  const repo = new ProcedureRepo(db);
  const facts = personTrackFacts(db, person, today);
  return repo.tracksOf(person.id).map((track) => {
    const events = repo.events(track.id);
    return trackView(db, track, events, deriveTrackState(engineTrack(track.country, facts, events), { today }));
  });
}
