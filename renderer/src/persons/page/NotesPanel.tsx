/**
 * A person's notes and contact log: newest first, with type, author, duration and attachment; a search
 * within the person's notes (hits marked in a snippet); adding a note; changing one's own note within
 * the edit window; correcting any note by a new entry that names it (docs/casework.md).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Group, Loader, Modal, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NOTE_BODY_MAX, NOTE_DURATION_MAX_MINUTES, NOTE_TYPES, type NoteHit, type NoteType, type NoteView } from '../../../../shared/casework/note.schema';
import type { ErrorPayload } from '../../../../shared/errors';
import type { AttachmentMeta } from '../../../../shared/persons/attachment.schema';
import { call, toErrorPayload } from '../../api/client';
import { useConflict } from '../../team/useConflict';
import { changesCasework, useDataChanged } from '../../team/useDataChanged';
import { NoteSnippet } from '../../casework/NoteSnippet';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/date-format';
import { dateWithWeekday, parseTypedDate, todayLocal, typedDate } from '../../format/deadline';
import { DateField } from '../parts/DateField';

type Editing = { mode: 'add' } | { mode: 'edit'; note: NoteView } | { mode: 'correct'; note: NoteView };

interface NotesPanelProps {
  personId: string;
  attachments: AttachmentMeta[];
}

export function NotesPanel({ personId, attachments }: NotesPanelProps) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<NoteView[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<NoteHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    try {
      setNotes(await call('notes.list', { personId }));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);
  // Notes written on other desktops; an open note dialog keeps what is typed in it.
  useDataChanged(() => void load(), changesCasework);

  /** Their version of the note being edited: the dialog starts again from it (keyed by the version). */
  async function reloadEditing(noteId: string) {
    const list = await call('notes.list', { personId });
    setNotes(list);
    const fresh = list.find((n) => n.id === noteId);
    setEditing(fresh && fresh.editableUntil ? { mode: 'edit', note: fresh } : null);
  }

  const byId = useMemo(() => new Map((notes ?? []).map((n) => [n.id, n])), [notes]);

  async function search(event: React.FormEvent) {
    event.preventDefault();
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    setSearching(true);
    try {
      setHits(await call('notes.search', { text: query, personId, limit: 50 }));
      setSearchError(null);
    } catch (e) {
      setSearchError(toErrorPayload(e));
      setHits(null);
    } finally {
      setSearching(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="notes-panel">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <form onSubmit={(e) => void search(e)} role="search" data-testid="notes-search-form">
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t('casework.notes.search')}
              placeholder={t('casework.notes.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={320}
              data-testid="notes-search"
            />
            <Button type="submit" variant="default" loading={searching}>
              {t('casework.notes.searchButton')}
            </Button>
            {hits ? (
              <Button
                variant="subtle"
                onClick={() => {
                  setHits(null);
                  setQuery('');
                }}
              >
                {t('casework.notes.clearSearch')}
              </Button>
            ) : null}
          </Group>
        </form>
        <Button onClick={() => setEditing({ mode: 'add' })} data-testid="add-note">
          {t('casework.notes.add')}
        </Button>
      </Group>
      <ErrorAlert error={searchError} testId="notes-search-error" />
      {hits ? (
        <Stack gap={4} component="section" aria-label={t('casework.notes.hitsLabel')} data-testid="notes-hits">
          {hits.length === 0 ? <Text c="dimmed">{t('casework.notes.noHits')}</Text> : null}
          {hits.map((h) => (
            <Paper key={h.noteId} withBorder p="xs" data-testid="note-hit">
              <Text size="sm" fw={600}>
                {dateWithWeekday(t, h.occurredOn)} · {t(`casework.noteTypes.${h.type}`)}
              </Text>
              <Text size="sm">
                <NoteSnippet parts={h.snippet} />
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : null}

      <ErrorAlert error={error} testId="notes-error" />
      {notes === null && !error ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {notes?.length === 0 ? <Text c="dimmed">{t('casework.notes.empty')}</Text> : null}
      {notes && notes.length > 0 ? (
        <Stack component="ol" gap="xs" aria-label={t('casework.notes.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="notes-list">
          {notes.map((n) => {
            const corrected = n.correctsId ? byId.get(n.correctsId) : undefined;
            const date = dateWithWeekday(t, n.occurredOn);
            return (
              <Paper component="li" key={n.id} withBorder p="sm" data-testid="note" data-note-id={n.id} bg={n.correctedBy.length > 0 ? 'gray.0' : undefined}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={600}>{date}</Text>
                    <Text size="sm" c="dimmed">
                      {t('casework.notes.meta', { type: t(`casework.noteTypes.${n.type}`), author: n.authorName ?? t('common.none') })}
                      {n.durationMinutes ? ` · ${t('casework.notes.duration', { count: n.durationMinutes })}` : ''}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {n.editableUntil ? (
                      <Button size="compact-sm" variant="light" aria-label={t('casework.notes.editOf', { date })} onClick={() => setEditing({ mode: 'edit', note: n })}>
                        {t('casework.notes.edit')}
                      </Button>
                    ) : null}
                    <Button size="compact-sm" variant="default" aria-label={t('casework.notes.correctOf', { date })} onClick={() => setEditing({ mode: 'correct', note: n })}>
                      {t('casework.notes.correct')}
                    </Button>
                  </Group>
                </Group>
                {corrected ? (
                  <Text size="sm" fs="italic">
                    {t('casework.notes.corrects', { date: dateWithWeekday(t, corrected.occurredOn) })}
                  </Text>
                ) : null}
                {n.correctedBy.length > 0 ? (
                  <Badge variant="outline" color="gray.8" mt={4}>
                    {t('casework.notes.correctedBy')}
                  </Badge>
                ) : null}
                <Text mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="note-body">
                  {n.body}
                </Text>
                {n.attachmentName ? <Text size="sm">{t('casework.notes.attachmentName', { name: n.attachmentName })}</Text> : null}
                {n.editableUntil ? (
                  <Text size="xs" c="dimmed">
                    {t('casework.notes.editUntil', { time: formatDateTime(n.editableUntil) })}
                  </Text>
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      ) : null}

      {editing ? (
        <NoteDialog
          key={editing.mode === 'add' ? 'add' : `${editing.mode}:${editing.note.id}:${editing.note.version}`}
          personId={personId}
          editing={editing}
          onReload={reloadEditing}
          attachments={attachments}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifySuccess(t('casework.notes.saved'));
            void load();
          }}
        />
      ) : null}
    </Stack>
  );
}

interface NoteDialogProps {
  personId: string;
  editing: Editing;
  attachments: AttachmentMeta[];
  onClose: () => void;
  onSaved: () => void;
  onReload: (noteId: string) => Promise<void>;
}

function NoteDialog({ personId, editing, attachments, onClose, onSaved, onReload }: NoteDialogProps) {
  const { t } = useTranslation();
  const conflict = useConflict();
  const base = editing.mode === 'add' ? null : editing.note;
  const [occurredOn, setOccurredOn] = useState(typedDate(editing.mode === 'edit' ? editing.note.occurredOn : todayLocal()));
  const [type, setType] = useState<NoteType>(base?.type ?? 'meeting');
  const [body, setBody] = useState(editing.mode === 'edit' ? editing.note.body : '');
  const [duration, setDuration] = useState<number | ''>(editing.mode === 'edit' ? (editing.note.durationMinutes ?? '') : '');
  const [attachmentId, setAttachmentId] = useState(editing.mode === 'edit' ? (editing.note.attachmentId ?? '') : '');
  const [fieldErrors, setFieldErrors] = useState<{ occurredOn?: string; body?: string }>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const title =
    editing.mode === 'add'
      ? t('casework.notes.addTitle')
      : editing.mode === 'edit'
        ? t('casework.notes.editTitle')
        : t('casework.notes.correctTitle', { date: dateWithWeekday(t, editing.note.occurredOn) });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const date = parseTypedDate(occurredOn);
    const errors: typeof fieldErrors = {};
    if (!date) errors.occurredOn = t('validation.date');
    if (body.trim() === '') errors.body = t('validation.required');
    setFieldErrors(errors);
    if (!date || Object.keys(errors).length > 0) return;
    const fields = {
      occurredOn: date,
      type,
      body,
      durationMinutes: duration === '' ? null : duration,
      attachmentId: attachmentId === '' ? null : attachmentId,
    };
    setBusy(true);
    try {
      if (editing.mode === 'edit') {
        const note = editing.note;
        await conflict.save(
          note.version,
          async (version) => {
            await call('notes.update', { id: note.id, ...fields, expectedVersion: version });
            onSaved();
          },
          () => onReload(note.id),
        );
      } else {
        await call('notes.add', { personId, ...fields, correctsId: editing.mode === 'correct' ? editing.note.id : null });
        onSaved();
      }
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} closeOnEscape={!conflict.open} title={title} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict.dialog}
      <form onSubmit={(e) => void save(e)} noValidate data-testid="note-form">
        <Stack gap="sm">
          {editing.mode === 'correct' ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {editing.note.body}
            </Text>
          ) : null}
          <Group grow align="flex-start">
            <DateField label={t('casework.notes.occurredOn')} value={occurredOn} onChange={(e) => setOccurredOn(e.currentTarget.value)} error={fieldErrors.occurredOn} required />
            <NativeSelect
              label={t('casework.notes.type')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as NoteType)}
              data={NOTE_TYPES.map((v) => ({ value: v, label: t(`casework.noteTypes.${v}`) }))}
              data-testid="note-type"
            />
          </Group>
          <Textarea
            label={t('casework.notes.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldErrors.body}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={NOTE_BODY_MAX}
            required
            data-autofocus
            data-testid="note-body-input"
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('casework.notes.duration')}
              value={duration}
              onChange={(v) => setDuration(typeof v === 'number' ? v : '')}
              min={1}
              max={NOTE_DURATION_MAX_MINUTES}
              allowDecimal={false}
              allowNegative={false}
            />
            <NativeSelect
              label={t('casework.notes.attachment')}
              value={attachmentId}
              onChange={(e) => setAttachmentId(e.currentTarget.value)}
              data={[{ value: '', label: t('casework.notes.noAttachment') }, ...attachments.map((a) => ({ value: a.id, label: a.fileName }))]}
            />
          </Group>
          <ErrorAlert error={error} ref={alertRef} testId="note-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="save-note">
              {t('casework.notes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
