/**
 * Office server tables (db/schema/team.table.ts): writes already applied by request id, and the
 * reminders each user's desktop has shown.
 */
import type { Db } from './connection';

export interface StoredRequest {
  channel: string;
  createdAt: string;
  /** The router's answer as JSON; null while it is being stored, or after an erasure emptied it. */
  result: string | null;
}

export class TeamRepo {
  constructor(private readonly db: Db) {}

  request(userId: string, requestId: string): StoredRequest | null {
    const row = this.db.$client
      .prepare('SELECT channel, created_at AS createdAt, result FROM request_results WHERE user_id = ? AND request_id = ?')
      .get(userId, requestId) as StoredRequest | undefined;
    return row ?? null;
  }

  /** Inside the write's own transaction: the request is applied. False when it already was. */
  markApplied(userId: string, requestId: string, channel: string, at: string): boolean {
    return (
      this.db.$client
        .prepare('INSERT INTO request_results (user_id, request_id, channel, created_at, result) VALUES (?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING')
        .run(userId, requestId, channel, at).changes === 1
    );
  }

  storeResult(userId: string, requestId: string, result: string): void {
    this.db.$client.prepare('UPDATE request_results SET result = ? WHERE user_id = ? AND request_id = ?').run(result, userId, requestId);
  }

  /** After an erasure: no stored answer may still hold the erased person's data. */
  emptyResults(): number {
    return this.db.$client.prepare('UPDATE request_results SET result = NULL WHERE result IS NOT NULL').run().changes;
  }

  pruneRequests(before: string): number {
    return this.db.$client.prepare('DELETE FROM request_results WHERE created_at < ?').run(before).changes;
  }

  notifiedIds(userId: string): Set<string> {
    return new Set(this.db.$client.prepare('SELECT reminder_id FROM reminder_notified WHERE user_id = ?').pluck().all(userId) as string[]);
  }

  markNotified(userId: string, ids: readonly string[], at: string): void {
    const insert = this.db.$client.prepare('INSERT INTO reminder_notified (user_id, reminder_id, notified_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    for (const id of ids) insert.run(userId, id, at);
  }

  pruneNotified(before: string): number {
    return this.db.$client.prepare('DELETE FROM reminder_notified WHERE notified_at < ?').run(before).changes;
  }
}
