/**
 * The IPC router: one entry per contract channel. It checks the session (unlocked? role allowed?),
 * then parses the input with the contract's schema, calls the service and returns a Result.
 * It imports no electron: main registers it with ipcMain, the test bridge serves it over loopback HTTP.
 *
 * Access before validation: someone without the role learns nothing about a channel's input shape
 * (a caseworker probing an admin channel gets FORBIDDEN whatever the body), and a refusal does not
 * depend on what was sent.
 */
import { ZodError } from 'zod';
import { AppError, type FieldIssue, type Result } from '../../shared/errors';
import { contract, type Channel, type Out, type Parsed, type SessionUser } from '../../shared/ipc/contract';
import type { Logger } from './ports';
import { runInCall, type CallUserSource } from './session/call-context';

export interface CallContext {
  /** The signed-in user for channels that require one; null for public channels while locked. */
  session: SessionUser | null;
}

/** A handler for every channel: a channel without one does not compile. */
export type Handlers = {
  [C in Channel]: (input: Parsed<C>, ctx: CallContext) => Promise<Out<C>> | Out<C>;
};

export interface SessionGate {
  session(): SessionUser | null;
  requireSession(): SessionUser;
  requireRole(...roles: SessionUser['role'][]): SessionUser;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const out: FieldIssue = { path: issue.path.map(String).join('.'), code: issue.code, message: issue.message };
    if ('minimum' in issue && typeof issue.minimum === 'number') out.minimum = issue.minimum;
    if ('maximum' in issue && typeof issue.maximum === 'number') out.maximum = issue.maximum;
    return out;
  });
}

/** What the transport knows about a call: the office server names the user its token belongs to. */
export interface CallMeta {
  user?: CallUserSource;
}

/** A call refused for who made it (FORBIDDEN) or for what it asked for (NOT_FOUND). */
export interface RefusedCall {
  channel: Channel;
  code: 'FORBIDDEN' | 'NOT_FOUND';
  /** The signed-in user, or null on a public channel while locked. */
  session: SessionUser | null;
}

export interface Router {
  call(channel: unknown, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
}

export function createRouter(
  handlers: Handlers,
  deps: {
    gate: SessionGate;
    logger: Logger;
    onActivity?: (channel: Channel) => void;
    /** The call's user when the transport names none: the desktop's signed-in user (embedded mode). */
    desktopUser?: CallUserSource;
    /**
     * Records a refused call (the audit trail). Gets the channel, the code and the user, never the
     * input. Must not throw; a failure to record does not change the answer to the caller.
     */
    onRefused?: (refused: RefusedCall) => void;
  },
): Router {
  const nobody: CallUserSource = { user: () => null };
  async function dispatch<C extends Channel>(channel: C, raw: unknown): Promise<Out<C>> {
    const def = contract[channel];
    let session: SessionUser | null;
    if (def.access === 'public') session = deps.gate.session();
    else if (def.access === 'unlocked') session = deps.gate.requireSession();
    else session = deps.gate.requireRole(...def.access);
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'validation', undefined, { fields: fieldIssues(parsed.error) });
    }
    const handler = handlers[channel] as (input: Parsed<C>, ctx: CallContext) => Promise<Out<C>> | Out<C>;
    return handler(parsed.data as Parsed<C>, { session });
  }

  function refused(channel: Channel, code: RefusedCall['code']): void {
    if (!deps.onRefused) return;
    try {
      deps.onRefused({ channel, code, session: deps.gate.session() });
    } catch (e) {
      deps.logger.error('ipc.refused-audit-failed', e);
    }
  }

  return {
    call(channel, input, meta) {
      // Every call runs in its own context holding its user (session/call-context.ts).
      return runInCall(meta?.user ?? deps.desktopUser ?? nobody, () => callInContext(channel, input));
    },
  };

  async function callInContext(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: new AppError('NOT_FOUND', 'notFound', undefined, { reason: 'channel' }).toPayload() };
    }
    try {
      const value = await dispatch(channel, input);
      deps.onActivity?.(channel);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) {
        if (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND') refused(channel, e.code);
        return { ok: false, error: e.toPayload() };
      }
      if (e instanceof ZodError) {
        return { ok: false, error: new AppError('VALIDATION', 'validation', undefined, { fields: fieldIssues(e) }).toPayload() };
      }
      deps.logger.error(`ipc.${channel}.failed`, e);
      return { ok: false, error: new AppError('INTERNAL', 'internal').toPayload() };
    }
  }
}
