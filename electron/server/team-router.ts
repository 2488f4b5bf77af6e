/**
 * What the office server does with one call before the core's router: the session channels work
 * on tokens instead of opening and closing the vault, the token names the call's user, and a write
 * that carries a request id already applied is answered with its first answer instead of being
 * applied again, also after a restart of the server: the id is recorded inside the vault in the
 * same transaction as the write (db/schema/team.table.ts). See docs/team-server.md "Request ids".
 */
import { AppError, type Result } from '../../shared/errors';
import { contract, type Channel } from '../../shared/ipc/contract';
import type { Db } from '../../db/connection';
import { TeamRepo } from '../../db/team.repo';
import type { Core } from '../core/app-core';
import { fixedUser } from '../core/session/call-context';
import type { TeamSessions } from '../core/session/team-sessions';
import { fieldIssues } from '../core/router';
export { isChannel } from '../core/router';

export interface WireCall {
  channel: Channel;
  input: unknown;
  token: string | null;
  requestId: string | null;
  /** The client's address, for the failed-sign-in delay and refusal audit. */
  client: string;
}

export interface WireAnswer {
  result: Result<unknown>;
  /** Set on a successful sign-in only. */
  token?: string;
}

/**
 * Channels that change nothing: a retry of these is simply run again. Every other channel is a
 * write, remembered by request id (new channels default to the safe side).
 */
const READ_CHANNELS = new Set<string>([
  'app.status',
  'users.list',
  'settings.get',
  'audit.list',
  'audit.verify',
  'settings.organisation',
  'persons.list',
  'persons.get',
  'persons.assignees',
  'attachments.get',
  'deadlines.upcoming',
  'reminders.dashboard',
  'reminders.settings',
  'reminders.exportCalendar',
  'tasks.list',
  'keys.card',
  'partners.list',
  'directory.list',
  'handover.list',
  'handover.get',
  'handover.settings',
  'handover.previewImport',
  'handover.receipt',
  'handover.imports',
  'handover.origin',
  // Reads that only add an audit entry (an export, a search, a view): run again on a retry.
  'rules.settings',
  'vault.notices',
  'procedure.recomputations',
  'statistics.report',
  'statistics.export',
  'statistics.settings',
  'persons.accessRequest',
  'caseSummary.pdf',
  'handover.summaryPdf',
  'retention.settings',
  'notes.list',
  'notes.search',
  'appointments.list',
  'spreadsheetImport.inspect',
  'spreadsheetImport.dryRun',
  'persons.idByCaseCode',
  'persons.exportList',
  'persons.assigneeByUsername',
  'reminders.dueOn',
  'reminders.pending',
  'vault.keyGeneration',
  'handover.importIdOfPackage',
]);

/** Channels that belong to one desktop; a connected desktop answers them itself (remote/remote-router.ts). */
export const DESKTOP_CHANNELS = new Set<string>(['prefs.get', 'prefs.set', 'reminders.desktopPrefs', 'reminders.setDesktopPrefs']);

/** Done on the server machine by its administrator (CLI), never over the wire. */
const SERVER_ONLY_CHANNELS = new Set<string>(['vault.setup', 'session.recover']);

export function isWriteChannel(channel: string): boolean {
  return !READ_CHANNELS.has(channel) && !DESKTOP_CHANNELS.has(channel);
}

/** Writes nobody else needs to hear about: a desktop recording which reminders it showed its user. */
const QUIET_WRITES = new Set<string>(['reminders.notified']);

/** Passive channels (background polling) do not keep a session alive. */
// The desktop's reminder polling runs every minute by itself: it must not keep an idle session open.
const PASSIVE_CHANNELS = new Set<string>(['app.status', 'reminders.pending', 'reminders.notified']);

/** How long an applied request id (and its answer) is kept in the vault. */
export const REQUEST_ID_RETENTION_MS = 24 * 60 * 60_000;
/** Answers larger than this are not kept (a retry is told the write was applied, without the answer). */
export const STORED_ANSWER_MAX_CHARS = 1024 * 1024;
const PRUNE_EVERY_MS = 60_000;

export class TeamRouter {
  /** Writes running now, by user and request id: a retry that arrives meanwhile waits for the same answer. */
  private readonly running = new Map<string, Promise<WireAnswer>>();
  private lastPrune = 0;

  constructor(
    private readonly core: Core,
    private readonly sessions: TeamSessions,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private readonly writeListeners = new Set<(channel: Channel) => void>();

  /** Called after each successful write (the change feed). */
  onWrite(listener: (channel: Channel) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private written(channel: Channel, result: Result<unknown>): Result<unknown> {
    if (result.ok && isWriteChannel(channel) && !QUIET_WRITES.has(channel)) for (const l of this.writeListeners) l(channel);
    return result;
  }

  async call(call: WireCall): Promise<WireAnswer> {
    const { channel, token, client } = call;
    if (SERVER_ONLY_CHANNELS.has(channel) || DESKTOP_CHANNELS.has(channel)) {
      return { result: { ok: false, error: new AppError('FORBIDDEN', 'serverOnly').toPayload() } };
    }
    if (channel === 'session.unlock') return this.signIn(call);
    if (channel === 'session.lock') {
      if (token) this.sessions.signOut(token);
      return { result: { ok: true, value: null } };
    }
    const user = token ? this.sessions.identify(token, !PASSIVE_CHANNELS.has(channel)) : null;
    if (token && !user) this.sessions.refused(client);
    if (!user || !call.requestId || !isWriteChannel(channel)) {
      return { result: this.written(channel, await this.core.router.call(channel, call.input, { user: fixedUser(user) })) };
    }
    const requestId = call.requestId;
    const key = `${user.id}\n${requestId}`;
    const running = this.running.get(key);
    if (running) return running;
    const stored = this.core.vault.read((db) => new TeamRepo(db).request(user.id, requestId));
    if (stored) {
      if (stored.result === null) return { result: { ok: false, error: new AppError('CONFLICT', 'requestAlreadyApplied').toPayload() } };
      return { result: JSON.parse(stored.result) as Result<unknown> };
    }
    const prune = this.now() - this.lastPrune >= PRUNE_EVERY_MS;
    if (prune) this.lastPrune = this.now();
    const inWrite = (db: Db, at: string) => {
      const repo = new TeamRepo(db);
      // In the write's own transaction: committed with it, or rolled back with it.
      repo.markApplied(user.id, requestId, channel, at);
      // An erasure leaves no copy of the person's data in a kept answer.
      if (channel === 'persons.erase') repo.emptyResults();
      if (prune) repo.pruneRequests(new Date(this.now() - REQUEST_ID_RETENTION_MS).toISOString());
    };
    const answer = this.core.router
      .call(channel, call.input, { user: { ...fixedUser(user), inWrite } })
      .then((result) => {
        this.keepAnswer(user.id, requestId, result);
        return { result: this.written(channel, result) };
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, answer);
    return answer;
  }

  /** Stores the answer beside the applied id (a no-op when the call wrote nothing). */
  private keepAnswer(userId: string, requestId: string, result: Result<unknown>): void {
    const text = JSON.stringify(result);
    if (text.length > STORED_ANSWER_MAX_CHARS) return;
    try {
      this.core.vault.write(({ db }) => new TeamRepo(db).storeResult(userId, requestId, text));
    } catch {
      // Locked meanwhile (shutdown): the id stays recorded; a retry is told the write was applied.
    }
  }

  private async signIn(call: WireCall): Promise<WireAnswer> {
    const parsed = contract['session.unlock'].input.safeParse(call.input ?? {});
    if (!parsed.success) {
      return { result: { ok: false, error: new AppError('VALIDATION', 'validation', undefined, { fields: fieldIssues(parsed.error) }).toPayload() } };
    }
    try {
      // A new sign-in on this connection replaces the old session.
      if (call.token) this.sessions.signOut(call.token);
      const { token, user } = await this.sessions.signIn(parsed.data.username, parsed.data.password, call.client);
      return { result: { ok: true, value: user }, token };
    } catch (e) {
      if (e instanceof AppError) return { result: { ok: false, error: e.toPayload() } };
      throw e;
    }
  }

}
