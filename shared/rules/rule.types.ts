/**
 * The shape of the legal rule tables (architecture.md "Rules are data").
 *
 * Every rule carries a stable `id`, its `source` (the section of the Benelux brochure of March 2021
 * and/or the legal article) and the `effectiveFrom` date from which it applies. Changing a law is a
 * data change in `<country>.rules.ts` plus a test: add a new version of the event rule with a later
 * `effectiveFrom`; acts dated before it keep the old version (see `ruleVersionFor`).
 *
 * The engine (shared/procedure/engine.ts) only interprets these tables; it knows no country.
 */
import type { Country, Language } from '../domain';
import type { CalendarDate, Period } from '../dates/calendar-date';

export type { Period } from '../dates/calendar-date';

/** Texts in every UI language. Legal texts stay close to the brochure's wording. */
export type Labels = Readonly<Record<Language, string>>;

/**
 * A sentence (or a fragment) of the brochure quoted by a rule: the Dutch original as printed (checked
 * against docs/reference/benelux-brochure-2021-nl.txt by a test) and faithful translations for the UI.
 * Every language is required, so a quote without its French or English fails the typecheck. "..." and
 * "[...]" in the Dutch mark the brochure's words left out or added for the grammar, as in a citation.
 */
export interface Quote {
  readonly nl: string;
  readonly fr: string;
  readonly en: string;
}

/**
 * One place a rule rests on: the reference as the brochure prints it (section headings in Dutch, laws
 * by their own citation, e.g. 'brochure §4 BE "Reflectieperiode"' or 'Vw 2000 art. 8 onder k'), and
 * the brochure's words there, if the rule quotes them.
 */
export interface Citation {
  readonly ref: string;
  readonly quotes: readonly Quote[];
}

/**
 * Where a rule comes from (docs/legal-rules.md "How the brochure is quoted"): the places cited, and the
 * app's own remark on how it reads them (which outcome or condition, an estimate, a policy), in every
 * UI language. A rule of the app's own procedure model cites nothing and says so in its note.
 */
export interface Source {
  readonly cites: readonly Citation[];
  readonly note?: Labels;
}

export interface RuleMeta {
  /** Stable id, e.g. 'be.reflection.notExtendable'. Never reuse an id for a different rule. */
  readonly id: string;
  /** The brochure section and/or legal article, with the brochure's words (see `Source`). */
  readonly source: Source;
  readonly effectiveFrom: CalendarDate;
}

/** Deadlines and milestones the engine computes (one closed list for every country). */
export const DUE_KINDS = [
  'reflectionPeriodEnd',
  'attestationExpiry',
  'evaluationDue',
  'registrationExpiry',
  'residencePermitExpiry',
  'continuousResidenceMilestone',
  'preExpiryDecisionDue',
  'personalReasonsPermitExpiry',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * Person facts a rule may depend on, as they stood on the day of the act (see docs/legal-rules.md).
 * - `presumedMinor`: a minor on that day, OR the age is in doubt and either the country's law presumes
 *   minority (Luxembourg, brochure §4 LU "Minderjarige slachtoffers") or the organisation's policy does;
 * - `unaccompaniedMinor`: presumedMinor AND unaccompanied;
 * - `thirdCountryNational`: no nationality of the EU/EEA/Switzerland (origin, not status);
 * - `euCitizen`, `withoutResidenceStatus`, `lawfulResident`: the recorded residence status (a national
 *   of the track's country counts as a lawful resident there);
 * - `parentalConflict`, `parentsArePerpetrators`: the Luxembourg triggers for a guardian and an ad hoc
 *   administrator besides being unaccompanied or of doubtful age;
 * - `dateOfBirthMissing`: no date of birth recorded yet and no doubt recorded (a gap, not a presumption);
 * - `presumedMinorByPolicy`: presumed a minor only because of the organisation's policy (not the law).
 */
export const FACT_NAMES = [
  'presumedMinor',
  'unaccompaniedMinor',
  'ageInDoubt',
  'thirdCountryNational',
  'euCitizen',
  'withoutResidenceStatus',
  'lawfulResident',
  'parentalConflict',
  'parentsArePerpetrators',
  'dateOfBirthMissing',
  'presumedMinorByPolicy',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

export interface FactCondition {
  readonly fact: FactName;
  readonly is: boolean;
}

export interface PhaseRule<P extends string> extends RuleMeta {
  readonly phase: P;
  readonly label: Labels;
  /** Position in the brochure's sequence (1 = reflection ...); 0 before it; terminal phases 90+. */
  readonly step: number;
  /** A phase the procedure does not leave by its ordinary course (ended, returned, closed). */
  readonly terminal: boolean;
}

/** A deadline an event opens. */
export interface DueRule<P extends string> extends RuleMeta {
  readonly kind: DueKind;
  /** The legal term. Absent: no fixed term; a due date exists only when staff enter the document's expiry. */
  readonly period?: Period;
  /** The term is a maximum ("max. 3 maanden"): a document may legally expire earlier. */
  readonly periodIsMaximum?: boolean;
  /**
   * What the computed date rests on when no printed expiry is entered. Default: 'maximum' when
   * `periodIsMaximum`, else 'exact'. 'estimate' marks the app's own assumption (a renewal counted from
   * the renewal's date, a milestone counted from the grant).
   */
  readonly basis?: 'exact' | 'maximum' | 'estimate';
  /**
   * A renewal: the term always runs from the renewal's own date (so the computed expiry never passes
   * the renewal's date plus the legal period); an act recorded after the renewed document expired
   * is flagged late.
   */
  readonly renewal?: boolean;
  /** Due on the same day as another kind opened before it (e.g. the evaluation: before the AI expires). */
  readonly sameAs?: DueKind;
  /** The event may carry the expiry printed on the document; it then wins over the computed date. */
  readonly acceptsDocumentExpiry?: boolean;
  /** Opened only when every condition holds. */
  readonly when?: readonly FactCondition[];
  /**
   * An estimate until the document itself is recorded (e.g. the AI follows the statement directly):
   * opened only when the kind is not open yet, and flagged `provisional` in the derived state.
   */
  readonly provisional?: boolean;
  /** Shown only while the track is in one of these phases. */
  readonly activeIn: readonly P[];
}

interface GuardBase extends RuleMeta {
  /** What is refused, as a sentence; English goes into the AppError message. */
  readonly refusal: Labels;
}

/** A condition that refuses an event (RULE_VIOLATION citing this guard). */
export type Guard<E extends string, P extends string> = GuardBase &
  (
    | { readonly kind: 'never' }
    | { readonly kind: 'maxPerTrack'; readonly count: number; readonly counting: readonly E[] }
    | { readonly kind: 'requiresFact'; readonly condition: FactCondition; readonly inPhases?: readonly P[] }
    | { readonly kind: 'requiresPrior'; readonly eventType: E; readonly when?: readonly FactCondition[] }
    | { readonly kind: 'forbiddenAfter'; readonly eventType: E }
    /** Refused while a running deadline of `due` has not been reached yet (dated before it). */
    | { readonly kind: 'notBeforeDue'; readonly due: DueKind }
  );

/** What an event type means for the procedure. Several versions of one type may exist (effectiveFrom). */
export interface EventRule<E extends string, P extends string> extends RuleMeta {
  readonly type: E;
  readonly label: Labels;
  /** Phases in which the event may be recorded. */
  readonly allowedIn: readonly P[];
  /** Phase after the event; absent: the phase does not change. */
  readonly to?: P;
  readonly guards?: readonly Guard<E, P>[];
  /** Deadlines the event satisfies or ends (an act after the deadline gets a `lateAct` warning). */
  readonly closes?: readonly DueKind[];
  /** Deadlines the event starts (in order: a `sameAs` rule comes after the kind it copies). */
  readonly opens?: readonly DueRule<P>[];
}

export const NOTICE_CODES = [
  'guardianRequired',
  'adHocAdministratorRequired',
  'attestationDueForMinor',
  'residencePosition',
  'minorCareServices',
  'dateOfBirthMissing',
  'presumedMinorByPolicy',
  'cameOfAge',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/**
 * A standing reminder derived from the facts: shown until one of `unlessEvent` is recorded. Several
 * notice rules may share a code (one per alternative condition); the engine reports a code once.
 */
export interface NoticeRule<E extends string, P extends string> extends RuleMeta {
  readonly code: NoticeCode;
  readonly when: readonly FactCondition[];
  readonly unlessEvent: readonly E[];
  readonly activeIn: readonly P[];
  readonly label: Labels;
  /** The message shown, when it differs per country (else the common text of the code). */
  readonly message?: Labels;
}

/**
 * What a phase gives the person, or who must be informed or consulted in it (from the brochure only).
 * Shown on the person page for the current phase; a `mustInform` item can become a task.
 */
export interface PhaseInfo<P extends string> extends RuleMeta {
  readonly kind: 'right' | 'mustInform';
  readonly activeIn: readonly P[];
  /** Shown only when every condition holds (facts of today). */
  readonly when?: readonly FactCondition[];
  /** Short text in the user's language (also the task's title for a `mustInform` item). */
  readonly label: Labels;
  /** The brochure's words (Dutch original and translations). */
  readonly quote: Quote;
}

export const CHECKLIST_ITEM_STATUSES = ['met', 'notMet', 'unknown'] as const;
export type ChecklistItemStatus = (typeof CHECKLIST_ITEM_STATUSES)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly label: Labels;
  readonly source: Source;
}

/**
 * How the items combine. `item` is favourable when its status equals `favourable`; `all` and `any`
 * use three-valued logic, 'unknown' items make the outcome undetermined unless it is already decided.
 */
export type ChecklistLogic =
  | { readonly all: readonly ChecklistLogic[] }
  | { readonly any: readonly ChecklistLogic[] }
  | { readonly item: string; readonly favourable: 'met' | 'notMet' };

export interface Checklist<P extends string> extends RuleMeta {
  readonly label: Labels;
  readonly items: readonly ChecklistItem[];
  /** The phases in which the checklist is shown. */
  readonly activeIn: readonly P[];
  readonly logic: ChecklistLogic;
  /** What a 'satisfied' outcome means for the person, e.g. "the conditions to enter are met". */
  readonly satisfiedMeans: Labels;
}

export interface CountryRules<E extends string = string, P extends string = string> {
  readonly country: Country;
  /** The documents these tables transcribe, with their dates. */
  readonly basis: string;
  /** Event types in procedural order; the order also breaks ties between events of the same day. */
  readonly eventTypes: readonly E[];
  readonly initialPhase: P;
  readonly phases: readonly PhaseRule<P>[];
  readonly events: readonly EventRule<E, P>[];
  readonly notices: readonly NoticeRule<E, P>[];
  readonly checklists: readonly Checklist<P>[];
  /** Rights and support, and who must be informed or consulted, per phase. */
  readonly phaseInfo: readonly PhaseInfo<P>[];
  /**
   * The country's law presumes a person of doubtful age to be a minor (Luxembourg). Elsewhere the
   * presumption applies only as the organisation's policy.
   */
  readonly presumptionOfMinority: { readonly isLaw: boolean; readonly source: Source };
}
