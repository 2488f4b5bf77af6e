/**
 * Every quoted fragment in a rule's `source` (and every Dutch quote of the phase information) must
 * stand in the brochure as printed, so a caseworker or a lawyer finds the sentence the app relies on.
 * The brochure text is the repository's own copy (docs/reference/benelux-brochure-2021-nl.txt).
 * Comparison ignores case, runs of whitespace, typographic quotes and words hyphenated across lines.
 * Also: no internal references (issue or item numbers) in any text a user sees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, LANGUAGES } from '../../shared/domain';
import { COMMON_NOTICES, COMMON_RULES, DUE_KIND_LABELS, WARNING_LABELS } from '../../shared/rules/common.rules';
import { RULE_TABLES } from '../../shared/rules/index';
import type { CountryRules, Labels, Quote } from '../../shared/rules/rule.types';
import { commonSources, ruleSource, sourcesOfTable } from '../../shared/rules/rule-sources';
import { citationText, quotesOf } from '../../shared/rules/source';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';

const BROCHURE = readFileSync(join(__dirname, '../../docs/reference/benelux-brochure-2021-nl.txt'), 'utf8');

/** Lower case, typographic quotes folded, hyphenated words joined, spaces around slashes and runs of whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(\p{L})-\s*(\p{L})/gu, '$1$2')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

// Words hyphenated across lines ("reflectiepe-/riode") or in the middle of a printed line ("verbli-
// jfstitel") are joined on both sides, so a quote matches whichever way it was printed.
const NORMALISED = normalise(BROCHURE);

function occurs(fragment: string): boolean {
  return NORMALISED.includes(normalise(fragment));
}

/** The quoted fragments of a source: text between double quotes, split at "..." and "[...]" insertions. */
export function quotedFragments(source: string): string[] {
  return [...source.matchAll(/"([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .flatMap((q) => q.split(/\s*(?:\.\.\.|…|\[[^\]]*\])\s*/))
    .map((q) => q.trim())
    .filter((q) => q.length > 0);
}

function sourcesOf(table: CountryRules): { id: string; source: string }[] {
  return sourcesOfTable(table).map(({ id, source }) => ({ id, source: citationText(source) }));
}

describe('the brochure copy in the repository', () => {
  it('is the brochure of March 2021', () => {
    expect(BROCHURE).toContain('Datum: maart 2021');
    expect(BROCHURE.length).toBeGreaterThan(100_000);
  });

  it('the normalisation finds a sentence hyphenated across lines and rejects a paraphrase', () => {
    expect(occurs('Aan deze voorwaarde dient ten laatste aan het einde van de reflectieperiode voldaan te worden.')).toBe(true);
    expect(occurs('Als de leeftijd twijfelachtig is, wordt de persoon vermoed minderjarig te zijn')).toBe(false);
    expect(quotedFragments('x: "a ... b" and "c [d] e"')).toEqual(['a', 'b', 'c', 'e']);
  });
});

describe.each(COUNTRIES)('citations of the %s table', (country) => {
  const table = RULE_TABLES[country];

  it.each(sourcesOf(table).map((s) => [s.id, s.source] as const))('%s quotes the brochure', (_id, source) => {
    for (const fragment of quotedFragments(source)) expect(occurs(fragment), fragment).toBe(true);
  });

  it.each(table.phaseInfo.map((p) => [p.id, p.quote.nl] as const))('%s: the Dutch original stands in the brochure', (_id, quote) => {
    for (const fragment of quote.split(/\s*(?:\.\.\.|…)\s*/).filter((f) => f.length > 0)) expect(occurs(fragment), fragment).toBe(true);
  });

  it('every phase information has its quote translated', () => {
    for (const p of table.phaseInfo) {
      for (const lang of ['en', 'fr'] as const) expect(p.quote[lang].trim().length, p.id).toBeGreaterThan(0);
    }
  });

  it('cites only section headings the brochure has', () => {
    const headings = [...new Set(sourcesOf(table).flatMap((s) => [...s.source.matchAll(/§4 (?:BE|NL|LU) "([^"]+)"/g)].map((m) => m[1] ?? '')))];
    for (const h of headings) expect(occurs(h), h).toBe(true);
  });
});

describe('the common rules', () => {
  it.each(commonSources().map((r) => [r.id, citationText(r.source)] as const))('%s quotes the brochure', (_id, source) => {
    for (const fragment of quotedFragments(source)) expect(occurs(fragment), fragment).toBe(true);
  });
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function labelsOf(table: CountryRules): Labels[] {
  return [
    ...table.phases.map((p) => p.label),
    ...table.events.flatMap((e) => [e.label, ...(e.guards ?? []).map((g) => g.refusal)]),
    ...table.notices.flatMap((n) => [n.label, ...(n.message ? [n.message] : [])]),
    ...table.checklists.flatMap((c) => [c.label, c.satisfiedMeans, ...c.items.map((i) => i.label)]),
    ...table.phaseInfo.map((p) => p.label),
  ];
}

/** Every quote a user can see: the rules' sources and the phase information, with the rule's id. */
function everyQuote(): { id: string; quote: Quote }[] {
  const all = [...commonSources(), ...COUNTRIES.flatMap((c) => sourcesOfTable(RULE_TABLES[c]))].flatMap(({ id, source }) =>
    quotesOf(source).map((quote) => ({ id, quote })),
  );
  const phaseInfo = COUNTRIES.flatMap((c) => RULE_TABLES[c].phaseInfo.map((p) => ({ id: p.id, quote: p.quote })));
  return [...all, ...phaseInfo];
}

/** A quote that is only proper names or numbers (e.g. "Nidos", "§4", "B8") reads the same in every language. */
function onlyNamesOrNumbers(text: string): boolean {
  return text
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .every((w) => /^[\p{Lu}\d§(]/u.test(w));
}

describe('the brochure quotes in the user language', () => {
  const quotes = everyQuote();

  it('the tables quote the brochure many times (the count guards against a source losing its quotes)', () => {
    expect(quotes.length).toBeGreaterThanOrEqual(130);
  });

  it.each(quotes.map((q) => [q.id, q.quote] as const))('%s: the quote exists in fr and en, translated', (_id, quote) => {
    for (const lang of ['fr', 'en'] as const) {
      expect(quote[lang].trim().length, `${lang}: ${quote.nl}`).toBeGreaterThan(0);
      if (!onlyNamesOrNumbers(quote.nl)) expect(normalise(quote[lang]), `${lang} is the Dutch text: ${quote.nl}`).not.toBe(normalise(quote.nl));
    }
  });

  it.each(quotes.map((q) => [q.id, q.quote.nl] as const))('%s: the Dutch original stands in the brochure', (_id, nl) => {
    for (const fragment of quotedFragments(`"${nl}"`)) expect(occurs(fragment), fragment).toBe(true);
  });

  it('a translation keeps the marks of words left out ("...") of the Dutch original', () => {
    for (const { id, quote } of quotes) {
      const elisions = (t: string) => (t.match(/\.\.\.|…/g) ?? []).length;
      expect(elisions(quote.fr), id).toBe(elisions(quote.nl));
      expect(elisions(quote.en), id).toBe(elisions(quote.nl));
    }
  });

  it('the engine, the error messages and the CLI keep the one-line source: references and the Dutch as printed', () => {
    const annex15 = ruleSource('be.reflection.duration');
    expect(annex15 && citationText(annex15)).toBe('brochure §4 BE "Reflectieperiode": "Duur: 45 dagen"');
    const renewal = ruleSource('lu.victimPermit.renewalDuration');
    expect(renewal && citationText(renewal)).toMatch(/^brochure §4 LU "Verdere afhandeling en verblijfsvergunning".*: ".+" \(counted from the renewal's date.*\)$/);
  });

  it('every rule id and checklist item id finds its source; two ids share one only for one legal rule', () => {
    for (const country of COUNTRIES) {
      const seen = new Map<string, string>();
      for (const { id, source } of sourcesOfTable(RULE_TABLES[country])) {
        expect(ruleSource(id), id).toBeDefined();
        const text = citationText(source);
        const before = seen.get(id);
        if (before !== undefined) expect(text, id).toBe(before);
        seen.set(id, text);
      }
    }
    expect(ruleSource('common.chronology')?.note?.fr).toMatch(/ordre des dates/);
    expect(ruleSource('no.such.rule')).toBeUndefined();
  });
});

describe('no internal references in what a user sees', () => {
  const INTERNAL = /\b(?:issue|item)\s*\d/i;

  it('rule labels, refusals, sources and common texts', () => {
    const texts = [
      ...COUNTRIES.flatMap((c) => [...labelsOf(RULE_TABLES[c]).flatMap((l) => LANGUAGES.map((lang) => l[lang])), ...sourcesOf(RULE_TABLES[c]).map((s) => s.source), ...sourcesOfTable(RULE_TABLES[c]).flatMap((s) => strings(s.source))]),
      ...strings(COMMON_RULES),
      ...strings(COMMON_NOTICES),
      ...strings(WARNING_LABELS),
      ...strings(DUE_KIND_LABELS),
    ];
    expect(texts.filter((t) => INTERNAL.test(t))).toEqual([]);
  });

  it('translations', () => {
    expect([...strings(en), ...strings(fr), ...strings(nl)].filter((t) => INTERNAL.test(t))).toEqual([]);
  });
});
