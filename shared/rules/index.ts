/**
 * The rule tables of the three countries (architecture.md "Rules are data").
 * `RULE_TABLES` is what the engine applies by default; tests and future law changes may pass another.
 */
import type { Country } from '../domain';
import { beRules } from './be.rules';
import { luRules } from './lu.rules';
import { nlRules } from './nl.rules';
import type { CountryRules } from './rule.types';

export type RuleTables = Readonly<Record<Country, CountryRules>>;

export const RULE_TABLES: RuleTables = { BE: beRules, NL: nlRules, LU: luRules };

export * from './rule.types';
export * from './common.rules';
export * from './be.rules';
export * from './nl.rules';
export * from './lu.rules';
