/**
 * The rule tables of the three countries, by country: what the engine applies by default. Apart
 * from the index so that the modules the index re-exports (rule-sources.ts) can read the tables
 * without importing the index that imports them.
 */
import type { Country } from '../domain';
import { beRules } from './be.rules';
import { luRules } from './lu.rules';
import { nlRules } from './nl.rules';
import type { CountryRules } from './rule.types';

export type RuleTables = Readonly<Record<Country, CountryRules>>;

export const RULE_TABLES: RuleTables = { BE: beRules, NL: nlRules, LU: luRules };
