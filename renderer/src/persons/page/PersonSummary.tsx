/**
 * The top of a person's page answers "what is due and what do I do next": the running deadlines of
 * every open track, earliest first, each with its weekday, days left and urgency, and the events the
 * rules allow next on that track (the engine's `allowedNext`) with a button to the form that records
 * one; a document recorded without the printed expiry that alone dates it; or, with no procedure yet,
 * the way to open one.
 */
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../../shared/dates/calendar-date';
import type { TrackView } from '../../../../shared/persons/procedure.schema';
import { missingDocumentExpiry } from '../../../../shared/procedure/missing-expiry';
import { pick, useLanguage } from '../../format/labels';
import { DeadlineText } from '../parts/DeadlineText';
import { eventLabel } from '../rule-labels';

/** Deadlines shown at the top at most (the procedure section lists them all). */
export const SUMMARY_DEADLINES_MAX = 4;
/** Next events named per deadline at most. */
const NEXT_EVENTS_MAX = 3;

interface PersonSummaryProps {
  tracks: TrackView[];
  today: CalendarDate;
  /** Moves to the form that records an event on this track (or opens a track, with null). */
  onRecord: (track: TrackView | null) => void;
}

export function PersonSummary({ tracks, today, onRecord }: PersonSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = tracks.filter((track) => !track.closed);
  const deadlines = open
    .flatMap((track) => track.state.dueDates.map((due) => ({ track, due })))
    .sort((a, b) => (a.due.dueDate < b.due.dueDate ? -1 : a.due.dueDate > b.due.dueDate ? 1 : 0));
  const shown = deadlines.slice(0, SUMMARY_DEADLINES_MAX);
  const missing = open.flatMap((track) => {
    const m = missingDocumentExpiry(track.state);
    return m ? [{ track, missing: m }] : [];
  });
  const nextOf = (track: TrackView) => {
    const allowed = track.state.allowedNext;
    const names = allowed.slice(0, NEXT_EVENTS_MAX).map((type) => eventLabel(track.country, type, language));
    return allowed.length > NEXT_EVENTS_MAX ? t('casework.nextEventsMore', { events: names.join(', '), count: allowed.length - NEXT_EVENTS_MAX }) : names.join(', ');
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="person-due-title" data-testid="person-due">
      <Stack gap={6}>
        <Title order={2} size="h4" id="person-due-title">
          {t('casework.dueTitle')}
        </Title>
        {tracks.length === 0 ? (
          <Group gap="sm">
            <Text>{t('person.noTracks')}</Text>
            <Button size="compact-sm" variant="light" onClick={() => onRecord(null)}>
              {t('casework.openTrackHere')}
            </Button>
          </Group>
        ) : shown.length === 0 ? (
          <Text data-testid="person-nothing-due">{t('casework.nothingDue')}</Text>
        ) : (
          <Table verticalSpacing={4} horizontalSpacing="xs" aria-labelledby="person-due-title" className="person-due-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('casework.colDue')}</Table.Th>
                <Table.Th>{t('casework.colWhen')}</Table.Th>
                <Table.Th>{t('casework.colNext')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ track, due }) => (
                <Table.Tr key={`${track.id}-${due.kind}`} data-testid={`person-due-${track.country}-${due.kind}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      <strong>{track.country}</strong> · {pick(due.label, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DeadlineText date={due.dueDate} today={today} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" lineClamp={2} style={{ flex: 1 }}>
                        {track.state.allowedNext.length > 0 ? nextOf(track) : t('procedure.nothingAllowed')}
                      </Text>
                      {track.state.allowedNext.length > 0 ? (
                        <Button size="compact-sm" variant="light" onClick={() => onRecord(track)} style={{ flexShrink: 0 }}>
                          {t('casework.recordEventOf', { country: track.country })}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {deadlines.length > shown.length ? (
          <Text size="sm">{t('casework.moreDeadlines', { count: deadlines.length - shown.length })}</Text>
        ) : null}
        {missing.map(({ track, missing: m }) => (
          <Text key={track.id} size="sm" fw={600} className="missing-expiry" data-testid={`person-missing-expiry-${track.country}`}>
            {track.country} · {eventLabel(track.country, m.eventType, language)}: {t('casework.noExpiry')}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
