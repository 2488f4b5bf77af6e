/**
 * The person list: instant search by name, alias or case code, sort, filters, and a
 * virtualised grid fed by windows of `persons.list`. Keyboard: the down arrow leaves the search box
 * for the list; arrows, Page Up/Down, Home and End move through it; Enter opens the person.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { changesCasework, useDataChanged } from '../../team/useDataChanged';
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country } from '../../../../shared/domain';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee, PersonListItem } from '../../../../shared/persons/person.schema';
import { MINOR_STATUSES } from '../../../../shared/persons/minor-status';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { deadlineView, todayLocal } from '../../format/deadline';
import { useLanguage } from '../../format/labels';
import { MinorBadge } from '../parts/MinorBadge';
import { dueKindLabel, phaseFilterOptions, phaseLabel } from '../rule-labels';
import { usePersonWindows, type PersonListFilters } from './usePersonWindows';
import { AlsoSearchNotesToggle, NotesSearchResults, useAlsoSearchNotes } from '../../casework/NotesSearchResults';

/** Two short lines per row: at least 12 rows fit a 1366x768 window under the filters. */
export const ROW_HEIGHT = 44;
const SEARCH_DEBOUNCE_MS = 150;

export interface PersonListState {
  search: string;
  country: Country | '';
  phase: string;
  minorStatus: string;
  caseworkerId: string;
  status: 'open' | 'closed' | 'all';
  sort: 'nextDeadline' | 'caseCode' | 'name';
  /** The row to bring back into view and focus when returning from a person. */
  activeIndex: number;
}

export const INITIAL_LIST_STATE: PersonListState = {
  search: '',
  country: '',
  phase: '',
  minorStatus: '',
  caseworkerId: '',
  status: 'open',
  sort: 'nextDeadline',
  activeIndex: -1,
};

function toFilters(state: PersonListState, search: string): PersonListFilters {
  const filters: PersonListFilters = { search: search.trim(), status: state.status, sort: state.sort };
  if (state.country) filters.country = state.country;
  if (state.phase) filters.phase = state.phase as PersonListFilters['phase'];
  if (state.minorStatus) filters.minorStatus = state.minorStatus as PersonListFilters['minorStatus'];
  if (state.caseworkerId) filters.caseworkerId = state.caseworkerId;
  return filters;
}

export function personName(item: { givenNames: string; familyName: string }): string {
  return [item.familyName, item.givenNames].filter((part) => part.trim() !== '').join(', ');
}

interface PersonListProps {
  user: SessionUser;
  assignees: Assignee[];
  state: PersonListState;
  onStateChange: (state: PersonListState) => void;
  /** Coming back from a person: focus their row instead of the page title. */
  returning: boolean;
  onOpen: (personId: string, index: number) => void;
  onNew: () => void;
}

export function PersonList({ user, assignees, state, onStateChange, returning, onOpen, onNew }: PersonListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const seesEveryCase = user.role !== 'caseworker';
  const [debouncedSearch] = useDebouncedValue(state.search, SEARCH_DEBOUNCE_MS);
  const [alsoNotes, setAlsoNotes] = useAlsoSearchNotes();
  const filters = useMemo(() => toFilters(state, debouncedSearch), [state, debouncedSearch]);
  const windows = usePersonWindows(filters);
  // Team mode: a person created or changed on another desktop shows up without a reload.
  useDataChanged(windows.reload, changesCasework);
  const total = windows.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [activeIndex, setActiveIndex] = useState(state.activeIndex);
  const focusPending = useRef<number | null>(returning && state.activeIndex >= 0 ? state.activeIndex : null);

  const update = (patch: Partial<PersonListState>) => onStateChange({ ...state, ...patch, activeIndex: -1 });

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    windows.ensureRange(first, last);
  }, [windows, first, last]);

  // A new answer to a new query starts at the top.
  const shownKey = windows.shownKey;
  const previousKey = useRef(shownKey);
  useEffect(() => {
    if (previousKey.current !== null && previousKey.current !== shownKey) {
      scrollRef.current?.scrollTo({ top: 0 });
      setActiveIndex(-1);
    }
    previousKey.current = shownKey;
  }, [shownKey]);

  const focusRow = useCallback((index: number, attempt = 0) => {
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      return;
    }
    if (attempt < 10) requestAnimationFrame(() => focusRow(index, attempt + 1));
  }, []);

  const moveTo = useCallback(
    (index: number) => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      setActiveIndex(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      focusRow(next);
    },
    [total, virtualizer, focusRow],
  );

  // Back from a person page: their row again, in view and focused.
  useLayoutEffect(() => {
    const index = focusPending.current;
    if (index === null || windows.total === null) return;
    focusPending.current = null;
    if (index < windows.total) moveTo(index);
  }, [windows.total, moveTo]);

  const open = (index: number) => {
    const item = windows.itemAt(index);
    if (!item) return;
    onStateChange({ ...state, activeIndex: index });
    onOpen(item.id, index);
  };

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const current = activeIndex < 0 ? 0 : activeIndex;
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex < 0 ? 0 : current + 1);
        break;
      case 'ArrowUp':
        if (current === 0) searchRef.current?.focus();
        else moveTo(current - 1);
        break;
      case 'PageDown':
        moveTo(current + perPage);
        break;
      case 'PageUp':
        moveTo(current - perPage);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
      case ' ':
        open(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const phaseOptions = useMemo(
    () => [{ value: '', label: t('persons.any') }, ...phaseFilterOptions(state.country ? [state.country] : COUNTRIES, language, t)],
    [state.country, language, t],
  );

  const filtered =
    state.search.trim() !== '' || state.country !== '' || state.phase !== '' || state.minorStatus !== '' || state.caseworkerId !== '' || state.status !== 'open';
  const sortLabel = { nextDeadline: t('persons.sortNextDeadline'), caseCode: t('persons.sortCaseCode'), name: t('persons.sortName') }[state.sort];

  return (
    <Stack gap="xs" h="100%">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="lg" align="baseline" wrap="nowrap">
          <PageTitle focusOnMount={!returning}>{t('persons.title')}</PageTitle>
          <Text role="status" fw={600} data-testid="person-count" aria-busy={windows.loading}>
            {windows.total === null ? t('common.loading') : t('persons.found', { number: new Intl.NumberFormat(language).format(windows.total) })}
          </Text>
          {filtered ? (
            <Button variant="subtle" size="compact-sm" onClick={() => onStateChange({ ...INITIAL_LIST_STATE })}>
              {t('persons.clearFilters')}
            </Button>
          ) : null}
          <AlsoSearchNotesToggle checked={alsoNotes} onChange={setAlsoNotes} />
        </Group>
        <Text size="xs" c="dimmed" id={hintId} ta="right">
          {t('persons.keyboardHint')}
        </Text>
        <Button onClick={onNew} data-testid="new-person">
          {t('persons.new')}
        </Button>
      </Group>

      <Group align="flex-end" gap={8} wrap="wrap" className="person-filters">
        <TextInput
          ref={searchRef}
          type="search"
          size="xs"
          label={t('persons.search')}
          placeholder={t('persons.searchPlaceholder')}
          aria-describedby={hintId}
          value={state.search}
          onChange={(event) => update({ search: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && total > 0) {
              event.preventDefault();
              moveTo(0);
            }
          }}
          autoComplete="off"
          spellCheck={false}
          w={200}
          data-testid="person-search"
        />
        <NativeSelect
          size="xs"
          label={t('persons.sort')}
          value={state.sort}
          onChange={(event) => update({ sort: event.currentTarget.value as PersonListState['sort'] })}
          data={[
            { value: 'nextDeadline', label: t('persons.sortNextDeadline') },
            { value: 'caseCode', label: t('persons.sortCaseCode') },
            { value: 'name', label: t('persons.sortName') },
          ]}
          w={140}
        />
        <NativeSelect
          size="xs"
          label={t('persons.country')}
          value={state.country}
          onChange={(event) => {
            const country = event.currentTarget.value as Country | '';
            // A phase of another country would match nobody.
            const keepPhase = country === '' || state.phase.startsWith(`${country.toLowerCase()}.`);
            update({ country, phase: keepPhase ? state.phase : '' });
          }}
          data={[{ value: '', label: t('persons.any') }, ...COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))]}
          w={100}
        />
        <NativeSelect size="xs" label={t('persons.phase')} value={state.phase} onChange={(event) => update({ phase: event.currentTarget.value })} data={phaseOptions} w={190} />
        <NativeSelect
          size="xs"
          label={t('persons.minor')}
          value={state.minorStatus}
          onChange={(event) => update({ minorStatus: event.currentTarget.value })}
          data={[{ value: '', label: t('persons.any') }, ...MINOR_STATUSES.map((s) => ({ value: s, label: t(`minorStatus.${s}`) }))]}
          w={130}
        />
        {seesEveryCase ? (
          <NativeSelect
            size="xs"
            label={t('persons.caseworker')}
            value={state.caseworkerId}
            onChange={(event) => update({ caseworkerId: event.currentTarget.value })}
            data={[
              { value: '', label: t('persons.any') },
              { value: 'unassigned', label: t('persons.unassigned') },
              ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
            ]}
            w={130}
          />
        ) : null}
        <NativeSelect
          size="xs"
          label={t('persons.status')}
          value={state.status}
          onChange={(event) => update({ status: event.currentTarget.value as PersonListState['status'] })}
          data={[
            { value: 'open', label: t('persons.statusOpen') },
            { value: 'closed', label: t('persons.statusClosed') },
            { value: 'all', label: t('persons.statusAll') },
          ]}
          w={110}
        />
      </Group>

      <NotesSearchResults search={debouncedSearch} alsoNotes={alsoNotes} onOpen={(personId) => onOpen(personId, -1)} />

      {windows.error ? (
        <Stack gap="xs" align="flex-start">
          <Text>{t('persons.loadFailed')}</Text>
          <ErrorAlert error={windows.error} testId="persons-load-error" />
          <Button variant="default" onClick={windows.reload}>
            {t('common.tryAgain')}
          </Button>
        </Stack>
      ) : null}

      <div
        role="grid"
        aria-label={`${t('persons.tableLabel')}, ${t('persons.sort').toLowerCase()} ${sortLabel.toLowerCase()}`}
        aria-rowcount={total + 1}
        aria-colcount={6}
        aria-describedby={hintId}
        aria-busy={windows.loading}
        className="person-grid"
        data-testid="person-grid"
      >
        <div role="row" aria-rowindex={1} className="person-grid-header">
          <div role="columnheader" aria-sort={state.sort === 'caseCode' ? 'ascending' : undefined}>
            {t('persons.colCaseCode')}
          </div>
          <div role="columnheader" aria-sort={state.sort === 'name' ? 'ascending' : undefined}>
            {t('persons.colName')}
          </div>
          <div role="columnheader">{t('persons.colMinor')}</div>
          <div role="columnheader">{t('persons.colProcedure')}</div>
          <div role="columnheader" aria-sort={state.sort === 'nextDeadline' ? 'ascending' : undefined}>
            {t('persons.colNextDeadline')}
          </div>
          <div role="columnheader">{t('persons.colCaseworker')}</div>
        </div>
        <div ref={scrollRef} className="person-grid-scroll" style={{ height: 'max(300px, calc(100vh - 232px))' }} onKeyDown={onGridKeyDown}>
          {windows.total === 0 ? (
            <Text p="md" data-testid="person-list-empty">
              {filtered ? t('persons.empty') : t('persons.emptyVault')}
            </Text>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((row) => (
              <PersonRow
                key={row.key}
                index={row.index}
                start={row.start}
                item={windows.itemAt(row.index)}
                active={row.index === activeIndex || (activeIndex < 0 && row.index === 0)}
                today={today}
                onOpen={open}
                onFocusRow={setActiveIndex}
              />
            ))}
          </div>
        </div>
      </div>
    </Stack>
  );
}

interface PersonRowProps {
  index: number;
  start: number;
  item: PersonListItem | undefined;
  /** The row that takes Tab focus in the grid. */
  active: boolean;
  today: ReturnType<typeof todayLocal>;
  onOpen: (index: number) => void;
  onFocusRow: (index: number) => void;
}

function PersonRow({ index, start, item, active, today, onOpen, onFocusRow }: PersonRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const style = { top: start, height: ROW_HEIGHT };
  if (!item) {
    return (
      <div role="row" aria-rowindex={index + 2} data-index={index} className="person-grid-row" style={style} tabIndex={active ? 0 : -1}>
        <div role="gridcell" style={{ gridColumn: '1 / -1' }}>
          <Text c="dimmed" size="sm">
            {t('persons.loadingRow')}
          </Text>
        </div>
      </div>
    );
  }
  const name = personName(item);
  const deadline = item.nextDue ? deadlineView(t, item.nextDue.date, today) : null;
  const urgency = deadline?.urgency;
  const missing = item.missingExpiryCountry ? `${item.missingExpiryCountry} · ${t('casework.noExpiry')}` : null;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-person-id={item.id}
      data-testid={`person-row-${item.caseCode}`}
      data-urgency={urgency}
      className="person-grid-row"
      style={style}
      tabIndex={active ? 0 : -1}
      data-active={active}
      onClick={() => onOpen(index)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="gridcell" className="case-code">
        {item.caseCode}
      </div>
      <div role="gridcell">
        <Text size="sm" fw={600} truncate="end" title={name || undefined}>
          {name || t('persons.noName')}
        </Text>
        {item.aliases.length > 0 ? (
          <Text size="xs" c="dimmed" truncate="end">
            {t('persons.aliases', { aliases: item.aliases.join(', ') })}
          </Text>
        ) : null}
      </div>
      <div role="gridcell">
        <MinorBadge status={item.minorStatus} />
      </div>
      <div role="gridcell">
        {item.tracks.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('persons.noProcedure')}
          </Text>
        ) : (
          <>
            {(missing ? [item.tracks] : item.tracks.map((track) => [track])).map((line) => (
              <Text key={line.map((x) => x.country).join()} size="xs" truncate="end" title={line.map((x) => `${x.country} · ${phaseLabel(x.phase, language)}`).join(' / ')}>
                {line.map((track, i) => (
                  <span key={track.country}>
                    {i > 0 ? ' / ' : null}
                    <strong>{track.country}</strong> · {phaseLabel(track.phase, language)}
                  </span>
                ))}
              </Text>
            ))}
            {missing ? (
              <Text size="xs" fw={700} className="missing-expiry" truncate="end" title={missing} data-testid="list-missing-expiry">
                {missing}
              </Text>
            ) : null}
          </>
        )}
      </div>
      <div role="gridcell">
        {item.nextDue && deadline ? (
          <span className={`deadline deadline-stacked deadline-${deadline.urgency}`} data-urgency={deadline.urgency} data-date={item.nextDue.date}>
            <span className="deadline-date person-list-date">{deadline.dateText}</span>
            <span className="person-list-second" title={`${deadline.urgency !== 'later' ? `${deadline.urgencyText} · ` : ''}${deadline.daysText} · ${item.nextDue.country} · ${dueKindLabel(item.nextDue.kind, language)}`}>
              {deadline.urgency !== 'later' ? <strong className="deadline-days">{deadline.urgencyText} · </strong> : null}
              <span className="deadline-days">{deadline.daysText}</span>
              <span className="person-list-kind">
                {' '}
                · {item.nextDue.country} · {dueKindLabel(item.nextDue.kind, language)}
              </span>
            </span>
          </span>
        ) : (
          <Text size="xs" c="dimmed">
            {t('deadline.none')}
          </Text>
        )}
      </div>
      <div role="gridcell">
        <Text size="sm" truncate="end" title={item.caseworker?.displayName}>
          {item.caseworker?.displayName ?? t('persons.unassigned')}
        </Text>
      </div>
    </div>
  );
}
