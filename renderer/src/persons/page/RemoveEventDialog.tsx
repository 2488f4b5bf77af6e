import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../../shared/dates/calendar-date';
import type { ErrorPayload } from '../../../../shared/errors';
import { EVENT_REMOVAL_REASONS, type TrackView } from '../../../../shared/persons/procedure.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday } from '../../format/deadline';
import { useConflict } from '../../team/useConflict';
import { currentTrack } from './current-track';

export interface EventToRemove {
  id: string;
  label: string;
  date: CalendarDate;
}

type Reason = (typeof EVENT_REMOVAL_REASONS)[number];

/** A correction: the event is marked removed with a reason (the service refuses it if the rules would break). */
export function RemoveEventDialog({
  track,
  event,
  onClose,
  onRemoved,
}: {
  track: Pick<TrackView, 'id' | 'personId' | 'version'>;
  event: EventToRemove;
  onClose: () => void;
  onRemoved: (track: TrackView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason>('enteredInError');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // The version the user saw when they chose the event to remove.
  const [openedAt] = useState(track.version);
  const conflict = useConflict();

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const saved = await conflict.save(
        openedAt,
        async (version) => {
          const updated = await call('procedure.removeEvent', { trackId: track.id, eventId: event.id, reason, expectedVersion: version });
          notifySuccess(t('procedure.removed'));
          onRemoved(updated);
        },
        async () => {
          const current = await currentTrack(track.personId, track.id);
          if (current) onRemoved(current);
        },
      );
      if (!saved) setBusy(false);
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} closeOnEscape={!conflict.open} title={t('procedure.removeTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text fw={600}>
          {event.label}, {dateWithWeekday(t, event.date)}
        </Text>
        <Text size="sm">{t('procedure.removeExplanation')}</Text>
        <NativeSelect
          label={t('procedure.removeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as Reason)}
          data={EVENT_REMOVAL_REASONS.map((r) => ({ value: r, label: t(`removalReasons.${r}`) }))}
          data-autofocus
        />
        <ErrorAlert error={error} ref={alertRef} testId="remove-event-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void remove()} loading={busy}>
            {t('procedure.removeConfirm')}
          </Button>
        </Group>
        {conflict.dialog}
      </Stack>
    </Modal>
  );
}
