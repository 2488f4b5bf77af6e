/** Consent records of a person. */
import { asc, eq } from 'drizzle-orm';
import type { CalendarDate } from '../shared/dates/calendar-date';
import type { Db } from './connection';
import type { RecordChange } from './record-change';
import { consents } from './schema';

export type ConsentRow = typeof consents.$inferSelect;

export class ConsentsRepo {
  constructor(private readonly db: Db) {}

  byId(id: string): ConsentRow | undefined {
    return this.db.select().from(consents).where(eq(consents.id, id)).get();
  }

  of(personId: string): ConsentRow[] {
    return this.db.select().from(consents).where(eq(consents.personId, personId)).orderBy(asc(consents.givenOn), asc(consents.recordedAt)).all();
  }

  insert(row: typeof consents.$inferInsert): void {
    this.db.insert(consents).values(row).run();
  }

  withdraw(id: string, withdrawnOn: CalendarDate, change: RecordChange): void {
    this.db.update(consents).set({ withdrawnOn, updatedAt: change.at, updatedBy: change.by, version: change.version }).where(eq(consents.id, id)).run();
  }
}
