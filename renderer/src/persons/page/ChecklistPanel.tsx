/**
 * A condition checklist of the current phase (BE entry and evaluation conditions, LU pre-expiry
 * questions and revocation grounds, NL humanitarian criteria): each item met, not met or unknown,
 * with the date it was assessed, a note and an optional supporting attachment; and the outcome the
 * shared checklist logic derives from the answers.
 */
import { useMemo } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_STATUS_LABELS, CHECKLIST_ITEM_STATUSES, type ChecklistItemStatus } from '../../../../shared/rules/index';
import { checklistAnswerInputSchema, type ChecklistAnswerInput, type ChecklistView, type TrackView } from '../../../../shared/persons/procedure.schema';
import type { AttachmentMeta } from '../../../../shared/persons/attachment.schema';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formName, issuesToErrors } from '../../forms/form-rules';
import { useFormFeedback } from '../../forms/useFormFeedback';
import { dateWithWeekday, todayLocal, typedDate } from '../../format/deadline';
import { pick, useLanguage } from '../../format/labels';
import { DateField } from '../parts/DateField';
import { dateInput } from '../person-form-values';

const OUTCOME_COLOURS = { satisfied: 'green.9', notSatisfied: 'red.9', undetermined: 'gray.8' } as const;

interface ChecklistPanelProps {
  track: TrackView;
  checklist: ChecklistView;
  attachments: AttachmentMeta[];
  onChanged: (track: TrackView) => void;
}

export function ChecklistPanel({ track, checklist, attachments, onChanged }: ChecklistPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = `checklist-${track.id}-${checklist.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={`checklist-${checklist.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={4} size="h5" id={titleId}>
            {pick(checklist.label, language)}
          </Title>
          <Badge
            variant="outline"
            color={OUTCOME_COLOURS[checklist.outcome]}
            size="lg"
            data-testid={`checklist-outcome-${checklist.id}`}
            data-outcome={checklist.outcome}
          >
            {t('checklist.outcome', { outcome: t(`checklistOutcomes.${checklist.outcome}`) })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {checklist.source}
        </Text>
        {checklist.outcome === 'satisfied' ? <Text size="sm">{pick(checklist.satisfiedMeans, language)}</Text> : null}
        {checklist.items.map((item, index) => (
          <ChecklistItemForm
            key={item.id}
            number={index + 1}
            track={track}
            checklistId={checklist.id}
            item={item}
            attachments={attachments}
            onChanged={onChanged}
          />
        ))}
      </Stack>
    </Paper>
  );
}

interface ItemValues {
  status: ChecklistItemStatus;
  date: string;
  note: string;
  attachmentId: string;
}

const FIELDS = ['status', 'date', 'note', 'attachmentId'] as const;

function ChecklistItemForm({
  number,
  track,
  checklistId,
  item,
  attachments,
  onChanged,
}: {
  number: number;
  track: TrackView;
  checklistId: string;
  item: ChecklistView['items'][number];
  attachments: AttachmentMeta[];
  onChanged: (track: TrackView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const answer = item.answer;
  const toInput = (values: ItemValues) => ({
    trackId: track.id,
    checklistId,
    itemId: item.id,
    status: values.status,
    date: dateInput(values.date) ?? '',
    note: values.note,
    attachmentId: values.attachmentId === '' ? null : values.attachmentId,
  });
  const form = useForm<ItemValues>({
    name: formName('checklist', track.id, item.id),
    initialValues: {
      status: answer?.status ?? 'unknown',
      date: typedDate(answer?.date ?? today),
      note: answer?.note ?? '',
      attachmentId: answer?.attachmentId ?? '',
    },
    validate: (values) => {
      const result = checklistAnswerInputSchema.safeParse(toInput(values));
      return result.success ? {} : issuesToErrors(result.error.issues, t);
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });

  async function save(values: ItemValues) {
    feedback.clearFormError();
    try {
      const updated = await call('checklists.answer', toInput(values) as ChecklistAnswerInput);
      notifySuccess(t('checklist.saved'));
      form.resetDirty(values);
      onChanged(updated);
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <form
      onSubmit={form.onSubmit(save, feedback.onValidationFailure)}
      noValidate
      className="checklist-item"
      data-testid={`checklist-item-${item.id}`}
      data-status={answer?.status ?? 'unknown'}
      aria-label={t('checklist.item', { number })}
    >
      <Stack gap={6}>
        <div>
          <Text fw={600}>
            {number}. {pick(item.label, language)}
          </Text>
          <Text size="xs" c="dimmed">
            {item.source}
          </Text>
        </div>
        <Group align="flex-start" gap="md" wrap="wrap">
          <Radio.Group label={t('checklist.status', { number })} {...form.getInputProps('status')}>
            <Group gap="md" mt={8}>
              {CHECKLIST_ITEM_STATUSES.map((status) => (
                <Radio key={status} value={status} label={pick(CHECKLIST_STATUS_LABELS[status], language)} />
              ))}
            </Group>
          </Radio.Group>
          <DateField label={t('checklist.date')} w={170} {...form.getInputProps('date')} />
          <Textarea label={t('checklist.note')} autosize minRows={1} maxRows={4} style={{ flex: 1, minWidth: 200 }} {...form.getInputProps('note')} />
          {attachments.length > 0 ? (
            <NativeSelect
              label={t('checklist.attachment')}
              w={200}
              data={[{ value: '', label: t('checklist.noAttachment') }, ...attachments.map((a) => ({ value: a.id, label: a.fileName }))]}
              {...form.getInputProps('attachmentId')}
            />
          ) : null}
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="checklist-answered">
            {answer
              ? answer.answeredByName
                ? t('checklist.answeredBy', { name: answer.answeredByName, date: dateWithWeekday(t, answer.date) })
                : t('checklist.answeredOn', { date: dateWithWeekday(t, answer.date) })
              : t('checklist.notAnswered')}
          </Text>
          <Button type="submit" variant="default" size="xs" loading={form.submitting}>
            {t('checklist.saveItem', { number })}
          </Button>
        </Group>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} />
      </Stack>
    </form>
  );
}
