/**
 * Reading the values of a caseload spreadsheet (docs/import.md "Values"): dates written dd-mm-yyyy or
 * yyyy-mm-dd, country names in Dutch, French or English, gender words in the three languages, yes/no
 * words, event types by code or by their label in the rule tables. Pure: the import service, its
 * tests and the Import screen's preview all read values with these functions.
 *
 * Country and language names come from the CLDR data of the JavaScript engine (Intl.DisplayNames), a
 * maintained source, instead of a hand-written list; a mapping file adds an organisation's own words.
 */
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate } from '../dates/calendar-date';
import type { Country } from '../domain';
import { ISO_COUNTRY_CODES, ISO_LANGUAGE_CODES, type IsoCountryCode, type IsoLanguageCode } from '../persons/iso-codes';
import type { GENDERS } from '../persons/person.schema';
import { foldForSearch } from '../persons/search-text';
import { EVENT_TYPES, type EventType } from '../procedure/track.schema';
import { RULE_TABLES } from '../rules/index';

export type Gender = (typeof GENDERS)[number];

/**
 * The key a spreadsheet word is looked up by: lower case, no accents, punctuation and runs of spaces
 * made one space ("Côte d’Ivoire", "cote d'ivoire" and "COTE D IVOIRE" are one key).
 */
export function valueKey(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------- dates

const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

export type DateReading = { ok: true; date: CalendarDate } | { ok: false; reason: 'format' | 'impossible' };

/**
 * A date written dd-mm-yyyy (also with / or .) or yyyy-mm-dd: the four-digit year says which order
 * it is, so no date is ever read in the wrong order. Two-digit years and mm/dd/yyyy are not read:
 * '03-04-05' could be three different days. An impossible day (31-02-2026) is 'impossible'.
 */
export function parseDate(text: string): DateReading {
  const t = text.trim();
  const dmy = DMY.exec(t);
  const ymd = dmy ? null : YMD.exec(t);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return { ok: false, reason: 'format' };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < 1900) return { ok: false, reason: 'impossible' };
  try {
    const d = Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return { ok: true, date: d.toString() as CalendarDate };
  } catch {
    return { ok: false, reason: 'impossible' };
  }
}

// ---------------------------------------------------------------- countries and languages

const NAME_LANGUAGES = ['nl', 'fr', 'en'] as const;

/** Common names CLDR does not give as the country's display name. */
const COUNTRY_ALIASES: Readonly<Record<string, IsoCountryCode>> = {
  holland: 'NL',
  uk: 'GB',
  'great britain': 'GB',
  'groot brittannie': 'GB',
  'grande bretagne': 'GB',
  engeland: 'GB',
  angleterre: 'GB',
  england: 'GB',
  usa: 'US',
  amerika: 'US',
  'ivory coast': 'CI',
  'dr congo': 'CD',
  drc: 'CD',
  'rd congo': 'CD',
  'dr kongo': 'CD',
  'democratic republic of the congo': 'CD',
  'democratische republiek congo': 'CD',
  'republique democratique du congo': 'CD',
  'congo brazzaville': 'CG',
  'republic of the congo': 'CG',
  'czech republic': 'CZ',
  tsjechie: 'CZ',
  'republique tcheque': 'CZ',
  burma: 'MM',
  birmanie: 'MM',
  'north korea': 'KP',
  'south korea': 'KR',
  'noord korea': 'KP',
  'zuid korea': 'KR',
  'coree du nord': 'KP',
  'coree du sud': 'KR',
  macedonia: 'MK',
  macedonie: 'MK',
  swaziland: 'SZ',
  'cape verde': 'CV',
  kaapverdie: 'CV',
  turkey: 'TR',
  turkiye: 'TR',
};

function displayNameTable<C extends string>(codes: readonly C[], type: 'region' | 'language'): Map<string, C> {
  const table = new Map<string, C>();
  for (const language of NAME_LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([language], { type, style, fallback: 'none' });
      for (const code of codes) {
        const name = names.of(type === 'region' ? code : code.toLowerCase());
        if (!name) continue;
        const key = valueKey(name);
        // The first reading wins: a name shared by two codes in one language is never reassigned.
        if (key && !table.has(key)) table.set(key, code);
      }
    }
  }
  return table;
}

let countryTable: Map<string, IsoCountryCode> | null = null;
let languageTable: Map<string, IsoLanguageCode> | null = null;

function countries(): Map<string, IsoCountryCode> {
  if (!countryTable) {
    countryTable = displayNameTable(ISO_COUNTRY_CODES, 'region');
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryTable.set(alias, code);
  }
  return countryTable;
}

function languages(): Map<string, IsoLanguageCode> {
  languageTable ??= displayNameTable(ISO_LANGUAGE_CODES, 'language');
  return languageTable;
}

/** A country name in nl, fr or en ("Nigeria", "Pays-Bas", "Verenigd Koninkrijk") or an ISO code ("NG"), or null. */
export function parseCountry(text: string, extra: Readonly<Record<string, string>> = {}): IsoCountryCode | null {
  const key = valueKey(text);
  if (!key) return null;
  const own = lookupExtra(extra, key);
  if (own && (ISO_COUNTRY_CODES as readonly string[]).includes(own.toUpperCase())) return own.toUpperCase() as IsoCountryCode;
  const upper = key.toUpperCase();
  if (key.length === 2 && (ISO_COUNTRY_CODES as readonly string[]).includes(upper)) return upper as IsoCountryCode;
  return countries().get(key) ?? null;
}

/** A language name in nl, fr or en ("Engels", "anglais") or an ISO 639-1 code ("en"), or null. */
export function parseLanguage(text: string, extra: Readonly<Record<string, string>> = {}): IsoLanguageCode | null {
  const key = valueKey(text);
  if (!key) return null;
  const own = lookupExtra(extra, key);
  if (own && (ISO_LANGUAGE_CODES as readonly string[]).includes(own.toLowerCase())) return own.toLowerCase() as IsoLanguageCode;
  if (key.length === 2 && (ISO_LANGUAGE_CODES as readonly string[]).includes(key)) return key as IsoLanguageCode;
  return languages().get(key) ?? null;
}

/** The mapping file's own words, looked up by the same key as the built-in ones. */
function lookupExtra(extra: Readonly<Record<string, string>>, key: string): string | undefined {
  for (const [word, value] of Object.entries(extra)) if (valueKey(word) === key) return value;
  return undefined;
}

// ---------------------------------------------------------------- gender and yes/no

const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  // en
  female: 'female', f: 'female', woman: 'female', girl: 'female',
  male: 'male', m: 'male', man: 'male', boy: 'male',
  other: 'other', x: 'other', 'non binary': 'other',
  unknown: 'unknown',
  // nl
  vrouw: 'female', vrouwelijk: 'female', v: 'female', meisje: 'female',
  mannelijk: 'male', jongen: 'male',
  anders: 'other', ander: 'other', 'non binair': 'other',
  onbekend: 'unknown',
  // fr
  femme: 'female', feminin: 'female', fille: 'female',
  homme: 'male', masculin: 'male', h: 'male', garcon: 'male',
  autre: 'other', 'non binaire': 'other',
  inconnu: 'unknown', inconnue: 'unknown',
};

export function parseGender(text: string, extra: Readonly<Record<string, string>> = {}): Gender | null {
  const key = valueKey(text);
  if (!key) return null;
  const own = lookupExtra(extra, key);
  if (own === 'female' || own === 'male' || own === 'other' || own === 'unknown') return own;
  return GENDER_WORDS[key] ?? null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'j', 'oui', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'nee', 'non']);

/** yes/no in the three languages (ja/nee, oui/non), also 1/0 and true/false; null when it is neither. */
export function parseYesNo(text: string): boolean | null {
  const key = valueKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

// ---------------------------------------------------------------- event types

function eventLabelTable(country: Country): Map<string, EventType> {
  const table = new Map<string, EventType>();
  for (const type of EVENT_TYPES[country]) table.set(valueKey(type), type);
  for (const rule of RULE_TABLES[country].events) {
    for (const label of [rule.label.nl, rule.label.fr, rule.label.en]) {
      table.set(valueKey(label), rule.type as EventType);
      // "Bijlage 15 afgegeven (reflectieperiode)" is also found as "Bijlage 15 afgegeven".
      table.set(valueKey(label.replace(/\([^)]*\)/g, '')), rule.type as EventType);
    }
  }
  return table;
}

const eventTables = new Map<Country, Map<string, EventType>>();

/** An event type of `country`'s rule table, by its code or its nl/fr/en label, or the mapping's own word. */
export function parseEventType(country: Country, text: string, extra: Readonly<Record<string, string>> = {}): EventType | null {
  const key = valueKey(text);
  if (!key) return null;
  const allowed = EVENT_TYPES[country] as readonly string[];
  const own = lookupExtra(extra, key);
  if (own !== undefined) return allowed.includes(own) ? (own as EventType) : null;
  let table = eventTables.get(country);
  if (!table) eventTables.set(country, (table = eventLabelTable(country)));
  return table.get(key) ?? null;
}

// ---------------------------------------------------------------- lists

/** A cell holding several values: "NG; GH", "Engels, Frans", one per line. */
export function splitList(text: string, separators: RegExp = /[;,/\n]/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Aliases are split on ';' and line breaks only: a comma may be part of a name as written. */
export const ALIAS_SEPARATORS = /[;\n]/;
