/**
 * What the office server does with one call before the core's router: the session channels work
 * on tokens instead of opening and closing the vault, the token names the call's user, and a write
 * that carries a request id already seen is answered from memory instead of being applied again.
 * See docs/team-server.md.
 */
import { AppError, type Result } from '../../shared/errors';
import { contract, type Channel } from '../../shared/ipc/contract';
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
]);

/** Channels that belong to one desktop; a connected desktop answers them itself (remote/remote-router.ts). */
export const DESKTOP_CHANNELS = new Set<string>(['prefs.get', 'prefs.set', 'reminders.desktopPrefs', 'reminders.setDesktopPrefs']);

/** Done on the server machine by its administrator (CLI), never over the wire. */
const SERVER_ONLY_CHANNELS = new Set<string>(['vault.setup', 'session.recover']);

export function isWriteChannel(channel: string): boolean {
  return !READ_CHANNELS.has(channel) && !DESKTOP_CHANNELS.has(channel);
}

/** Passive channels (background polling) do not keep a session alive. */
const PASSIVE_CHANNELS = new Set<string>(['app.status']);

const REQUEST_ID_TTL_MS = 15 * 60_000;
const REQUEST_ID_MAX = 20_000;

export class TeamRouter {
  /** Recent writes by user and request id: the answer, or the promise of it while it runs. */
  private readonly recent = new Map<string, { at: number; answer: Promise<WireAnswer> }>();

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
    if (result.ok && isWriteChannel(channel)) for (const l of this.writeListeners) l(channel);
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
    this.forgetOld();
    const key = `${user.id}\n${call.requestId}`;
    const seen = this.recent.get(key);
    if (seen) return seen.answer;
    const answer = this.core.router
      .call(channel, call.input, { user: fixedUser(user) })
      .then((result) => ({ result: this.written(channel, result) }));
    this.recent.set(key, { at: this.now(), answer });
    return answer;
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

  private forgetOld(): void {
    const limit = this.now() - REQUEST_ID_TTL_MS;
    for (const [key, entry] of this.recent) {
      if (entry.at >= limit && this.recent.size <= REQUEST_ID_MAX) break;
      this.recent.delete(key);
    }
  }
}
