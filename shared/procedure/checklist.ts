/**
 * Condition checklists: the items are data in shared/rules/*.rules.ts; staff record
 * for each item met, not met or unknown (with date, who, note: stored by db/). This module combines
 * the answers with the checklist's logic, in three-valued logic: an unknown item leaves the outcome
 * undetermined unless the other items already decide it.
 */
import { z } from 'zod';
import type { Country } from '../domain';
import { RULE_TABLES, type RuleTables } from '../rules/index';
import { CHECKLIST_ITEM_STATUSES, type Checklist, type ChecklistItemStatus, type ChecklistLogic } from '../rules/rule.types';

export const checklistItemStatusSchema = z.enum(CHECKLIST_ITEM_STATUSES);

export const CHECKLIST_OUTCOMES = ['satisfied', 'notSatisfied', 'undetermined'] as const;
export type ChecklistOutcome = (typeof CHECKLIST_OUTCOMES)[number];

/** Answers by item id; a missing item counts as 'unknown'. */
export type ChecklistAnswers = Readonly<Partial<Record<string, ChecklistItemStatus>>>;

function evaluate(logic: ChecklistLogic, answers: ChecklistAnswers): ChecklistOutcome {
  if ('item' in logic) {
    const status = answers[logic.item] ?? 'unknown';
    if (status === 'unknown') return 'undetermined';
    return status === logic.favourable ? 'satisfied' : 'notSatisfied';
  }
  const parts = ('all' in logic ? logic.all : logic.any).map((part) => evaluate(part, answers));
  const decisive: ChecklistOutcome = 'all' in logic ? 'notSatisfied' : 'satisfied';
  if (parts.includes(decisive)) return decisive;
  if (parts.includes('undetermined')) return 'undetermined';
  return 'all' in logic ? 'satisfied' : 'notSatisfied';
}

export function evaluateChecklist(checklist: Checklist<string>, answers: ChecklistAnswers): ChecklistOutcome {
  return evaluate(checklist.logic, answers);
}

export function checklistsOf(country: Country, rules: RuleTables = RULE_TABLES): readonly Checklist<string>[] {
  return rules[country].checklists;
}

export function checklistById(id: string, rules: RuleTables = RULE_TABLES): Checklist<string> | undefined {
  for (const table of Object.values(rules)) {
    const found = table.checklists.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}
