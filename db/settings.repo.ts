import { eq } from 'drizzle-orm';
import type { Db } from './connection';
import { organisation, settings } from './schema';

export type OrganisationRow = typeof organisation.$inferSelect;

export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get(key: string): unknown {
    const row = this.db.select().from(settings).where(eq(settings.key, key)).get();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  set(key: string, value: unknown, at: string): void {
    const json = JSON.stringify(value);
    this.db
      .insert(settings)
      .values({ key, value: json, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at } })
      .run();
  }

  organisation(): OrganisationRow | undefined {
    return this.db.select().from(organisation).where(eq(organisation.id, 1)).get();
  }

  createOrganisation(row: Omit<OrganisationRow, 'id'>): void {
    this.db.insert(organisation).values({ id: 1, ...row }).run();
  }

  setCaseCodePrefix(prefix: string): void {
    this.db.update(organisation).set({ caseCodePrefix: prefix }).where(eq(organisation.id, 1)).run();
  }
}
