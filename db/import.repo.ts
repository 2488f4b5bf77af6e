/** What the spreadsheet import reads of existing persons: enough to find a duplicate by name and date of birth. */
import { isNotNull } from 'drizzle-orm';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Db } from './connection';
import { persons } from './schema';

export interface PersonIdentityRow {
  caseCode: string;
  givenNames: string;
  familyName: string;
  dob: CalendarDate | null;
}

export class ImportRepo {
  constructor(private readonly db: Db) {}

  /** Every person with a date of birth (a person without one cannot be matched by it). */
  identities(): PersonIdentityRow[] {
    return this.db
      .select({ caseCode: persons.caseCode, givenNames: persons.givenNames, familyName: persons.familyName, dob: persons.dob })
      .from(persons)
      .where(isNotNull(persons.dob))
      .all();
  }
}
