/**
 * The structured source of a rule, found by the rule's id. The engine's output, the IPC contract and the
 * CLI's JSON carry a rule's id and its one-line `source` text (stable since the first release); the UI
 * and the printed summaries look the rule up here to show the brochure's words in the user's language
 * with the Dutch original (docs/legal-rules.md "How the brochure is quoted").
 */
import type { Country } from '../domain';
import { COMMON_NOTICES, COMMON_RULES, FACTS_ON_EVENT_DAY } from './common.rules';
import { RULE_TABLES, type RuleTables } from './tables';
import type { CountryRules, Source } from './rule.types';

/** Every rule id (and checklist item id) of a table with its source. */
export function sourcesOfTable(table: CountryRules): { id: string; source: Source }[] {
  return [
    ...table.phases,
    ...table.events,
    ...table.events.flatMap((e) => [...(e.opens ?? []), ...(e.guards ?? [])]),
    ...table.notices,
    ...table.checklists,
    ...table.checklists.flatMap((c) => c.items),
    ...table.phaseInfo,
    { id: `${table.country.toLowerCase()}.presumptionOfMinority`, source: table.presumptionOfMinority.source },
  ].map(({ id, source }) => ({ id, source }));
}

/** The rules of the procedure model itself, common to every country. */
export function commonSources(): { id: string; source: Source }[] {
  return [...Object.values(COMMON_RULES), FACTS_ON_EVENT_DAY, ...COMMON_NOTICES].map(({ id, source }) => ({ id, source }));
}

const cache = new WeakMap<RuleTables, Map<string, Source>>();

function index(tables: RuleTables): Map<string, Source> {
  let map = cache.get(tables);
  if (!map) {
    map = new Map();
    for (const { id, source } of commonSources()) map.set(id, source);
    for (const country of Object.keys(tables) as Country[]) for (const { id, source } of sourcesOfTable(tables[country])) map.set(id, source);
    cache.set(tables, map);
  }
  return map;
}

/** The source of the rule (or checklist item) with this id; undefined for an id the tables do not know. */
export function ruleSource(ruleId: string, tables: RuleTables = RULE_TABLES): Source | undefined {
  return index(tables).get(ruleId);
}
