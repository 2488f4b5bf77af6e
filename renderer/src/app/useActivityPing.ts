import { useEffect } from 'react';
import { call } from '../api/client';

export const ACTIVITY_PING_MS = 20_000;

/**
 * Tells the main process the person is still here (`session.activity`), at most once per
 * 20 seconds, so its idle timer does not lock the vault under someone who is working.
 * Only enabled while the vault is unlocked.
 */
export function useActivityPing(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    // Unlocking counted as activity, so the first ping can wait.
    let lastPing = Date.now();
    const onInput = () => {
      const now = Date.now();
      if (now - lastPing < ACTIVITY_PING_MS) return;
      lastPing = now;
      // A LOCKED answer is picked up by the client's locked listener; nothing else to do here.
      call('session.activity', {}).catch(() => undefined);
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    window.addEventListener('keydown', onInput, options);
    window.addEventListener('pointerdown', onInput, options);
    window.addEventListener('wheel', onInput, options);
    return () => {
      window.removeEventListener('keydown', onInput, options);
      window.removeEventListener('pointerdown', onInput, options);
      window.removeEventListener('wheel', onInput, options);
    };
  }, [enabled]);
}
