/**
 * Re-reads a screen when the office server says something changed (team mode, event `data.changed`;
 * never sent in embedded mode). Events within COALESCE_MS become one re-read, so a burst of writes on
 * other desktops costs one call, and the first event is answered within a second.
 */
import { useEffect, useRef } from 'react';
import { onEvent } from '../api/client';

export const COALESCE_MS = 300;

/** `relevant` filters by the channel that changed something (the event carries nothing else). */
export function useDataChanged(reload: () => void, relevant: (channel: string) => boolean = () => true): void {
  const latest = useRef({ reload, relevant });
  latest.current = { reload, relevant };
  useEffect(() => {
    let timer: number | undefined;
    const off = onEvent('data.changed', (payload) => {
      if (!latest.current.relevant(payload.channel)) return;
      // Coalesce, not postpone: a steady stream of events still re-reads every COALESCE_MS.
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        latest.current.reload();
      }, COALESCE_MS);
    });
    return () => {
      off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
}

/** Channels whose writes can change what a person page, the person list or the dashboard show. */
const NOT_CASEWORK = /^(users|settings|session|prefs|statistics|retention|audit|directory|partners)\./;

export function changesCasework(channel: string): boolean {
  return !NOT_CASEWORK.test(channel);
}
