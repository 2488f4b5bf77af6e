import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CalendarDate } from '../../shared/dates/calendar-date';
import type { PersonFields } from '../../shared/persons/person.schema';
import { users } from './users.table';

/** 'No deadline' sorts after every date, so the list's ORDER BY runs along an index (nulls last). */
export const NO_DUE_SORT = '9999-12-31';

/**
 * Supported persons. Everything here is personal data, inside the encrypted database.
 * Derived columns (search text, sort name, age threshold, phases per country, next deadline) are
 * written by the service after each change so lists never re-derive 100k records.
 */
export const persons = sqliteTable(
  'persons',
  {
    /** Random uuid: the pseudonymous id the audit trail uses. */
    id: text('id').primaryKey(),
    caseCode: text('case_code').notNull(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    dobPrecision: text('dob_precision', { enum: ['exact', 'approximate', 'disputed', 'unknown'] }).notNull(),
    dob: text('dob').$type<CalendarDate>(),
    ageInDoubt: integer('age_in_doubt', { mode: 'boolean' }).notNull(),
    unaccompanied: integer('unaccompanied', { mode: 'boolean' }).notNull(),
    /** shared/persons/minor-status.ts ageThreshold(): how minor status is decided, and from which day the person is an adult. */
    ageBasis: text('age_basis', { enum: ['exact', 'approximate', 'presumed', 'unknown'] }).notNull(),
    adultFrom: text('adult_from').$type<CalendarDate>(),
    gender: text('gender', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    nationalities: text('nationalities', { mode: 'json' }).$type<string[]>().notNull(),
    /** shared/persons/residence-status.ts; null: derived from the nationalities. */
    residenceStatus: text('residence_status', { enum: ['thirdCountryNoStatus', 'euCitizen', 'lawfulResident'] }),
    /** Luxembourg triggers for a guardian and an ad hoc administrator (brochure §4 LU "Minderjarige slachtoffers"). */
    parentalConflict: integer('parental_conflict', { mode: 'boolean' }).notNull().default(false),
    parentsArePerpetrators: integer('parents_are_perpetrators', { mode: 'boolean' }).notNull().default(false),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    interpreterNeeded: integer('interpreter_needed', { mode: 'boolean' }).notNull(),
    interpreterLanguage: text('interpreter_language'),
    safetyNotes: text('safety_notes').notNull(),
    guardianships: text('guardianships', { mode: 'json' }).$type<PersonFields['guardianships']>().notNull(),
    detection: text('detection', { mode: 'json' }).$type<PersonFields['detection']>(),
    identification: text('identification', { mode: 'json' }).$type<PersonFields['identification']>(),
    exploitationForms: text('exploitation_forms', { mode: 'json' }).$type<PersonFields['exploitationForms']>().notNull(),
    exploitationCountries: text('exploitation_countries', { mode: 'json' }).$type<string[]>().notNull(),
    centre: text('centre'),
    caseworkerId: text('caseworker_id').references(() => users.id),
    /** shared/persons/search-text.ts personSearchText(): folded names, aliases and case code. */
    searchText: text('search_text').notNull(),
    /** Folded "family given", for the name sort. */
    sortName: text('sort_name').notNull(),
    /** The current phase of the person's track in each country (null: no track there). */
    phaseBe: text('phase_be'),
    phaseNl: text('phase_nl'),
    phaseLu: text('phase_lu'),
    /** Open while the person has no track or a track not in a terminal phase. */
    isOpen: integer('is_open', { mode: 'boolean' }).notNull(),
    /** The earliest running due date over all tracks. */
    nextDueDate: text('next_due_date').$type<CalendarDate>(),
    nextDueKind: text('next_due_kind'),
    nextDueCountry: text('next_due_country', { enum: ['BE', 'NL', 'LU'] }),
    /** A track whose document was recorded without its printed expiry (tracks.missing_expiry_kind): its country. */
    missingExpiryCountry: text('missing_expiry_country', { enum: ['BE', 'NL', 'LU'] }),
    /** nextDueDate, or NO_DUE_SORT: the list's sort key. */
    nextDueSort: text('next_due_sort').notNull().default(NO_DUE_SORT),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
    /** Optimistic concurrency (docs/team-server.md "Concurrent edits"): +1 at every update or assignment. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('persons_case_code_unique').on(t.caseCode),
    // The list sorted by next deadline: the filters' columns are in the index, so a filtered page
    // and its count read the index only, never the (large) rows.
    index('persons_list_due').on(
      t.isOpen,
      t.nextDueSort,
      t.caseCode,
      t.ageBasis,
      t.adultFrom,
      t.caseworkerId,
      t.phaseBe,
      t.phaseNl,
      t.phaseLu,
    ),
    index('persons_list_name').on(t.isOpen, t.sortName, t.caseCode),
    index('persons_caseworker_due').on(t.caseworkerId, t.isOpen, t.nextDueSort, t.caseCode),
    // A search scans this narrow index instead of the rows.
    index('persons_search').on(t.searchText, t.isOpen, t.caseworkerId, t.nextDueSort, t.caseCode),
    index('persons_phase_be').on(t.phaseBe).where(sql`${t.phaseBe} IS NOT NULL`),
    index('persons_phase_nl').on(t.phaseNl).where(sql`${t.phaseNl} IS NOT NULL`),
    index('persons_phase_lu').on(t.phaseLu).where(sql`${t.phaseLu} IS NOT NULL`),
    index('persons_missing_expiry').on(t.missingExpiryCountry, t.caseworkerId).where(sql`${t.missingExpiryCountry} IS NOT NULL`),
    // A caseload's persons with what the dashboard joins and shows (id, case code): its due-date
    // reads never open the (large) person rows.
    index('persons_caseload').on(t.caseworkerId, t.id, t.caseCode),
    // A caseload's open persons without a recorded expiry, in case-code order (the dashboard's list).
    index('persons_caseworker_missing_expiry').on(t.caseworkerId, t.caseCode).where(sql`${t.missingExpiryCountry} IS NOT NULL AND ${t.isOpen} = 1`),
  ],
);

/** The last case number used in each year (case codes PREFIX-YEAR-NNNN). */
export const caseCodeCounters = sqliteTable('case_code_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
