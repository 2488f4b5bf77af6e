/**
 * "Done" on a procedure deadline asks what happened. A deadline of the procedure ends only when the
 * event that meets it is recorded (then the track, the person list and the dashboard agree): the
 * dialog offers the events the rules allow now (the engine's `allowedNext`, with the same form as the
 * person page), or, when nothing has happened yet, a dated follow-up that leaves the deadline open.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Loader, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import type { TrackView } from '../../../shared/persons/procedure.schema';
import { PROCEDURE_DONE_REASON, REMINDER_NOTE_MAX, type DashboardRowView } from '../../../shared/reminders/reminders.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { dateWithWeekday } from '../format/deadline';
import { useLanguage } from '../format/labels';
import { RecordEventForm } from '../persons/page/RecordEventForm';
import { whatIsDue } from './reminder-format';

type Outcome = 'event' | 'followUp';

interface ProcedureDoneDialogProps {
  row: DashboardRowView;
  onClose: () => void;
  onSaved: () => void;
}

/** The track id inside a procedure item id (`procedure:<trackId>:<kind>`). */
export function trackIdOf(itemId: string): string | null {
  return /^procedure:([^:]+):[A-Za-z]+$/.exec(itemId)?.[1] ?? null;
}

export function ProcedureDoneDialog({ row, onClose, onSaved }: ProcedureDoneDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [track, setTrack] = useState<TrackView | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('event');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const what = whatIsDue(t, row, language);

  useEffect(() => {
    const trackId = trackIdOf(row.id);
    if (!row.personId || !trackId) return;
    let live = true;
    call('persons.get', { id: row.personId })
      .then((detail) => {
        if (!live) return;
        const found = detail.tracks.find((x) => x.id === trackId) ?? null;
        setTrack(found);
        if (found && found.state.allowedNext.length === 0) setOutcome('followUp');
      })
      .catch((e: unknown) => live && setError(toErrorPayload(e)));
    return () => {
      live = false;
    };
  }, [row.id, row.personId]);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function followUp() {
    setBusy(true);
    setError(null);
    try {
      await call('reminders.markDone', { itemId: row.id, reason: PROCEDURE_DONE_REASON, note });
      notifySuccess(t('casework.followUpSaved'));
      onSaved();
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('casework.doneTitle')} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack data-testid="procedure-done-dialog">
        <div>
          <Text fw={600}>{what}</Text>
          <Text size="sm">
            {row.caseCode ? <span className="case-code">{row.caseCode}</span> : null}
            {row.caseCode ? ' · ' : null}
            {dateWithWeekday(t, row.dueDate)}
          </Text>
        </div>
        <Text size="sm">{t('casework.doneIntro')}</Text>
        {!track && !error ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
        {track ? (
          <>
            <Radio.Group label={t('casework.doneQuestion')} value={outcome} onChange={(v) => setOutcome(v as Outcome)}>
              <Stack gap="xs" mt="xs">
                <Radio value="event" label={t('casework.outcomeEvent')} disabled={track.state.allowedNext.length === 0} data-autofocus />
                <Radio value="followUp" label={t('casework.outcomeFollowUp')} />
              </Stack>
            </Radio.Group>
            {outcome === 'event' ? (
              <RecordEventForm
                track={track}
                onRecorded={() => {
                  onSaved();
                }}
              />
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void followUp();
                }}
              >
                <Stack>
                  <Text size="sm">{t('casework.followUpHint')}</Text>
                  <Textarea
                    label={t('reminders.note')}
                    description={t('reminders.noteHint', { maximum: REMINDER_NOTE_MAX })}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    maxLength={REMINDER_NOTE_MAX}
                    autosize
                    minRows={2}
                    maxRows={4}
                  />
                  <Group justify="flex-end">
                    <Button variant="default" onClick={onClose} disabled={busy}>
                      {t('common.cancel')}
                    </Button>
                    <Button type="submit" loading={busy}>
                      {t('casework.followUpConfirm')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        ) : null}
        <ErrorAlert error={error} ref={alertRef} testId="procedure-done-error" />
      </Stack>
    </Modal>
  );
}
