import { useEffect, useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { RecomputedDeadline, TrackView } from '../../../shared/persons/procedure.schema';
import { DUE_KIND_LABELS } from '../../../shared/rules/common.rules';
import type { DueKind } from '../../../shared/rules/rule.types';
import { call } from '../api/client';
import { notifySuccess } from '../components/notify';
import { dateWithWeekday } from '../format/deadline';
import { pick, useLanguage } from '../format/labels';
import { DueBasisMark } from './DueBasisMark';
import { QuoteText, RuleSource } from './RuleSource';

/** A "must inform" item becomes a task due in a week (staff can change it on the dashboard). */
const TASK_DUE_IN_DAYS = 7;

/**
 * For the current phase of a track: the person's rights and support, and who must be informed or
 * consulted, from the rule tables with their brochure quote (in the user's language, the Dutch
 * original on demand). A "must inform" item turns into a task in one click. Also: what each running
 * due date rests on, and the due dates recomputed under corrected rules until acknowledged.
 */
export function PhaseRightsPanel({ track, personId, today }: { track: TrackView; personId: string; today: CalendarDate }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [recomputed, setRecomputed] = useState<RecomputedDeadline[]>([]);
  const [created, setCreated] = useState<Record<string, boolean>>({});
  const state = track.state;

  useEffect(() => {
    let live = true;
    void call('procedure.recomputations', { personId }).then((rows) => {
      if (live) setRecomputed(rows.filter((r) => r.trackId === track.id));
    });
    return () => {
      live = false;
    };
  }, [personId, track.id]);

  const acknowledge = async (id: string) => {
    await call('procedure.acknowledgeRecomputation', { id });
    setRecomputed((rows) => rows.filter((r) => r.id !== id));
  };

  const toTask = async (id: string, title: string) => {
    await call('tasks.create', { title: title.slice(0, 200), dueDate: addDays(today, TASK_DUE_IN_DAYS), personId });
    setCreated((c) => ({ ...c, [id]: true }));
    notifySuccess(t('phaseRights.taskCreated'));
  };

  const rights = state.phaseInfo.filter((p) => p.kind === 'right');
  const inform = state.phaseInfo.filter((p) => p.kind === 'mustInform');
  const running = track.closed ? [] : state.dueDates;

  return (
    <Paper withBorder p="md" data-testid={`phase-rights-${track.country}`}>
      <Stack gap="sm">
        {state.cameOfAgeOn ? <Text size="sm">{t('phaseRights.cameOfAge', { date: dateWithWeekday(t, state.cameOfAgeOn) })}</Text> : null}
        {running.length > 0 ? (
          <div>
            <Title order={4} size="h5" mb={4}>
              {t('deadlineBasis.title')}
            </Title>
            <List size="sm" spacing={4}>
              {running.map((due) => (
                <List.Item key={due.kind} data-testid={`basis-${track.country}-${due.kind}`}>
                  {pick(due.label, language)}: {dateWithWeekday(t, due.dueDate)}{' '}
                  <DueBasisMark basis={due.basis} recomputed={recomputed.some((r) => r.kind === due.kind)} invite />
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {recomputed.length > 0 ? (
          <div>
            <Title order={4} size="h5" mb={4}>
              {t('deadlineBasis.recomputedTitle')}
            </Title>
            <List size="sm" spacing={4}>
              {recomputed.map((r) => (
                <List.Item key={r.id} data-testid="recomputed-item">
                  {DUE_KIND_LABELS[r.kind as DueKind] ? pick(DUE_KIND_LABELS[r.kind as DueKind], language) : r.kind}:{' '}
                  {t('deadlineBasis.recomputedFromTo', {
                    from: r.previousDueDate ? dateWithWeekday(t, r.previousDueDate) : t('deadlineBasis.none'),
                    to: r.newDueDate ? dateWithWeekday(t, r.newDueDate) : t('deadlineBasis.none'),
                  })}{' '}
                  <Button size="compact-xs" variant="light" onClick={() => void acknowledge(r.id)}>
                    {t('deadlineBasis.acknowledge')}
                  </Button>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {[
          { items: rights, title: t('phaseRights.rights') },
          { items: inform, title: t('phaseRights.mustInform') },
        ].map(({ items, title }) =>
          items.length === 0 ? null : (
            <div key={title}>
              <Title order={4} size="h5" mb={4}>
                {title}
              </Title>
              <Stack gap={6}>
                {items.map((p) => (
                  <div key={p.id} data-testid={`phase-info-${p.id}`}>
                    <Text size="sm" fw={600}>
                      {pick(p.label, language)}
                    </Text>
                    <QuoteText quotes={[p.quote]} />
                    <Group gap="xs">
                      <RuleSource ruleId={p.id} text={p.source} />
                      {p.kind === 'mustInform' ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          disabled={Boolean(created[p.id])}
                          onClick={() => void toTask(p.id, pick(p.label, language))}
                        >
                          {created[p.id] ? t('phaseRights.taskDone') : t('phaseRights.makeTask')}
                        </Button>
                      ) : null}
                    </Group>
                  </div>
                ))}
              </Stack>
            </div>
          ),
        )}
      </Stack>
    </Paper>
  );
}
