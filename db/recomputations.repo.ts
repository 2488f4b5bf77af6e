/**
 * Tracks derived under older rule tables, and the due dates that changed when they were re-derived
 * ("deadline recomputed", shown until a staff member acknowledges it).
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from './connection';
import { deadlineRecomputations, trackDueDates, tracks } from './schema';

export type RecomputationRow = typeof deadlineRecomputations.$inferSelect;
export type TrackRowForUpgrade = typeof tracks.$inferSelect;

export class RecomputationsRepo {
  constructor(private readonly db: Db) {}

  /** Tracks whose stored state predates `version`. */
  tracksBefore(version: number): TrackRowForUpgrade[] {
    return this.db.select().from(tracks).where(lt(tracks.rulesVersion, version)).all();
  }

  /** Every track (a change of the organisation's policy re-derives them all). */
  allTracks(): TrackRowForUpgrade[] {
    return this.db.select().from(tracks).all();
  }

  storedDueDates(trackId: string): { kind: string; dueDate: string }[] {
    return this.db.select({ kind: trackDueDates.kind, dueDate: trackDueDates.dueDate }).from(trackDueDates).where(eq(trackDueDates.trackId, trackId)).all();
  }

  insert(rows: RecomputationRow[]): void {
    for (let i = 0; i < rows.length; i += 500) this.db.insert(deadlineRecomputations).values(rows.slice(i, i + 500)).run();
  }

  /** Not yet acknowledged, for some persons (all when `personIds` is null). */
  pending(personIds: readonly string[] | null): RecomputationRow[] {
    const open = isNull(deadlineRecomputations.acknowledgedAt);
    if (personIds === null) return this.db.select().from(deadlineRecomputations).where(open).all();
    if (personIds.length === 0) return [];
    return this.db
      .select()
      .from(deadlineRecomputations)
      .where(and(open, inArray(deadlineRecomputations.personId, [...personIds])))
      .all();
  }

  byId(id: string): RecomputationRow | undefined {
    return this.db.select().from(deadlineRecomputations).where(eq(deadlineRecomputations.id, id)).get();
  }

  acknowledge(id: string, at: string, by: string): void {
    this.db.update(deadlineRecomputations).set({ acknowledgedAt: at, acknowledgedBy: by }).where(eq(deadlineRecomputations.id, id)).run();
  }
}
