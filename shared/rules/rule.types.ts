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

export interface RuleMeta {
  /** Stable id, e.g. 'be.reflection.notExtendable'. Never reuse an id for a different rule. */
  readonly id: string;
  /** Brochure section and/or legal article, e.g. 'Benelux brochure 2021 §4 BE "Reflectieperiode"'. */
  readonly source: string;
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
 * Person facts a rule may depend on. `presumedMinor` is true when the person is a minor OR the age is
 * in doubt (brochure §4 LU "Minderjarige slachtoffers", applied everywhere as a protective default);
 * `unaccompaniedMinor` is presumedMinor AND unaccompanied.
 */
export const FACT_NAMES = ['presumedMinor', 'unaccompaniedMinor', 'ageInDoubt', 'thirdCountryNational'] as const;
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
   * 'act' (default): runs from the event's date.
   * 'continuation': a renewal; runs from the expiry of the document it renews, or from the renewal's
   * date when the old document had already lapsed (so no due date ever precedes its act).
   */
  readonly anchor?: 'act' | 'continuation';
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

export const NOTICE_CODES = ['guardianRequired', 'adHocAdministratorRequired', 'attestationDueForMinor'] as const;
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
}

export const CHECKLIST_ITEM_STATUSES = ['met', 'notMet', 'unknown'] as const;
export type ChecklistItemStatus = (typeof CHECKLIST_ITEM_STATUSES)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly label: Labels;
  readonly source: string;
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
}
