/**
 * A condition checklist of the current phase (BE entry and evaluation conditions, LU pre-expiry
 * questions and revocation grounds, NL humanitarian criteria): each item met, not met or unknown,
 * with the date it was assessed, a note and an optional supporting attachment; and the outcome the
 * shared checklist logic derives from the answers.
 *
 * One form for the whole checklist, saved with one button: only the items changed are sent (each is
 * its own audited answer). A condition nobody assessed says "not assessed", with no answer and no
 * date filled in for the user: the date is the day it was assessed, filled when an answer is chosen.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { RuleSource } from '../../procedure/RuleSource';
import { useConflict } from '../../team/useConflict';
import { DateField } from '../parts/DateField';
import { dateInput } from '../person-form-values';

const OUTCOME_COLOURS = { satisfied: 'green.9', notSatisfied: 'red.9', undetermined: 'gray.8' } as const;

interface ItemValues {
  /** '' while nobody assessed the condition. */
  status: ChecklistItemStatus | '';
  date: string;
  note: string;
  attachmentId: string;
}

interface ChecklistValues {
  items: ItemValues[];
}

/** The form's values for the stored answers: nothing filled in for an item never assessed. */
export function initialChecklistValues(checklist: ChecklistView): ChecklistValues {
  return {
    items: checklist.items.map((item) =>
      item.answer
        ? { status: item.answer.status, date: typedDate(item.answer.date), note: item.answer.note, attachmentId: item.answer.attachmentId ?? '' }
        : { status: '', date: '', note: '', attachmentId: '' },
    ),
  };
}

/** The indexes of the items whose values differ from the stored ones. */
export function changedItems(before: ChecklistValues, now: ChecklistValues): number[] {
  return now.items.flatMap((v, i) => {
    const b = before.items[i];
    return b && (b.status !== v.status || b.date !== v.date || b.note !== v.note || b.attachmentId !== v.attachmentId) ? [i] : [];
  });
}

interface ChecklistPanelProps {
  track: TrackView;
  checklist: ChecklistView;
  attachments: AttachmentMeta[];
  onChanged: (track: TrackView) => void;
}

export function ChecklistPanel({ track, checklist, attachments, onChanged }: ChecklistPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const titleId = `checklist-${track.id}-${checklist.id}`;
  const initial = useMemo(() => initialChecklistValues(checklist), [checklist]);
  // The stored answers (and their version) the form started from. They follow the record while
  // nothing is changed in the form; once the user changes something, a re-read underneath (a change
  // from another desktop) leaves the form alone, and the save meets the conflict dialog instead.
  const [base, setBase] = useState({ values: initial, version: checklist.version });
  const baseRef = useRef(base);
  baseRef.current = base;
  const conflict = useConflict();
  const fields = useMemo(() => checklist.items.flatMap((_, i) => ['status', 'date', 'note', 'attachmentId'].map((f) => `items.${i}.${f}`)), [checklist.items]);

  const toInput = (index: number, values: ItemValues) => ({
    trackId: track.id,
    checklistId: checklist.id,
    itemId: checklist.items[index]?.id ?? '',
    status: values.status,
    date: dateInput(values.date) ?? '',
    note: values.note,
    attachmentId: values.attachmentId === '' ? null : values.attachmentId,
  });

  const form = useForm<ChecklistValues>({
    name: formName('checklist', track.id, checklist.id),
    initialValues: initial,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const i of changedItems(baseRef.current.values, values)) {
        const item = values.items[i];
        if (!item) continue;
        if (item.status === '') {
          errors[`items.${i}.status`] = t('validation.chooseOption');
          continue;
        }
        const result = checklistAnswerInputSchema.safeParse(toInput(i, item));
        if (!result.success) for (const [path, message] of Object.entries(issuesToErrors(result.error.issues, t))) errors[`items.${i}.${path}`] = message;
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form, { fields });
  // The form object changes identity at every render (its rules are inline): read it through a ref,
  // so starting again from the stored answers runs only when they change, never at every render.
  const formRef = useRef(form);
  formRef.current = form;
  const startFrom = useCallback((stored: ChecklistView) => {
    const values = initialChecklistValues(stored);
    setBase({ values, version: stored.version });
    formRef.current.setInitialValues(values);
    formRef.current.setValues(values);
  }, []);
  // Saved, or changed elsewhere while the form is untouched: the stored answers are the new start.
  useEffect(() => {
    const current = baseRef.current;
    const stored = initialChecklistValues(checklist);
    if (current.version === checklist.version && changedItems(current.values, stored).length === 0) return;
    if (changedItems(current.values, formRef.current.getValues()).length === 0) startFrom(checklist);
  }, [checklist, startFrom]);
  const values = form.getValues();
  const changed = changedItems(base.values, values);

  /** Their version: the track as saved now, and the form starts again from its answers. */
  async function reloadTheirs() {
    const current = (await call('persons.get', { id: track.personId })).tracks.find((x) => x.id === track.id);
    const stored = current?.checklists.find((c) => c.id === checklist.id);
    if (!current || !stored) return;
    startFrom(stored);
    onChanged(current);
  }

  async function save(submitted: ChecklistValues) {
    feedback.clearFormError();
    const indexes = changedItems(base.values, submitted);
    // Each changed item is its own answer; each raises the checklist's version, so the next one is
    // sent on the version the previous answer returned.
    const saveOn = async (version: number) => {
      let updated: TrackView | null = null;
      let expectedVersion = version;
      for (const i of indexes) {
        const item = submitted.items[i];
        if (!item) continue;
        updated = await call('checklists.answer', { ...(toInput(i, item) as ChecklistAnswerInput), expectedVersion });
        expectedVersion = updated.checklists.find((c) => c.id === checklist.id)?.version ?? expectedVersion + 1;
      }
      if (updated) {
        notifySuccess(t('casework.answersSaved', { count: indexes.length }));
        const stored = updated.checklists.find((c) => c.id === checklist.id);
        if (stored) startFrom(stored);
        onChanged(updated);
      }
    };
    try {
      await conflict.save(base.version, saveOn, reloadTheirs);
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={`checklist-${checklist.id}`}>
      <form onSubmit={form.onSubmit(save, feedback.onValidationFailure)} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={4} size="h5" id={titleId}>
              {t('procedure.trackTitle', { country: t(`countries.${track.country}`) })}: {pick(checklist.label, language)}
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
          <RuleSource ruleId={checklist.id} text={checklist.source} testId={`checklist-source-${checklist.id}`} />
          {checklist.outcome === 'satisfied' ? <Text size="sm">{pick(checklist.satisfiedMeans, language)}</Text> : null}
          {checklist.items.map((item, index) => {
            const answer = item.answer;
            const number = index + 1;
            const statusProps = form.getInputProps(`items.${index}.status`);
            return (
              <fieldset
                key={item.id}
                className="checklist-item"
                data-testid={`checklist-item-${item.id}`}
                data-status={answer?.status ?? 'notAssessed'}
                data-changed={changed.includes(index)}
              >
                <legend className="checklist-item-legend">
                  {number}. {pick(item.label, language)}
                </legend>
                <Stack gap={6}>
                  <RuleSource ruleId={item.id} text={item.source} />
                  <Group align="flex-start" gap="md" wrap="wrap">
                    <Radio.Group
                      label={t('checklist.status', { number })}
                      {...statusProps}
                      onChange={(value) => {
                        form.setFieldValue(`items.${index}.status`, value as ChecklistItemStatus);
                        // The day of the assessment: today, once someone gives an answer.
                        if (form.getValues().items[index]?.date === '') form.setFieldValue(`items.${index}.date`, typedDate(today));
                      }}
                    >
                      <Group gap="md" mt={8}>
                        {CHECKLIST_ITEM_STATUSES.map((status) => (
                          <Radio key={status} value={status} label={pick(CHECKLIST_STATUS_LABELS[status], language)} />
                        ))}
                      </Group>
                    </Radio.Group>
                    <DateField label={t('checklist.date')} w={170} {...form.getInputProps(`items.${index}.date`)} />
                    <Textarea
                      label={t('checklist.note')}
                      autosize
                      minRows={1}
                      maxRows={4}
                      style={{ flex: 1, minWidth: 200 }}
                      {...form.getInputProps(`items.${index}.note`)}
                    />
                    {attachments.length > 0 ? (
                      <NativeSelect
                        label={t('checklist.attachment')}
                        w={200}
                        data={[{ value: '', label: t('checklist.noAttachment') }, ...attachments.map((a) => ({ value: a.id, label: a.fileName }))]}
                        {...form.getInputProps(`items.${index}.attachmentId`)}
                      />
                    ) : null}
                  </Group>
                  <Text size="sm" c="dimmed" data-testid="checklist-answered">
                    {answer
                      ? answer.answeredByName
                        ? t('checklist.answeredBy', { name: answer.answeredByName, date: dateWithWeekday(t, answer.date) })
                        : t('checklist.answeredOn', { date: dateWithWeekday(t, answer.date) })
                      : t('casework.notAssessed')}
                  </Text>
                </Stack>
              </fieldset>
            );
          })}
          <ErrorAlert error={feedback.formError} ref={feedback.alertRef} />
          {conflict.dialog}
          <Group justify="flex-end" gap="sm">
            <Text size="sm" role="status">
              {changed.length > 0 ? t('casework.answersChanged', { count: changed.length }) : ''}
            </Text>
            <Button type="submit" loading={form.submitting} disabled={changed.length === 0} data-testid={`checklist-save-${checklist.id}`}>
              {t('casework.saveAnswers')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
