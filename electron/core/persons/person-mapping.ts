/** Between person rows (db/) and the shapes of the contract (shared/persons). */
import type { NewPersonRow, PersonListRow, PersonRow } from '../../../db/persons.repo';
import type { Country } from '../../../shared/domain';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { DueKind } from '../../../shared/rules/rule.types';
import type { PhaseId } from '../../../shared/procedure/track.schema';
import { ageThreshold, minorStatusOn } from '../../../shared/persons/minor-status';
import type { NextDue, PersonFields, PersonListItem, PersonRecord } from '../../../shared/persons/person.schema';
import { personSearchText, personSortName } from '../../../shared/persons/search-text';

/** The columns written from the edited fields (not the derived procedure columns). */
export function fieldColumns(caseCode: string, f: PersonFields): Omit<NewPersonRow, 'id' | 'caseCode' | 'createdAt' | 'updatedAt' | 'isOpen'> {
  const threshold = ageThreshold({ precision: f.dateOfBirth.precision, date: f.dateOfBirth.date, ageInDoubt: f.ageInDoubt });
  return {
    givenNames: f.givenNames,
    familyName: f.familyName,
    aliases: f.aliases,
    dobPrecision: f.dateOfBirth.precision,
    dob: f.dateOfBirth.date,
    ageInDoubt: f.ageInDoubt,
    unaccompanied: f.unaccompanied,
    ageBasis: threshold.basis,
    adultFrom: threshold.adultFrom,
    gender: f.gender,
    nationalities: f.nationalities,
    residenceStatus: f.residenceStatus ?? null,
    parentalConflict: f.parentalConflict ?? false,
    parentsArePerpetrators: f.parentsArePerpetrators ?? false,
    languages: f.languages,
    interpreterNeeded: f.interpreter.needed,
    interpreterLanguage: f.interpreter.language,
    safetyNotes: f.safetyNotes,
    guardianships: f.guardianships,
    detection: f.detection,
    identification: f.identification,
    exploitationForms: f.exploitationForms,
    exploitationCountries: f.exploitationCountries,
    centre: f.centre,
    searchText: personSearchText({ caseCode, givenNames: f.givenNames, familyName: f.familyName, aliases: f.aliases }),
    sortName: personSortName(f),
  };
}

/** The edited fields of a stored row, to compare an update with. */
export function rowFields(row: PersonRow): PersonFields {
  return {
    givenNames: row.givenNames,
    familyName: row.familyName,
    aliases: row.aliases,
    dateOfBirth: { precision: row.dobPrecision, date: row.dob ?? null },
    ageInDoubt: row.ageInDoubt,
    unaccompanied: row.unaccompanied,
    gender: row.gender,
    nationalities: row.nationalities as PersonFields['nationalities'],
    residenceStatus: row.residenceStatus ?? null,
    parentalConflict: row.parentalConflict,
    parentsArePerpetrators: row.parentsArePerpetrators,
    languages: row.languages as PersonFields['languages'],
    interpreter: { needed: row.interpreterNeeded, language: (row.interpreterLanguage ?? null) as PersonFields['interpreter']['language'] },
    safetyNotes: row.safetyNotes,
    guardianships: row.guardianships,
    detection: row.detection ?? null,
    identification: row.identification ?? null,
    exploitationForms: row.exploitationForms,
    exploitationCountries: row.exploitationCountries as PersonFields['exploitationCountries'],
    centre: row.centre ?? null,
  };
}

function nextDue(date: CalendarDate | null, kind: string | null, country: Country | null): NextDue | null {
  return date && kind && country ? { date, kind: kind as DueKind, country } : null;
}

export function toRecord(row: PersonRow, caseworkerName: string | null, today: CalendarDate): PersonRecord {
  const f = rowFields(row);
  return {
    id: row.id,
    caseCode: row.caseCode,
    ...f,
    residenceStatus: row.residenceStatus ?? null,
    parentalConflict: row.parentalConflict,
    parentsArePerpetrators: row.parentsArePerpetrators,
    minorStatus: minorStatusOn({ basis: row.ageBasis, adultFrom: row.adultFrom ?? null }, today),
    caseworker: row.caseworkerId ? { id: row.caseworkerId, displayName: caseworkerName ?? '' } : null,
    open: row.isOpen,
    nextDue: nextDue(row.nextDueDate ?? null, row.nextDueKind ?? null, row.nextDueCountry ?? null),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function toListItem(row: PersonListRow, today: CalendarDate): PersonListItem {
  const tracks: PersonListItem['tracks'] = [];
  if (row.phaseBe) tracks.push({ country: 'BE', phase: row.phaseBe as PhaseId });
  if (row.phaseNl) tracks.push({ country: 'NL', phase: row.phaseNl as PhaseId });
  if (row.phaseLu) tracks.push({ country: 'LU', phase: row.phaseLu as PhaseId });
  return {
    id: row.id,
    caseCode: row.caseCode,
    givenNames: row.givenNames,
    familyName: row.familyName,
    aliases: JSON.parse(row.aliases) as string[],
    minorStatus: minorStatusOn({ basis: row.ageBasis, adultFrom: row.adultFrom }, today),
    caseworker: row.caseworkerId ? { id: row.caseworkerId, displayName: row.caseworkerName ?? '' } : null,
    tracks,
    nextDue: nextDue(row.nextDueDate, row.nextDueKind, row.nextDueCountry),
    missingExpiryCountry: row.missingExpiryCountry ?? null,
    open: row.isOpen === 1,
  };
}
