/**
 * The person list as windows of `persons.list` (offset/limit), fetched as they scroll into view, so
 * the list stays smooth at 100k persons: only the total and the pages around the visible rows are
 * ever in memory. A new query (search, filter, sort) keeps the previous results on screen until its
 * first page arrives, then replaces them; answers to an older query are dropped when they come late.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import type { PersonListItem } from '../../../../shared/persons/person.schema';
import type { In } from '../../../../shared/ipc/contract';
import { call, toErrorPayload } from '../../api/client';

export const PAGE_SIZE = 100;
/** Pages kept in memory; the ones farthest from the page just loaded are dropped first. */
const KEEP_PAGES = 20;

export type PersonListFilters = Omit<In<'persons.list'>, 'offset' | 'limit' | 'today'>;

export interface PersonWindows {
  /** The query whose results are shown (may lag the latest query by one answer). */
  shownKey: string | null;
  /** null until the first page of any query arrived. */
  total: number | null;
  /** The row at `index`, or undefined while its page is loading. */
  itemAt: (index: number) => PersonListItem | undefined;
  /** Asks for the pages holding rows first..last (inclusive). */
  ensureRange: (first: number, last: number) => void;
  error: ErrorPayload | null;
  loading: boolean;
  reload: () => void;
}

interface Store {
  key: string;
  pages: Map<number, PersonListItem[]>;
  inFlight: Set<number>;
  total: number | null;
}

const newStore = (key: string): Store => ({ key, pages: new Map(), inFlight: new Set(), total: null });

export function usePersonWindows(query: PersonListFilters): PersonWindows {
  const key = JSON.stringify(query);
  /** The latest query's store (being filled). */
  const latest = useRef<Store | null>(null);
  /** The store on screen. */
  const [shown, setShown] = useState<Store | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [loading, setLoading] = useState(false);
  // Bumped whenever a page arrives, so the rows re-render with it.
  const [, setVersion] = useState(0);
  const [reloads, setReloads] = useState(0);

  const fetchPage = useCallback(async (store: Store, page: number) => {
    if (store.pages.has(page) || store.inFlight.has(page)) return;
    store.inFlight.add(page);
    setLoading(true);
    try {
      const filters = JSON.parse(store.key) as PersonListFilters;
      const result = await call('persons.list', { ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (latest.current !== store) return;
      store.pages.set(page, result.items);
      store.total = result.total;
      if (store.pages.size > KEEP_PAGES) {
        const far = [...store.pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
        for (const other of far) {
          if (store.pages.size <= KEEP_PAGES) break;
          if (other !== page) store.pages.delete(other);
        }
      }
      setShown(store);
      setError(null);
      setVersion((v) => v + 1);
    } catch (e) {
      if (latest.current === store) setError(toErrorPayload(e));
    } finally {
      store.inFlight.delete(page);
      if (latest.current === store) setLoading(store.inFlight.size > 0);
    }
  }, []);

  useEffect(() => {
    const store = newStore(key);
    latest.current = store;
    void fetchPage(store, 0);
  }, [key, reloads, fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const store = latest.current;
      // Until the new query's first page is on screen, the visible rows belong to the old one.
      if (!store || store !== shown || last < first) return;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) void fetchPage(store, page);
    },
    [fetchPage, shown],
  );

  const itemAt = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [shown],
  );
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { shownKey: shown?.key ?? null, total: shown?.total ?? null, itemAt, ensureRange, error, loading, reload };
}
