/**
 * The renderer's only way to the main process: a typed wrapper around `window.passerelle`.
 * Channel names, inputs and outputs come from shared/ipc/contract.ts, so a wrong call fails to compile.
 */
import type { Channel, EventName, EventPayload, In, Out, PasserelleApi } from '../../../shared/ipc/contract';
import type { ErrorPayload, Result } from '../../../shared/errors';

/** A failed call: carries the main process's ErrorPayload so the UI can translate `key` with `params`. */
export class ClientError extends Error {
  readonly payload: ErrorPayload;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ClientError';
    this.payload = payload;
  }

  get code(): ErrorPayload['code'] {
    return this.payload.code;
  }
}

const BRIDGE_MISSING: ErrorPayload = {
  code: 'INTERNAL',
  key: 'internal',
  message: 'window.passerelle is not available',
};

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && window.passerelle !== undefined;
}

function bridge(): PasserelleApi {
  const api = window.passerelle;
  if (!api) throw new ClientError(BRIDGE_MISSING);
  return api;
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Called whenever any call fails with LOCKED: the vault locked behind the UI's back
 * (idle timer, suspend), so the app must return to the unlock screen at once.
 */
export function onLockedError(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>> {
  const api = bridge();
  let result: Result<Out<C>>;
  try {
    result = await api.invoke(channel, input);
  } catch {
    // A transport failure (IPC torn down, bridge offline). The error itself may hold
    // details we do not want on screen; the UI shows the generic internal message.
    throw new ClientError({ code: 'INTERNAL', key: 'internal', message: `${channel} could not be delivered` });
  }
  if (!result.ok) {
    if (result.error.code === 'LOCKED') for (const listener of lockedListeners) listener();
    throw new ClientError(result.error);
  }
  return result.value;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = window.passerelle;
  if (!api) return () => undefined;
  return api.on(event, listener);
}

/** Any thrown value as an ErrorPayload: ClientErrors keep theirs, anything else is INTERNAL. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof ClientError) return error.payload;
  return { code: 'INTERNAL', key: 'internal', message: 'Unexpected error in the renderer' };
}
