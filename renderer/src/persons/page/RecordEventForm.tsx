/**
 * Records the next event of a track: only the event types the engine allows next (`state.allowedNext`),
 * a date (today by default), and, for an event that issues a document, the expiry printed on it.
 * A refused transition comes back as RULE_VIOLATION and is shown in the user's language, citing the rule.
 */
import { useMemo } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LU_REVOCATION_GROUNDS } from '../../../../shared/rules/lu.rules';
import { eventInputSchema, type EventInput, type TrackView } from '../../../../shared/persons/procedure.schema';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formName, issuesToErrors } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { todayLocal, typedDate } from '../../format/deadline';
import { useLanguage } from '../../format/labels';
import { useConflict, useLoadedVersion } from '../../team/useConflict';
import { DateField } from '../parts/DateField';
import { currentTrack } from './current-track';
import { dateInput } from '../person-form-values';
import { acceptsDocumentExpiry, checklistItemLabel, eventLabel } from '../rule-labels';

interface EventValues {
  event: { type: string; date: string; documentExpiry: string; revocationGround: string };
}

const FIELDS = ['event.type', 'event.date', 'event.documentExpiry', 'event.revocationGround'] as const;

function toEventInput(values: EventValues) {
  const e = values.event;
  const input: Record<string, unknown> = { type: e.type, date: dateInput(e.date) ?? '' };
  const expiry = dateInput(e.documentExpiry);
  if (expiry !== null) input.documentExpiry = expiry;
  if (e.type === 'victimPermitRevoked' && e.revocationGround !== '') input.revocationGround = e.revocationGround;
  return input;
}

export function RecordEventForm({ track, onRecorded }: { track: TrackView; onRecorded: (track: TrackView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const allowed = track.state.allowedNext;
  const form = useForm<EventValues>({
    name: formName('record-event', track.id),
    initialValues: { event: { type: '', date: typedDate(today), documentExpiry: '', revocationGround: '' } },
    validateInputOnBlur: true,
    validate: (values) => {
      const result = eventInputSchema.safeParse(toEventInput(values));
      const errors = result.success ? {} : issuesToErrors(result.error.issues, t);
      // Paths of the event schema are relative; the form nests them under `event`.
      const nested: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) nested[`event.${path}`] = message;
      if (values.event.type === '') nested['event.type'] = t('validation.chooseOption');
      return nested;
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });
  const conflict = useConflict();
  const loadedVersion = useLoadedVersion(track.version, form.isDirty());
  const values = form.getValues();
  const withExpiry = values.event.type !== '' && acceptsDocumentExpiry(track.country, values.event.type);

  async function record(submitted: EventValues) {
    feedback.clearFormError();
    const input = toEventInput(submitted) as EventInput;
    const cleared = { event: { type: '', date: typedDate(todayLocal()), documentExpiry: '', revocationGround: '' } };
    try {
      await conflict.save(
        loadedVersion,
        async (version) => {
          const updated = await call('procedure.recordEvent', { trackId: track.id, event: input, expectedVersion: version });
          notifySuccess(t('procedure.recorded', { event: eventLabel(track.country, submitted.event.type, language) }));
          form.setInitialValues(cleared);
          form.setValues(cleared);
          onRecorded(updated);
        },
        // Their version: the track as saved now (its next events may differ), and an empty form.
        async () => {
          const current = await currentTrack(track.personId, track.id);
          form.setInitialValues(cleared);
          form.setValues(cleared);
          if (current) onRecorded(current);
        },
      );
    } catch (error) {
      feedback.handleError(error);
    }
  }

  if (allowed.length === 0) {
    return <Text c="dimmed">{track.closed ? t('procedure.closed') : t('procedure.nothingAllowed')}</Text>;
  }

  return (
    <form onSubmit={form.onSubmit(record, feedback.onValidationFailure)} noValidate data-testid={`record-event-${track.country}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('procedure.eventType')}
            data={[{ value: '', label: t('common.none') }, ...allowed.map((type) => ({ value: type, label: eventLabel(track.country, type, language) }))]}
            {...form.getInputProps('event.type')}
          />
          <DateField label={t('procedure.eventDate')} {...form.getInputProps('event.date')} />
          {withExpiry ? (
            <DateField
              label={t('procedure.documentExpiry')}
              description={t('procedure.documentExpiryHint')}
              {...form.getInputProps('event.documentExpiry')}
            />
          ) : null}
          {values.event.type === 'victimPermitRevoked' ? (
            <NativeSelect
              label={t('procedure.revocationGround')}
              data={[{ value: '', label: t('common.none') }, ...LU_REVOCATION_GROUNDS.map((g) => ({ value: g, label: checklistItemLabel(g, language) }))]}
              {...form.getInputProps('event.revocationGround')}
            />
          ) : null}
        </SimpleGrid>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId={`record-event-error-${track.country}`} />
        {conflict.dialog}
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('procedure.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
