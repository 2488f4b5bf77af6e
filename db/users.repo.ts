import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './connection';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

export class UsersRepo {
  constructor(private readonly db: Db) {}

  all(): UserRow[] {
    return this.db.select().from(users).orderBy(asc(users.username)).all();
  }

  byId(id: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.username, username)).get();
  }

  insert(row: UserRow): void {
    this.db.insert(users).values(row).run();
  }

  activeAdmins(): UserRow[] {
    return this.db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active'))).all();
  }

  setRole(id: string, role: UserRow['role']): void {
    this.db.update(users).set({ role }).where(eq(users.id, id)).run();
  }

  setSlot(id: string, slotId: string): void {
    this.db.update(users).set({ slotId }).where(eq(users.id, id)).run();
  }

  disable(id: string, at: string): void {
    this.db.update(users).set({ status: 'disabled', disabledAt: at }).where(eq(users.id, id)).run();
  }
}
