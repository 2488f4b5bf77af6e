/**
 * The person list's "also search notes": when ticked, the words typed in the list's search box are
 * also looked for in the notes the user may reach (a caseworker: their own cases), best first; each
 * hit names the case and shows the text around the hit; choosing one opens the person.
 */
import { useEffect, useState } from 'react';
import { Checkbox, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteHit } from '../../../shared/casework/note.schema';
import type { ErrorPayload } from '../../../shared/errors';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { dateWithWeekday } from '../format/deadline';
import { NoteSnippet } from './NoteSnippet';

/** Remembered for the session, so coming back from a person keeps the choice. */
let alsoNotesChoice = false;

/** The "also search notes" choice of the person list, remembered while the app runs. */
export function useAlsoSearchNotes(): [boolean, (next: boolean) => void] {
  const [alsoNotes, setAlsoNotes] = useState(alsoNotesChoice);
  return [
    alsoNotes,
    (next) => {
      alsoNotesChoice = next;
      setAlsoNotes(next);
    },
  ];
}

/** The checkbox, placed in the list's title row so the list keeps its rows at 1366x768. */
export function AlsoSearchNotesToggle({ checked, onChange }: { checked: boolean; onChange: (next: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      size="sm"
      label={t('casework.listSearch.alsoNotes')}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      data-testid="also-search-notes"
    />
  );
}

/** The hits, under the filters; nothing (no height) while the choice is off or nothing is typed. */
export function NotesSearchResults({ search, alsoNotes, onOpen }: { search: string; alsoNotes: boolean; onOpen: (personId: string) => void }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<NoteHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const text = search.trim();

  useEffect(() => {
    if (!alsoNotes || text === '' || !/[\p{L}\p{N}]/u.test(text)) {
      setHits(null);
      setError(null);
      return;
    }
    let current = true;
    setLoading(true);
    call('notes.search', { text, limit: 20 })
      .then((found) => {
        if (!current) return;
        setHits(found);
        setError(null);
      })
      .catch((e: unknown) => {
        if (current) setError(toErrorPayload(e));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [alsoNotes, text]);

  if (!error && !hits) return null;
  return (
    <>
      <ErrorAlert error={error} testId="notes-list-search-error" />
      {hits ? (
        <Stack
          component="section"
          aria-label={t('casework.listSearch.hitsTitle')}
          gap={4}
          mah={260}
          style={{ overflowY: 'auto' }}
          data-testid="list-note-hits"
          aria-busy={loading}
        >
          <Text fw={600} size="sm">
            {t('casework.listSearch.hitsTitle')}
          </Text>
          {hits.length === 0 ? <Text size="sm" c="dimmed">{t('casework.listSearch.noHits')}</Text> : null}
          {hits.map((h) => (
            <Paper key={h.noteId} withBorder p={6}>
              <UnstyledButton
                onClick={() => onOpen(h.personId)}
                aria-label={t('casework.listSearch.openPerson', { caseCode: h.caseCode })}
                data-testid="list-note-hit"
                w="100%"
              >
                <Text size="sm">
                  <Text span className="case-code" fw={600}>
                    {h.caseCode}
                  </Text>{' '}
                  {[h.familyName, h.givenNames].filter(Boolean).join(', ')} · {dateWithWeekday(t, h.occurredOn)} · {t(`casework.noteTypes.${h.type}`)}
                </Text>
                <Text size="sm">
                  <NoteSnippet parts={h.snippet} />
                </Text>
              </UnstyledButton>
            </Paper>
          ))}
        </Stack>
      ) : loading ? (
        <Text size="sm" c="dimmed">
          {t('casework.listSearch.searching')}
        </Text>
      ) : null}
    </>
  );
}
