/**
 * The rule tables of the three countries (architecture.md "Rules are data").
 * `RULE_TABLES` is what the engine applies by default; tests and future law changes may pass another.
 */
export { RULE_TABLES, type RuleTables } from './tables';

/**
 * The version of the rule tables. Raise it with every change that can move a stored due date: tracks
 * derived under an older version are re-derived at the next unlock, and each due date that changed
 * is shown as "deadline recomputed" until acknowledged (docs/legal-rules.md "Existing vaults").
 * 1: the first tables; 2: facts of the event's day, renewals from the renewal's date, residence status.
 */
export const RULES_VERSION = 2;

export * from './rule.types';
export * from './common.rules';
export * from './be.rules';
export * from './nl.rules';
export * from './lu.rules';
export * from './source';
export * from './rule-sources';
