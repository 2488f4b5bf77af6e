/**
 * Labels of phases, event types and revocation grounds, looked up in the rule tables
 * (shared/rules/*.rules.ts), which hold them in nl, fr and en. Nothing here is translated twice.
 */
import { COUNTRIES, type Country, type Language } from '../../../shared/domain';
import type { EventType, PhaseId } from '../../../shared/procedure/track.schema';
import { DUE_KIND_LABELS, RULE_TABLES, type DueKind, type Labels } from '../../../shared/rules/index';
import type { TFunction } from 'i18next';
import { pick } from '../format/labels';

const PHASE_LABELS = new Map<string, Labels>();
const PHASE_STEPS = new Map<string, number>();
for (const table of Object.values(RULE_TABLES)) {
  for (const phase of table.phases) {
    PHASE_LABELS.set(phase.phase, phase.label);
    PHASE_STEPS.set(phase.phase, phase.step);
  }
}

export function phaseLabel(phase: PhaseId | string, language: Language): string {
  const labels = PHASE_LABELS.get(phase);
  return labels ? pick(labels, language) : phase;
}

/** The phases of a country in procedural order, for the phase filter. */
export function phasesOf(country: Country): { id: PhaseId; step: number; label: Labels }[] {
  return RULE_TABLES[country].phases
    .map((p) => ({ id: p.phase as PhaseId, step: p.step, label: p.label }))
    .sort((a, b) => a.step - b.step);
}

/**
 * The phase filter's options, grouped by country, each name unique across the groups (the same
 * phase name exists in several countries: "Reflection period (NL)").
 */
export function phaseFilterOptions(countries: readonly Country[], language: Language, t: TFunction): { group: string; items: { value: string; label: string }[] }[] {
  return countries.map((country) => ({
    group: t(`countries.${country}`),
    items: phasesOf(country).map((p) => ({ value: p.id, label: t('casework.phaseOption', { phase: pick(p.label, language), country }) })),
  }));
}

export function countryOfPhase(phase: string): Country | null {
  return COUNTRIES.find((c) => RULE_TABLES[c].phases.some((p) => p.phase === phase)) ?? null;
}

/** An event type's label in a country: the latest version of its rule. */
export function eventLabel(country: Country, type: EventType | string, language: Language): string {
  const versions = RULE_TABLES[country].events.filter((e) => e.type === type);
  const rule = versions.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  return rule ? pick(rule.label, language) : type;
}

/** Whether an event of this type may carry the expiry printed on the document it issues. */
export function acceptsDocumentExpiry(country: Country, type: EventType | string): boolean {
  return RULE_TABLES[country].events.some((e) => e.type === type && (e.opens ?? []).some((due) => due.acceptsDocumentExpiry));
}

export function dueKindLabel(kind: DueKind, language: Language): string {
  return pick(DUE_KIND_LABELS[kind], language);
}

/** The label of a checklist item anywhere in the rule tables (LU revocation grounds are items too). */
export function checklistItemLabel(itemId: string, language: Language): string {
  for (const table of Object.values(RULE_TABLES)) {
    for (const checklist of table.checklists) {
      const item = checklist.items.find((i) => i.id === itemId);
      if (item) return pick(item.label, language);
    }
  }
  return itemId;
}
