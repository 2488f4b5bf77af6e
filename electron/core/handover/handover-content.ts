/**
 * What each section of a handover package carries (the format leaves their content to the
 * application, docs/handover-package.md "The manifest"), and how an imported package becomes a
 * person here. Version 1 of the sections (`v: 1` in each), documented in docs/handover-package.md
 * "Sections in Passerelle 1".
 *
 * Export: only the chosen sections are read from the person's record; nothing else leaves the vault.
 * Import: the sections come from a verified partner but are still untrusted input: every field is
 * parsed alone with the same zod schema as the person form and dropped when it does not pass, so a
 * strange value can never break the import or land in the database unchecked. The whole sections are
 * kept, as signed, in the read-only origin history.
 */
import { ProcedureRepo } from '../../../db/procedure.repo';
import type { Db } from '../../../db/connection';
import type { PersonRow } from '../../../db/persons.repo';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import type { HandoverSection } from '../../../shared/handover/package.schema';
import { personFieldsSchema, personFieldsShape, type PersonFields } from '../../../shared/persons/person.schema';
import { minorStatusOn } from '../../../shared/persons/minor-status';
import type { PersonFacts } from '../../../shared/handover/checklist.templates';
import { rowFields } from '../persons/person-mapping';
import { trackFactsOf } from '../persons/track-derivation';

export const SECTIONS_VERSION = 1;

export type SectionContent = Record<string, unknown>;

/** The content of the chosen sections for one person, read from the vault. */
export function sectionsOf(db: Db, row: PersonRow, chosen: readonly HandoverSection[], today: CalendarDate): Partial<Record<HandoverSection, SectionContent>> {
  const f = rowFields(row);
  const out: Partial<Record<HandoverSection, SectionContent>> = {};
  for (const s of chosen) {
    switch (s) {
      case 'identity':
        out.identity = {
          v: SECTIONS_VERSION,
          givenNames: f.givenNames,
          familyName: f.familyName,
          aliases: f.aliases,
          dateOfBirth: f.dateOfBirth,
          ageInDoubt: f.ageInDoubt,
          unaccompanied: f.unaccompanied,
          minorStatus: minorStatusOn({ basis: row.ageBasis, adultFrom: row.adultFrom ?? null }, today),
          gender: f.gender,
          nationalities: f.nationalities,
          languages: f.languages,
          interpreter: f.interpreter,
        };
        break;
      case 'contact':
        out.contact = { v: SECTIONS_VERSION, centre: f.centre, guardianships: f.guardianships };
        break;
      case 'procedure': {
        const repo = new ProcedureRepo(db);
        out.procedure = {
          v: SECTIONS_VERSION,
          detection: f.detection,
          identification: f.identification,
          tracks: repo.tracksOf(row.id).map((t) => ({
            country: t.country,
            openedOn: t.openedAt.slice(0, 10),
            phase: t.phaseId,
            closed: t.closed,
            events: repo.events(t.id).map((e) => ({
              type: e.type,
              date: e.date,
              documentExpiry: e.documentExpiry ?? null,
              ...(e.revocationGround ? { revocationGround: e.revocationGround } : {}),
            })),
          })),
        };
        break;
      }
      case 'exploitation':
        out.exploitation = { v: SECTIONS_VERSION, forms: f.exploitationForms, countries: f.exploitationCountries };
        break;
      case 'health':
        // Passerelle 1 records no health data in the person's fields: medical documents travel as
        // attachments (opt-in). The section is kept so a consent to 'health' can be honoured later.
        out.health = { v: SECTIONS_VERSION };
        break;
      case 'safety':
        out.safety = { v: SECTIONS_VERSION, safetyNotes: f.safetyNotes };
        break;
    }
  }
  return out;
}

type Shape = typeof personFieldsShape;

/** One field from untrusted JSON, or the field's default when it is missing or does not pass. */
function field<K extends keyof Shape>(key: K, value: unknown): PersonFields[K] {
  const schema = personFieldsShape[key] as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown } };
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as PersonFields[K];
  return (personFieldsShape[key] as unknown as { parse(v: unknown): PersonFields[K] }).parse(undefined);
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The person's fields here, from the sections received: identity, contact, exploitation and safety
 * fill the record; detection and identification come from the procedure section. The procedure
 * history itself is not replayed into tracks here (the legal procedure starts anew in this country):
 * it stays in the origin history. A person without a name is named by the sender's case code as an alias.
 */
export function personFieldsFromSections(sections: Partial<Record<string, unknown>>, senderCaseCode: string, today: CalendarDate): PersonFields {
  const id = obj(sections.identity);
  const contact = obj(sections.contact);
  const procedure = obj(sections.procedure);
  const exploitation = obj(sections.exploitation);
  const safety = obj(sections.safety);
  const fields: PersonFields = {
    givenNames: field('givenNames', id.givenNames),
    familyName: field('familyName', id.familyName),
    aliases: field('aliases', id.aliases),
    dateOfBirth: field('dateOfBirth', id.dateOfBirth),
    ageInDoubt: field('ageInDoubt', id.ageInDoubt),
    unaccompanied: field('unaccompanied', id.unaccompanied),
    gender: field('gender', id.gender),
    nationalities: field('nationalities', id.nationalities),
    languages: field('languages', id.languages),
    interpreter: field('interpreter', id.interpreter),
    safetyNotes: field('safetyNotes', safety.safetyNotes),
    guardianships: field('guardianships', contact.guardianships),
    detection: field('detection', procedure.detection),
    identification: field('identification', procedure.identification),
    exploitationForms: field('exploitationForms', exploitation.forms),
    exploitationCountries: field('exploitationCountries', exploitation.countries),
    centre: field('centre', contact.centre),
  };
  // The same rule as the person form: no date of birth in the future (the sender's clock, or a typo).
  if (fields.dateOfBirth.date && fields.dateOfBirth.date > today) fields.dateOfBirth = { precision: 'unknown', date: null };
  if (!fields.givenNames && !fields.familyName && fields.aliases.length === 0) fields.aliases = [senderCaseCode];
  return personFieldsSchema.parse(fields);
}

/** The facts a handover checklist depends on (presumed minor, unaccompanied, third-country national). */
export function handoverFactsOf(row: PersonRow, today: CalendarDate): PersonFacts {
  const t = trackFactsOf(row, today);
  const presumedMinor = t.isMinor || t.ageInDoubt;
  return {
    presumedMinor,
    unaccompaniedMinor: presumedMinor && t.unaccompanied,
    ageInDoubt: t.ageInDoubt,
    thirdCountryNational: t.thirdCountryNational,
  };
}
