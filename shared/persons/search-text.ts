/**
 * Case- and accent-insensitive search. db/ stores `searchText(...)` of each person in
 * a column, and the list query looks the folded query up in it, so a search never re-reads names.
 */

/** Letters that do not decompose into a base letter plus a combining mark. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Lower case, without accents, whitespace collapsed: "  Ésmé  Ñúñez-Øby " -> "esme nunez-oby". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a person is found by: names, aliases and the case code, folded, separated by '|'. */
export function personSearchText(p: { caseCode: string; givenNames: string; familyName: string; aliases: readonly string[] }): string {
  return ['', p.caseCode, `${p.givenNames} ${p.familyName}`, `${p.familyName} ${p.givenNames}`, ...p.aliases, '']
    .map(foldForSearch)
    .join('|');
}

/** The key the list sorts names by: family name, then given names, folded. */
export function personSortName(p: { givenNames: string; familyName: string }): string {
  return foldForSearch(`${p.familyName} ${p.givenNames}`);
}
