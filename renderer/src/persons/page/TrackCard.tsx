/**
 * One procedure track as a timeline: the events recorded so far (date with weekday), the current
 * phase, the running deadlines (weekday, days left, urgency), a document recorded without the expiry
 * that alone dates it, the engine's warnings in the user's language and the form for the next event.
 * The condition checklists of the current phase are in the page's checklists section.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../../shared/dates/calendar-date';
import type { DueDate } from '../../../../shared/procedure/engine';
import type { TrackView } from '../../../../shared/persons/procedure.schema';
import { missingDocumentExpiry } from '../../../../shared/procedure/missing-expiry';
import { dateWithWeekday } from '../../format/deadline';
import { pick, useLanguage } from '../../format/labels';
import { RuleSource } from '../../procedure/RuleSource';
import { DeadlineText } from '../parts/DeadlineText';
import { eventLabel, phaseLabel } from '../rule-labels';
import { goToHeading } from './SectionBar';
import { RecordEventForm } from './RecordEventForm';
import { RemoveEventDialog, type EventToRemove } from './RemoveEventDialog';

interface TrackCardProps {
  track: TrackView;
  today: CalendarDate;
  onChanged: (track: TrackView) => void;
}

export function TrackCard({ track, today, onChanged }: TrackCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state } = track;
  const [removing, setRemoving] = useState<EventToRemove | null>(null);
  const titleId = `track-title-${track.id}`;
  const expiries = new Map(track.events.map((e) => [e.id, e.documentExpiry]));
  const missingExpiry = missingDocumentExpiry(state);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={`track-${track.country}`}>
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={3} id={titleId}>
            {t('procedure.trackTitle', { country: t(`countries.${track.country}`) })}
          </Title>
          {track.closed ? (
            <Badge color="gray" variant="outline">
              {t('procedure.closed')}
            </Badge>
          ) : null}
        </Group>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="md">
            <div>
              <Text size="sm" fw={700} c="dimmed" tt="uppercase">
                {t('procedure.currentPhase')}
              </Text>
              <Text fw={700} size="lg" data-testid={`phase-${track.country}`} data-phase={state.phase.id}>
                {pick(state.phase.label, language)}
              </Text>
              {state.phase.since ? (
                <Text size="sm">{t('procedure.since', { date: dateWithWeekday(t, state.phase.since) })}</Text>
              ) : null}
              <RuleSource ruleId={state.phase.ruleId} text={state.phase.source} />
            </div>

            <div>
              <Title order={4} size="h5" mb={4}>
                {t('procedure.deadlines')}
              </Title>
              {state.dueDates.length === 0 || track.closed ? (
                <Text c="dimmed">{t('procedure.noDeadlines')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {state.dueDates.map((due) => (
                    <DueDateItem key={due.kind} due={due} today={today} country={track.country} />
                  ))}
                </Stack>
              )}
              {missingExpiry ? (
                <div data-testid={`missing-expiry-${track.country}`} data-due-kind={missingExpiry.kind} className="missing-expiry">
                  <Text fw={700}>{t('casework.noExpiry')}</Text>
                  <Text size="sm">
                    {t('casework.missingExpiryTrack', {
                      document: eventLabel(track.country, missingExpiry.eventType, language),
                      date: dateWithWeekday(t, missingExpiry.eventDate),
                    })}
                  </Text>
                </div>
              ) : null}
            </div>

            {state.warnings.length > 0 ? (
              <Alert
                color="yellow"
                variant="light"
                title={t('procedure.warnings')}
                styles={{ title: { color: '#5c4400' } }}
                role="region"
                aria-label={t('procedure.warnings')}
              >
                <List spacing={4} size="sm" data-testid={`warnings-${track.country}`}>
                  {state.warnings.map((warning, index) => (
                    <List.Item key={`${warning.code}-${warning.eventId ?? ''}-${index}`} data-warning={warning.code}>
                      {pick(warning.message, language)}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
          </Stack>

          <Paper withBorder p="sm" bg="gray.0">
            <Title order={4} size="h5" mb="xs">
              {t('procedure.recordTitle')}
            </Title>
            <RecordEventForm track={track} onRecorded={onChanged} />
          </Paper>
        </SimpleGrid>

        <div>
          <Title order={4} size="h5" mb="xs">
            {t('procedure.timeline')}
          </Title>
          {state.history.length === 0 ? (
            <Text c="dimmed">{t('procedure.noEvents')}</Text>
          ) : (
            <ol className="timeline" data-testid={`timeline-${track.country}`}>
              {state.history.map((outcome, index) => {
                const expiry = expiries.get(outcome.eventId) ?? null;
                const label = pick(outcome.label, language);
                const current = !outcome.refusal && index === state.history.length - 1;
                return (
                  <li key={outcome.eventId} data-refused={outcome.refusal !== null} data-current={current} data-event-type={outcome.type}>
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <div>
                        <Text size="sm" fw={600}>
                          {dateWithWeekday(t, outcome.date)}
                        </Text>
                        <Text>
                          {label}
                          {outcome.refusal ? (
                            <Badge ml="xs" color="red" variant="outline" size="sm">
                              {t('procedure.refused')}
                            </Badge>
                          ) : null}
                        </Text>
                        {outcome.phaseAfter !== outcome.phaseBefore ? (
                          <Text size="sm" c="dimmed">
                            → {phaseLabel(outcome.phaseAfter, language)}
                          </Text>
                        ) : null}
                        {expiry ? <Text size="sm">{t('procedure.documentExpiryValue', { date: dateWithWeekday(t, expiry) })}</Text> : null}
                        {outcome.refusal ? (
                          <div data-testid={`refusal-${outcome.eventId}`}>
                            <Text size="sm" c="red.9">
                              {pick(outcome.refusal.message, language)}
                            </Text>
                            <RuleSource ruleId={outcome.refusal.ruleId} text={outcome.refusal.source} />
                          </div>
                        ) : null}
                      </div>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={t('procedure.removeEventOf', { event: label, date: dateWithWeekday(t, outcome.date) })}
                        onClick={() => setRemoving({ id: outcome.eventId, label, date: outcome.date })}
                      >
                        {t('procedure.removeEvent')}
                      </Button>
                    </Group>
                  </li>
                );
              })}
            </ol>
          )}
        </div>

        {track.checklists.length > 0 ? (
          <Text size="sm">
            {t('casework.checklistsBelow', { count: track.checklists.length })}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => goToHeading('checklists-title')}>
              {t('casework.sectionChecklists')}
            </Anchor>
          </Text>
        ) : null}
      </Stack>

      {removing ? (
        <RemoveEventDialog
          track={track}
          event={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(updated) => {
            setRemoving(null);
            onChanged(updated);
          }}
        />
      ) : null}
    </Paper>
  );
}

function DueDateItem({ due, today, country }: { due: DueDate; today: CalendarDate; country: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li data-testid={`due-${country}-${due.kind}`} data-due-kind={due.kind} data-due-date={due.dueDate}>
      <Text fw={600}>{pick(due.label, language)}</Text>
      <DeadlineText date={due.dueDate} today={today} />
      {due.enteredDate && due.computedDate && due.enteredDate !== due.computedDate ? (
        <Text size="xs" c="dimmed">
          {t('deadline.entered', { computed: dateWithWeekday(t, due.computedDate) })}
        </Text>
      ) : null}
      {due.provisional ? (
        <Text size="xs" c="dimmed">
          {t('deadline.provisional')}
        </Text>
      ) : null}
      {due.periodIsMaximum && !due.enteredDate ? (
        <Text size="xs" c="dimmed">
          {t('deadline.maximum')}
        </Text>
      ) : null}
      <RuleSource ruleId={due.ruleId} text={due.source} testId={`due-source-${country}-${due.kind}`} />
    </li>
  );
}
