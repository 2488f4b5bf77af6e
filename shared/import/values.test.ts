/**
 * Reading spreadsheet values (docs/import.md "Values"): table-driven cases and fast-check properties
 * for dates, countries, languages, gender and yes/no words, event types.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ISO_COUNTRY_CODES } from '../persons/iso-codes';
import { EVENT_TYPES } from '../procedure/track.schema';
import { RULE_TABLES } from '../rules/index';
import { parseCountry, parseDate, parseEventType, parseGender, parseLanguage, parseYesNo, splitList, valueKey } from './values';

const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => Temporal.PlainDate.from({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('dates', () => {
  it.each([
    ['14-03-1998', '1998-03-14'],
    ['14/03/1998', '1998-03-14'],
    ['14.03.1998', '1998-03-14'],
    ['4-3-1998', '1998-03-04'],
    ['1998-03-14', '1998-03-14'],
    ['1998/3/4', '1998-03-04'],
    [' 29-02-2024 ', '2024-02-29'],
  ])('%s is %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['31-02-2026', 'impossible'],
    ['29-02-2026', 'impossible'],
    ['2026-13-01', 'impossible'],
    ['00-01-2000', 'impossible'],
    ['01-01-1850', 'impossible'],
    ['03-04-05', 'format'],
    ['14 March 1998', 'format'],
    ['1998-03-14T00:00', 'format'],
    ['', 'format'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(parseDate(text)).toEqual({ ok: false, reason });
  });

  it('any day written dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd reads back as that day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('-', '/', '.'), fc.boolean(), (d, sep, dayFirst) => {
        const text = dayFirst ? `${pad(d.day)}${sep}${pad(d.month)}${sep}${d.year}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
        expect(parseDate(text)).toEqual({ ok: true, date: d.toString() });
      }),
    );
  });

  it('a day number beyond the month is never read as another day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 40 }), (year, month, dayNumber) => {
        const reading = parseDate(`${pad(dayNumber)}-${pad(month)}-${year}`);
        const exists = dayNumber <= Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
        expect(reading.ok).toBe(exists);
        if (reading.ok) expect(reading.date).toBe(`${year}-${pad(month)}-${pad(dayNumber)}`);
      }),
    );
  });

  it('whatever the text, the answer is a real day or a refusal, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const reading = parseDate(text);
        if (reading.ok) expect(Temporal.PlainDate.from(reading.date).toString()).toBe(reading.date);
      }),
    );
  });
});

describe('countries', () => {
  it.each([
    ['Nigeria', 'NG'],
    ['Nederland', 'NL'],
    ['Pays-Bas', 'NL'],
    ['Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['België', 'BE'],
    ['Belgique', 'BE'],
    ['belgium', 'BE'],
    ['Luxemburg', 'LU'],
    ['Luxembourg', 'LU'],
    ['Roumanie', 'RO'],
    ['Roemenië', 'RO'],
    ['Côte d’Ivoire', 'CI'],
    ["cote d'ivoire", 'CI'],
    ['Ivoorkust', 'CI'],
    ['Viêt Nam', 'VN'],
    ['Verenigd Koninkrijk', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['Congo-Kinshasa', 'CD'],
    ['RD Congo', 'CD'],
    ['Maroc', 'MA'],
    ['ng', 'NG'],
    ['  MA ', 'MA'],
  ])('%s is %s', (text, code) => {
    expect(parseCountry(text)).toBe(code);
  });

  it.each(['Atlantis', 'Narnia', '', 'XX', 'Nigerian'])('%s is not a country', (text) => {
    expect(parseCountry(text)).toBeNull();
  });

  it("the mapping's own words come first", () => {
    expect(parseCountry('Nigerian', { Nigerian: 'NG' })).toBe('NG');
    expect(parseCountry('NIGERIAN ', { nigerian: 'NG' })).toBe('NG');
  });

  it('every country is found by its code and by its name in Dutch, French and English, in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ISO_COUNTRY_CODES), fc.constantFrom('nl', 'fr', 'en'), fc.boolean(), (code, language, upper) => {
        const name = new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
        const text = upper ? name.toUpperCase() : name.toLowerCase();
        const found = parseCountry(text);
        // A name shared by two codes in one language (rare in CLDR) resolves to one of them, consistently.
        expect(found === code || new Intl.DisplayNames([language], { type: 'region' }).of(found ?? '') === name).toBe(true);
        expect(parseCountry(code.toLowerCase())).toBe(code);
      }),
    );
  });
});

describe('languages, gender, yes/no', () => {
  it.each([
    ['Engels', 'en'],
    ['anglais', 'en'],
    ['English', 'en'],
    ['Roemeens', 'ro'],
    ['vietnamien', 'vi'],
    ['Yoruba', 'yo'],
    ['TI', 'ti'],
  ])('language %s is %s', (text, code) => {
    expect(parseLanguage(text)).toBe(code);
  });

  it.each([
    ['vrouw', 'female'],
    ['V', 'female'],
    ['femme', 'female'],
    ['Féminin', 'female'],
    ['F', 'female'],
    ['man', 'male'],
    ['M', 'male'],
    ['homme', 'male'],
    ['H', 'male'],
    ['jongen', 'male'],
    ['garçon', 'male'],
    ['X', 'other'],
    ['anders', 'other'],
    ['autre', 'other'],
    ['onbekend', 'unknown'],
    ['inconnue', 'unknown'],
  ])('gender %s is %s', (text, gender) => {
    expect(parseGender(text)).toBe(gender);
  });

  it('an unknown gender word is not guessed; the mapping may name it', () => {
    expect(parseGender('w')).toBeNull();
    expect(parseGender('w', { w: 'female' })).toBe('female');
  });

  it.each([
    ['ja', true],
    ['Oui', true],
    ['yes', true],
    ['1', true],
    ['nee', false],
    ['NON', false],
    ['no', false],
    ['0', false],
    ['misschien', null],
  ])('%s is %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });
});

describe('event types', () => {
  it('every event type of every country is found by its code and by its label in the three languages', () => {
    for (const country of ['BE', 'NL', 'LU'] as const) {
      for (const rule of RULE_TABLES[country].events) {
        expect(parseEventType(country, rule.type)).toBe(rule.type);
        for (const label of [rule.label.nl, rule.label.fr, rule.label.en]) expect(parseEventType(country, label.toUpperCase())).toBe(rule.type);
      }
    }
  });

  it("an event of another country's procedure is not one of this country", () => {
    expect(EVENT_TYPES.NL).not.toContain('annex15Issued');
    expect(parseEventType('NL', 'annex15Issued')).toBeNull();
    expect(parseEventType('NL', 'Bijlage 15', { 'Bijlage 15': 'annex15Issued' })).toBeNull();
    expect(parseEventType('BE', 'Bijlage 15', { 'Bijlage 15': 'annex15Issued' })).toBe('annex15Issued');
  });
});

describe('keys and lists', () => {
  it('the key ignores case, accents, punctuation and spacing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        expect(valueKey(text)).toBe(valueKey(`  ${text.toUpperCase()}  `));
        expect(valueKey(valueKey(text))).toBe(valueKey(text));
      }),
    );
    expect(valueKey('Côte d’Ivoire')).toBe(valueKey('COTE D IVOIRE'));
  });

  it('a list cell gives its values trimmed, without empty ones', () => {
    expect(splitList(' NG; GH ,, /RO\nBE ')).toEqual(['NG', 'GH', 'RO', 'BE']);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { maxLength: 6 }), fc.constantFrom(';', ',', '/', '\n', ' ; '), (words, sep) => {
        expect(splitList(words.join(sep))).toEqual(words);
      }),
    );
  });
});
