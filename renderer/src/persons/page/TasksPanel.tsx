/**
 * The person's tasks on their page (the staff tasks of the dashboard, linked to this person): open
 * ones earliest first, a form to add one, and "Done" to complete it (recorded like "mark done" on the
 * dashboard, audited with the person's uuid). Done tasks can be shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/dates/calendar-date';
import type { ErrorPayload } from '../../../../shared/errors';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { TASK_TITLE_MAX, type TaskView } from '../../../../shared/reminders/reminders.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday, parseTypedDate, todayLocal, typedDate } from '../../format/deadline';
import { changesCasework, useDataChanged } from '../../team/useDataChanged';
import { useConflict } from '../../team/useConflict';
import { DateField } from '../parts/DateField';

interface TasksPanelProps {
  personId: string;
  user: SessionUser;
  assignees: Assignee[];
}

export function TasksPanel({ personId, user, assignees }: TasksPanelProps) {
  const { t } = useTranslation();
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [showDone, setShowDone] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(typedDate(addDays(todayLocal(), 7)));
  const [assigneeId, setAssigneeId] = useState(user.id);
  const [fieldErrors, setFieldErrors] = useState<{ title?: string; due?: string }>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    try {
      setTasks(await call('tasks.list', { personId, includeDone: showDone, limit: 200 }));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [personId, showDone]);

  useEffect(() => {
    void load();
  }, [load]);
  // Tasks added or done on other desktops; the add form below keeps what is typed in it.
  useDataChanged(() => void load(), changesCasework);
  const conflict = useConflict();

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const dueDate = parseTypedDate(due);
    const errors: typeof fieldErrors = {};
    if (title.trim() === '') errors.title = t('validation.required');
    if (!dueDate) errors.due = t('validation.date');
    setFieldErrors(errors);
    if (!dueDate || Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await call('tasks.create', { title, dueDate, personId, ...(user.role === 'caseworker' ? {} : { assigneeId }) });
      setFormError(null);
      setTitle('');
      notifySuccess(t('casework.tasks.saved'));
      await load();
    } catch (e) {
      setFormError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  // A task changed on another desktop since this list was read: the conflict dialog, not an error.
  async function complete(task: TaskView) {
    try {
      await conflict.save(
        task.version,
        async (version) => {
          await call('reminders.markDone', { itemId: `task:${task.id}`, reason: 'actionTaken', note: '', expectedVersion: version });
          notifySuccess(t('casework.tasks.completed'));
          await load();
        },
        load,
      );
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  const canAssign = user.role !== 'caseworker';
  const active = assignees.filter((a) => a.id);

  return (
    <Stack gap="sm" data-testid="tasks-panel">
      <ErrorAlert error={error} testId="tasks-error" />
      {tasks === null && !error ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {tasks?.length === 0 ? <Text c="dimmed">{t('casework.tasks.empty')}</Text> : null}
      {tasks && tasks.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped captionSide="top" data-testid="person-tasks">
            <Table.Caption>{t('casework.tasks.listLabel')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('casework.tasks.colTask')}</Table.Th>
                <Table.Th scope="col">{t('casework.tasks.colDue')}</Table.Th>
                <Table.Th scope="col">{t('casework.tasks.colAssignee')}</Table.Th>
                <Table.Th scope="col">{t('casework.tasks.colAction')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id} data-testid="person-task">
                  <Table.Th scope="row" fw={500}>
                    {task.title}
                  </Table.Th>
                  <Table.Td>{dateWithWeekday(t, task.dueDate)}</Table.Td>
                  <Table.Td>{task.assigneeName ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {task.state === 'done' ? (
                      t('casework.tasks.stateDone')
                    ) : (
                      <Button size="compact-sm" variant="light" aria-label={t('casework.tasks.completeOf', { title: task.title })} onClick={() => void complete(task)}>
                        {t('casework.tasks.complete')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {conflict.dialog}
      <Checkbox label={t('casework.tasks.showDone')} checked={showDone} onChange={(e) => setShowDone(e.currentTarget.checked)} />

      <Paper withBorder p="md" bg="gray.0">
        <Title order={3} size="h5" mb="sm">
          {t('casework.tasks.add')}
        </Title>
        <form onSubmit={(e) => void add(e)} noValidate data-testid="person-task-form">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput
                label={t('casework.tasks.what')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldErrors.title}
                maxLength={TASK_TITLE_MAX}
                required
                data-testid="person-task-title"
              />
              <DateField label={t('casework.tasks.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} error={fieldErrors.due} required />
              {canAssign ? (
                <NativeSelect
                  label={t('casework.tasks.assignee')}
                  value={assigneeId}
                  onChange={(e) => setAssigneeId(e.currentTarget.value)}
                  data={active.map((a) => ({ value: a.id, label: a.displayName }))}
                />
              ) : null}
            </Group>
            <ErrorAlert error={formError} testId="person-task-error" />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="save-person-task">
                {t('casework.tasks.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
