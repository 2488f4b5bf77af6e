/**
 * Mark a deadline or task done, or snooze it, with a reason code and an optional short note.
 * The note stays in the vault with the decision; the audit trail records only the action and the
 * person's uuid (electron/core/reminders/reminder.service.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, formatDate, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { ErrorPayload } from '../../../shared/errors';
import {
  DONE_REASONS,
  PROCEDURE_DONE_REASON,
  REMINDER_NOTE_MAX,
  SNOOZE_REASONS,
  type DashboardRowView,
  type DoneReason,
  type SnoozeReason,
} from '../../../shared/reminders/reminders.schema';
import { call, toErrorPayload } from '../api/client';
import { fieldIssueText } from '../api/error-text';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { dateWithWeekday, parseTypedDate, typedDate } from '../format/deadline';
import { useLanguage } from '../format/labels';
import { DateField } from '../persons/parts/DateField';
import { useConflict } from '../team/useConflict';
import { latestSnooze, whatIsDue } from './reminder-format';

export type Decision = 'done' | 'snooze';

interface DecisionDialogProps {
  decision: Decision;
  row: DashboardRowView;
  today: CalendarDate;
  onClose: () => void;
  onSaved: () => void;
}

export function DecisionDialog({ decision, row, today, onClose, onSaved }: DecisionDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const latest = latestSnooze(row.dueDate, today);
  const [doneReason, setDoneReason] = useState<DoneReason>('actionTaken');
  const [snoozeReason, setSnoozeReason] = useState<SnoozeReason>('waitingForAuthority');
  const [until, setUntil] = useState(typedDate(addDays(today, 1) <= latest ? addDays(today, 1) : latest));
  const [untilError, setUntilError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const untilRef = useRef<HTMLInputElement>(null);
  const what = whatIsDue(t, row, language);
  const conflict = useConflict();

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function save() {
    setError(null);
    setUntilError(null);
    let untilDate: CalendarDate | null = null;
    if (decision === 'snooze') {
      untilDate = parseTypedDate(until);
      const problem = !untilDate
        ? t('validation.date')
        : untilDate <= today
          ? t('errors.snoozeInPast')
          : untilDate > latest
            ? t('errors.snoozeTooLate', { date: formatDate(latest) })
            : null;
      if (problem) {
        setUntilError(problem);
        untilRef.current?.focus();
        return;
      }
    }
    setBusy(true);
    // A task is a versioned record: the decision is sent on the version the dashboard showed, and a
    // task changed on another desktop since opens the conflict dialog. Deadlines have no version.
    const decide = async (expectedVersion?: number) => {
      if (decision === 'done') {
        await call('reminders.markDone', { itemId: row.id, reason: doneReason, note, expectedVersion });
        notifySuccess(t('reminders.doneSaved'));
      } else if (untilDate) {
        await call('reminders.snooze', { itemId: row.id, until: untilDate, reason: snoozeReason, note, expectedVersion });
        notifySuccess(t('reminders.snoozeSaved', { date: dateWithWeekday(t, untilDate) }));
      }
      onSaved();
    };
    try {
      if (row.version === null) await decide();
      // Reload their version: the dialog closes and the dashboard is read again.
      else if (!(await conflict.save(row.version, decide, onSaved))) setBusy(false);
    } catch (e) {
      const payload = toErrorPayload(e);
      const field = payload.details?.fields?.find((f) => f.path === 'until');
      if (field && decision === 'snooze') {
        setUntilError(payload.key === 'validation' ? fieldIssueText(t, field) : t(`errors.${payload.key}`, payload.params ?? {}));
        untilRef.current?.focus();
      } else setError(payload);
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!conflict.open}
      title={decision === 'done' ? t('reminders.doneTitle') : t('reminders.snoozeTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <div>
            <Text fw={600}>{what}</Text>
            <Text size="sm">
              {row.caseCode ? <span className="case-code">{row.caseCode}</span> : null}
              {row.caseCode ? ' · ' : null}
              {dateWithWeekday(t, row.dueDate)}
            </Text>
          </div>
          {decision === 'done' ? (
            <NativeSelect
              label={t('reminders.reason')}
              value={doneReason}
              onChange={(e) => setDoneReason(e.currentTarget.value as DoneReason)}
              data={DONE_REASONS.filter((r) => r !== PROCEDURE_DONE_REASON).map((r) => ({ value: r, label: t(`reminders.doneReasons.${r}`) }))}
              data-autofocus
            />
          ) : (
            <>
              <DateField
                ref={untilRef}
                label={t('reminders.snoozeUntil')}
                value={until}
                onChange={(e) => {
                  setUntil(e.currentTarget.value);
                  setUntilError(null);
                }}
                error={untilError}
                data-autofocus
              />
              <Text size="sm" mt={-8}>
                {t('reminders.snoozeLatest', { date: dateWithWeekday(t, latest) })}
              </Text>
              <NativeSelect
                label={t('reminders.reason')}
                value={snoozeReason}
                onChange={(e) => setSnoozeReason(e.currentTarget.value as SnoozeReason)}
                data={SNOOZE_REASONS.map((r) => ({ value: r, label: t(`reminders.snoozeReasons.${r}`) }))}
              />
            </>
          )}
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
          <ErrorAlert error={error} ref={alertRef} testId="reminder-decision-error" />
          {conflict.dialog}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {decision === 'done' ? t('reminders.doneConfirm') : t('reminders.snoozeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
