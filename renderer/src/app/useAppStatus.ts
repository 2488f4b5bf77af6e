/**
 * The app's view of the vault: `app.status`, kept fresh by the `session.changed` event, a poll
 * every 15 seconds, the window becoming visible again, and any call that fails with LOCKED.
 * When the vault locks (idle timer, suspend, screen lock, another window), the state flips to
 * 'locked' at once and the unlocked screens unmount, which drops every piece of data they held.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus, EventPayload } from '../../../shared/ipc/contract';
import type { ErrorPayload } from '../../../shared/errors';
import { call, onEvent, onLockedError, toErrorPayload } from '../api/client';

export const STATUS_POLL_MS = 15_000;

export type LockReason = EventPayload<'session.changed'>['reason'];

export interface AppStatusState {
  status: AppStatus | null;
  /** Only set while no status could ever be read. */
  loadError: ErrorPayload | null;
  /** Why the vault was last locked while this window watched, if known. */
  lockReason: LockReason | null;
  /** The last lock could not write the key-slot file's audit anchor: the unlock screen says so. */
  anchorFailedAtLock: boolean;
  refresh: () => Promise<void>;
  /** Show the locked state now, without waiting for the main process to confirm. */
  markLocked: (reason: LockReason) => void;
}

function sameStatus(a: AppStatus | null, b: AppStatus): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export function useAppStatus(): AppStatusState {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const [anchorFailedAtLock, setAnchorFailedAtLock] = useState(false);
  // Each request gets a number; an answer older than the latest request or lock is dropped,
  // so a poll that started before a lock cannot bring the unlocked screens back.
  const generation = useRef(0);
  const hasStatus = useRef(false);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const next = await call('app.status', {});
      if (mine !== generation.current) return;
      hasStatus.current = true;
      setStatus((previous) => (sameStatus(previous, next) ? previous : next));
      setLoadError(null);
    } catch (e) {
      if (mine !== generation.current) return;
      // Keep showing the last known state; only a first failure leaves nothing to show.
      if (!hasStatus.current) setLoadError(toErrorPayload(e));
    }
  }, []);

  const markLocked = useCallback((reason: LockReason) => {
    generation.current++;
    setLockReason(reason);
    setStatus((previous) =>
      previous && previous.state === 'unlocked' ? { ...previous, state: 'locked', user: null } : previous,
    );
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), STATUS_POLL_MS);
    const offChanged = onEvent('session.changed', (payload) => {
      if (payload.state === 'locked') markLocked(payload.reason);
      else setLockReason(null);
      setAnchorFailedAtLock(payload.state === 'locked' && payload.anchorFailed === true);
      void refresh();
    });
    const offLocked = onLockedError(() => void refresh());
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      offChanged();
      offLocked();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, markLocked]);

  return { status, loadError, lockReason, anchorFailedAtLock, refresh, markLocked };
}
