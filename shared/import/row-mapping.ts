/**
 * From a spreadsheet row to a person's fields and procedure events, with every problem found
 * (docs/import.md). Pure: the import service runs it for the dry run and the import alike, then
 * checks the rules and duplicates, which need the vault.
 */
import type { CalendarDate } from '../dates/calendar-date';
import { AppError } from '../errors';
import { personFieldsSchema, type PersonFields, type PersonFieldsInput } from '../persons/person.schema';
import type { MappedEvent, RowProblem } from './import.schema';
import { MAPPABLE_FIELDS, type ImportMapping, type MappableField } from './mapping.schema';
import {
  ALIAS_SEPARATORS,
  parseCountry,
  parseDate,
  parseEventType,
  parseGender,
  parseLanguage,
  parseYesNo,
  splitList,
  valueKey,
} from './values';

/** A sheet as read: the header row's titles and the rows below it, cells as text. */
export interface SheetTable {
  headers: string[];
  rows: SheetRow[];
  /** Rows without any value, left out of `rows`. */
  emptyRowsSkipped: number;
}

export interface SheetRow {
  /** The row's number in the sheet (1-based), or the CSV line the record starts on. */
  row: number;
  cells: (string | null)[];
  /** Cells of this row holding a formula without a saved result, e.g. "D7". */
  formulasWithoutResult: string[];
}

export interface MappedRow {
  row: number;
  name: string;
  /** The person's fields when they pass the person schema (other cells may still have problems). */
  fields: PersonFields | null;
  dateOfBirth: CalendarDate | null;
  events: MappedEvent[];
  problems: RowProblem[];
}

/** Column indexes of the mapping's titles; VALIDATION importColumnMissing for a title not in the header row. */
export function resolveColumns(headers: readonly string[], mapping: ImportMapping): Map<string, number> {
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = valueKey(h);
    if (key && !byKey.has(key)) byKey.set(key, i);
  });
  const titles = [
    ...Object.values(mapping.columns),
    ...mapping.events.flatMap((e) => ['column' in e.country ? e.country.column : undefined, 'column' in e.type ? e.type.column : undefined, e.date.column]),
  ].filter((t): t is string => typeof t === 'string');
  const resolved = new Map<string, number>();
  for (const title of titles) {
    const index = byKey.get(valueKey(title));
    if (index === undefined) throw new AppError('VALIDATION', 'importColumnMissing', { column: title });
    resolved.set(title, index);
  }
  return resolved;
}

export function mapRow(row: SheetRow, mapping: ImportMapping, columns: ReadonlyMap<string, number>, today: CalendarDate): MappedRow {
  const problems: RowProblem[] = row.formulasWithoutResult.map((cell) => ({ code: 'formulaWithoutResult' as const, cell }));
  const cellOf = (title: string | undefined): string => {
    if (title === undefined) return '';
    const index = columns.get(title);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const field = (f: MappableField): { column: string; text: string } | null => {
    const column = mapping.columns[f];
    if (column === undefined) return null;
    const text = cellOf(column);
    return text ? { column, text } : null;
  };

  const countryList = (f: MappableField) => {
    const cell = field(f);
    if (!cell) return [];
    const codes: string[] = [];
    for (const word of splitList(cell.text)) {
      const code = parseCountry(word, mapping.values.country);
      if (code === null) problems.push({ code: 'countryUnknown', column: cell.column, value: word });
      else if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  };
  const languageOf = (word: string, column: string) => {
    const code = parseLanguage(word, mapping.values.language);
    if (code === null) problems.push({ code: 'languageUnknown', column, value: word });
    return code;
  };
  const yesNo = (f: MappableField): boolean => {
    const cell = field(f);
    if (!cell) return false;
    const value = parseYesNo(cell.text);
    if (value === null) problems.push({ code: 'yesNoUnknown', column: cell.column, value: cell.text });
    return value ?? false;
  };
  const dateOf = (cell: { column: string; text: string }, event?: number): CalendarDate | null => {
    const reading = parseDate(cell.text);
    const where = { column: cell.column, value: cell.text, ...(event === undefined ? {} : { event }) };
    if (!reading.ok) {
      problems.push({ code: reading.reason === 'format' ? 'dateFormat' : 'dateImpossible', ...where });
      return null;
    }
    if (reading.date > today) {
      problems.push({ code: 'dateInFuture', ...where });
      return null;
    }
    return reading.date;
  };

  const givenNames = field('givenNames')?.text ?? '';
  const familyName = field('familyName')?.text ?? '';
  const aliasCell = field('aliases');
  const aliases = aliasCell ? [...new Set(splitList(aliasCell.text, ALIAS_SEPARATORS))] : [];
  const name = [familyName, givenNames].filter(Boolean).join(', ') || aliases[0] || '';
  if (!givenNames && !familyName && aliases.length === 0) problems.push({ code: 'nameMissing' });

  const dobCell = field('dateOfBirth');
  const dateOfBirth = dobCell ? dateOf(dobCell) : null;
  const genderCell = field('gender');
  let gender: PersonFields['gender'] = 'unknown';
  if (genderCell) {
    const g = parseGender(genderCell.text, mapping.values.gender);
    if (g === null) problems.push({ code: 'genderUnknown', column: genderCell.column, value: genderCell.text });
    else gender = g;
  }
  const languagesCell = field('languages');
  const languages = languagesCell
    ? [...new Set(splitList(languagesCell.text).flatMap((w) => languageOf(w, languagesCell.column) ?? []))]
    : [];
  const interpreterCell = field('interpreterLanguage');
  const interpreterLanguage = interpreterCell ? languageOf(interpreterCell.text, interpreterCell.column) : null;

  const input: PersonFieldsInput = {
    givenNames,
    familyName,
    aliases,
    dateOfBirth: dateOfBirth ? { precision: mapping.dateOfBirthPrecision, date: dateOfBirth } : { precision: 'unknown', date: null },
    gender,
    nationalities: countryList('nationalities'),
    languages,
    interpreter: interpreterLanguage ? { needed: true, language: interpreterLanguage } : { needed: false, language: null },
    unaccompanied: yesNo('unaccompanied'),
    ageInDoubt: yesNo('ageInDoubt'),
    exploitationCountries: countryList('exploitationCountries'),
    centre: field('centre')?.text ?? null,
    safetyNotes: field('safetyNotes')?.text ?? '',
  };

  // The same schema as the person form and `person add`: lengths, list sizes, codes.
  let fields: PersonFields | null = null;
  const parsed = personFieldsSchema.safeParse(input);
  if (parsed.success) fields = parsed.data;
  else if (!problems.some((p) => p.code === 'nameMissing')) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const top = path.split('.')[0] ?? '';
      const column = (MAPPABLE_FIELDS as readonly string[]).includes(top) ? mapping.columns[top as MappableField] : undefined;
      problems.push({ code: 'fieldInvalid', field: path, ...(column ? { column } : {}) });
    }
  }

  const events: MappedEvent[] = [];
  mapping.events.forEach((e, i) => {
    const n = i + 1;
    const countryText = 'column' in e.country ? cellOf(e.country.column) : e.country.value;
    const typeText = 'column' in e.type ? cellOf(e.type.column) : e.type.value;
    const dateText = cellOf(e.date.column);
    // A row fills the events it has: one with neither a type nor a date is not there (its country
    // column is often shared by every event of the row).
    if (!dateText && !('column' in e.type ? typeText : '')) return;
    if (!countryText || !typeText || !dateText) {
      problems.push({ code: 'eventIncomplete', event: n });
      return;
    }
    const code = parseCountry(countryText, mapping.values.country);
    if (code !== 'BE' && code !== 'NL' && code !== 'LU') {
      problems.push({ code: 'eventCountryInvalid', event: n, value: countryText, ...('column' in e.country ? { column: e.country.column } : {}) });
      return;
    }
    const type = parseEventType(code, typeText, mapping.values.eventType);
    if (type === null) {
      problems.push({ code: 'eventTypeUnknown', event: n, value: typeText, ...('column' in e.type ? { column: e.type.column } : {}) });
      return;
    }
    const date = dateOf({ column: e.date.column, text: dateText }, n);
    if (date) events.push({ event: n, country: code, type, date });
  });

  // The fields as read even when another cell of the row has a problem: the caller decides (the
  // preview shows them, the import takes only rows without problems).
  return { row: row.row, name, fields, dateOfBirth, events, problems };
}

/** The key two records are the same person by: folded given and family names and the date of birth. */
export function duplicateKey(givenNames: string, familyName: string, dateOfBirth: string | null): string | null {
  if (!dateOfBirth) return null;
  const name = valueKey(`${givenNames} ${familyName}`);
  return name ? `${name}|${dateOfBirth}` : null;
}
