/**
 * A staff task: create one, or change or delete it. Admins and coordinators assign it to any active
 * staff member; a caseworker's tasks are their own. The person it is about is found by name or case
 * code (persons.list, which already narrows a caseworker to their own cases).
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, type CalendarDate } from '../../../shared/dates/calendar-date';
import type { ErrorPayload } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Assignee } from '../../../shared/persons/person.schema';
import { TASK_TITLE_MAX } from '../../../shared/reminders/reminders.schema';
import { call, toErrorPayload } from '../api/client';
import { fieldIssueText } from '../api/error-text';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { parseTypedDate, typedDate } from '../format/deadline';
import { DateField } from '../persons/parts/DateField';
import { useConflict } from '../team/useConflict';

export interface TaskDraft {
  /** The task's uuid when editing. */
  id: string | null;
  /** The task's version when editing (sent back, so a change saved since on another desktop is not overwritten). */
  version: number | null;
  title: string;
  dueDate: CalendarDate | null;
  assigneeId: string | null;
  person: { id: string; label: string } | null;
}

interface TaskDialogProps {
  draft: TaskDraft;
  user: SessionUser;
  assignees: Assignee[];
  today: CalendarDate;
  onClose: () => void;
  onSaved: () => void;
}

type FieldErrors = Partial<Record<'title' | 'dueDate' | 'assigneeId', string>>;

export function TaskDialog({ draft, user, assignees, today, onClose, onSaved }: TaskDialogProps) {
  const { t } = useTranslation();
  const editing = draft.id !== null;
  const canAssign = user.role !== 'caseworker';
  const [title, setTitle] = useState(draft.title);
  const [due, setDue] = useState(typedDate(draft.dueDate ?? addDays(today, 1)));
  const [assigneeId, setAssigneeId] = useState(draft.assigneeId ?? user.id);
  const [person, setPerson] = useState(draft.person);
  const [search, setSearch] = useState(draft.person?.label ?? '');
  const [options, setOptions] = useState<{ value: string; label: string }[]>(draft.person ? [{ value: draft.person.id, label: draft.person.label }] : []);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const conflict = useConflict();

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  // Persons matching what is typed (at most 20), a moment after typing stops.
  useEffect(() => {
    const text = search.trim();
    if (text.length < 2 || (person && text === person.label)) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void call('persons.list', { search: text, status: 'all', sort: 'name', limit: 20 })
        .then((page) => {
          if (cancelled) return;
          setOptions(
            page.items.map((p) => {
              const name = [p.familyName, p.givenNames].filter(Boolean).join(', ') || p.aliases[0] || t('reminders.noName');
              return { value: p.id, label: `${p.caseCode} · ${name}` };
            }),
          );
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [search, person, t]);

  const staff = assignees.some((a) => a.id === user.id) ? assignees : [{ id: user.id, displayName: user.displayName, role: user.role }, ...assignees];

  async function save() {
    setError(null);
    const errors: FieldErrors = {};
    const dueDate = parseTypedDate(due);
    if (title.trim() === '') errors.title = t('validation.required');
    if (!dueDate) errors.dueDate = t('validation.date');
    setFieldErrors(errors);
    if (errors.title) return titleRef.current?.focus();
    if (errors.dueDate || !dueDate) return dueRef.current?.focus();
    setBusy('save');
    try {
      if (editing && draft.id) {
        const id = draft.id;
        const update = async (expectedVersion?: number) => {
          await call('tasks.update', {
            id,
            title: title.trim(),
            dueDate,
            ...(canAssign ? { assigneeId } : {}),
            personId: person?.id ?? null,
            expectedVersion,
          });
          notifySuccess(t('reminders.task.saved'));
          onSaved();
        };
        if (draft.version === null) await update();
        // Reload their version: the dialog closes and the dashboard is read again.
        else if (!(await conflict.save(draft.version, update, onSaved))) setBusy(null);
      } else {
        await call('tasks.create', { title: title.trim(), dueDate, ...(canAssign ? { assigneeId } : {}), personId: person?.id ?? null });
        notifySuccess(t('reminders.task.created'));
        onSaved();
      }
    } catch (e) {
      const payload = toErrorPayload(e);
      const fields = payload.details?.fields ?? [];
      const next: FieldErrors = {};
      for (const f of fields) {
        if (f.path === 'title' || f.path === 'dueDate' || f.path === 'assigneeId') {
          next[f.path] = payload.key === 'validation' ? fieldIssueText(t, f) : t(`errors.${payload.key}`);
        }
      }
      if (Object.keys(next).length > 0) setFieldErrors(next);
      else setError(payload);
      setBusy(null);
    }
  }

  async function remove() {
    if (!draft.id) return;
    setBusy('delete');
    setError(null);
    try {
      await call('tasks.delete', { id: draft.id });
      notifySuccess(t('reminders.task.deleted'));
      onSaved();
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(null);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!conflict.open}
      title={editing ? t('reminders.task.editTitle') : t('reminders.task.newTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput
            ref={titleRef}
            label={t('reminders.task.title')}
            description={t('reminders.task.titleHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={TASK_TITLE_MAX}
            error={fieldErrors.title}
            withAsterisk
            data-autofocus
          />
          <DateField
            ref={dueRef}
            label={t('reminders.task.dueDate')}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={fieldErrors.dueDate}
            withAsterisk
          />
          <NativeSelect
            label={t('reminders.task.assignee')}
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.currentTarget.value)}
            disabled={!canAssign}
            error={fieldErrors.assigneeId}
            data={staff.map((a) => ({
              value: a.id,
              label: a.id === user.id ? t('reminders.task.assigneeSelf', { name: a.displayName }) : a.displayName,
            }))}
          />
          <Select
            label={t('reminders.task.person')}
            placeholder={t('reminders.task.personPlaceholder')}
            searchable
            clearable
            searchValue={search}
            onSearchChange={setSearch}
            value={person?.id ?? null}
            onChange={(value, option) => setPerson(value && option ? { id: value, label: option.label } : null)}
            data={options}
            filter={({ options: all }) => all}
            nothingFoundMessage={search.trim().length >= 2 ? t('personForm.nothingFound') : undefined}
            clearButtonProps={{ 'aria-label': t('reminders.task.personNone') }}
          />
          <ErrorAlert error={error} ref={alertRef} testId="task-error" />
          {conflict.dialog}
          <Group justify="space-between">
            {editing ? (
              <Button color="red" variant="light" onClick={() => void remove()} loading={busy === 'delete'} disabled={busy === 'save'}>
                {t('reminders.task.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose} disabled={busy !== null}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy === 'save'} disabled={busy === 'delete'}>
                {editing ? t('reminders.task.save') : t('reminders.task.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
