/**
 * The IPC router: one entry per contract channel. It parses the input with the contract's schema,
 * checks the session (unlocked? role allowed?), calls the service and returns a Result.
 * It imports no electron: main registers it with ipcMain, the test bridge serves it over loopback HTTP.
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
  },
): Router {
  const nobody: CallUserSource = { user: () => null };
  async function dispatch<C extends Channel>(channel: C, raw: unknown): Promise<Out<C>> {
    const def = contract[channel];
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'validation', undefined, { fields: fieldIssues(parsed.error) });
    }
    let session: SessionUser | null;
    if (def.access === 'public') session = deps.gate.session();
    else if (def.access === 'unlocked') session = deps.gate.requireSession();
    else session = deps.gate.requireRole(...def.access);
    const handler = handlers[channel] as (input: Parsed<C>, ctx: CallContext) => Promise<Out<C>> | Out<C>;
    return handler(parsed.data as Parsed<C>, { session });
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
      if (e instanceof AppError) return { ok: false, error: e.toPayload() };
      if (e instanceof ZodError) {
        return { ok: false, error: new AppError('VALIDATION', 'validation', undefined, { fields: fieldIssues(e) }).toPayload() };
      }
      deps.logger.error(`ipc.${channel}.failed`, e);
      return { ok: false, error: new AppError('INTERNAL', 'internal').toPayload() };
    }
  }
}
