/**
 * A new person (`persons.create`, then the consent to processing and the country's procedure if
 * asked), or the edit of one (`persons.update`, and `persons.assign` when a coordinator or an
 * administrator changes the caseworker).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../../shared/domain';
import type { ErrorDetails, ErrorPayload } from '../../../../shared/errors';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee, PersonRecord } from '../../../../shared/persons';
import { call, ClientError, toErrorPayload } from '../../api/client';
import { errorText } from '../../api/error-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess, notifyWarning } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { todayLocal } from '../../format/deadline';
import { useLanguage } from '../../format/labels';
import { emptyPersonValues, fromRecord, processingConsentInput, toPersonInput, toPersonUpdate, type PersonFormValues } from '../person-form-values';
import { ConflictDialog } from '../../team/ConflictDialog';
import { PersonForm } from './PersonForm';

/** Editing starts from the record the person page already holds (no second audited view). */
type Mode = { kind: 'new' } | { kind: 'edit'; id: string; record?: PersonRecord };

interface PersonFormPageProps {
  mode: Mode;
  user: SessionUser;
  assignees: Assignee[];
  country: Country;
  onCancel: () => void;
  onSaved: (personId: string) => void;
}

export function PersonFormPage({ mode, user, assignees, country, onCancel, onSaved }: PersonFormPageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => todayLocal(), []);
  const [record, setRecord] = useState<PersonRecord | null>(mode.kind === 'edit' ? (mode.record ?? null) : null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const editId = mode.kind === 'edit' && !mode.record ? mode.id : null;
  // A save refused because someone else saved first: their details, and the values of this form.
  const [conflict, setConflict] = useState<{ details: ErrorDetails; values: PersonFormValues } | null>(null);
  const [resolving, setResolving] = useState(false);

  const load = useCallback(async () => {
    if (!editId) return;
    try {
      setRecord((await call('persons.get', { id: editId })).person);
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    }
  }, [editId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(values: PersonFormValues) {
    const detail = await call('persons.create', toPersonInput(values));
    const id = detail.person.id;
    const consent = processingConsentInput(values, id);
    if (consent) {
      try {
        await call('consents.record', consent);
      } catch {
        notifyWarning(t('personForm.consentFailed'));
      }
    }
    if (values.openTrackNow) {
      try {
        await call('procedure.openTrack', { personId: id, country });
      } catch (error) {
        notifyWarning(errorText(t, toErrorPayload(error), language));
      }
    }
    notifySuccess(t('personForm.created', { caseCode: detail.person.caseCode }));
    onSaved(id);
  }

  async function save(values: PersonFormValues) {
    if (!record) return;
    await saveOnVersion(record, values, record.version);
  }

  /** Saves against `version`; a stale one opens the conflict dialog instead of an error. */
  async function saveOnVersion(current: PersonRecord, values: PersonFormValues, version: number) {
    let detail;
    try {
      detail = await call('persons.update', { ...toPersonUpdate(values, current.id), expectedVersion: version });
    } catch (error) {
      const details = error instanceof ClientError && error.code === 'CONFLICT' ? error.payload.details : undefined;
      if (details?.currentVersion !== undefined) {
        setConflict({ details, values });
        return;
      }
      throw error;
    }
    setConflict(null);
    const wanted = values.caseworkerId === '' ? null : values.caseworkerId;
    if (user.role !== 'caseworker' && wanted !== (current.caseworker?.id ?? null)) {
      await call('persons.assign', { personId: current.id, caseworkerId: wanted });
    }
    notifySuccess(t('personForm.saved', { caseCode: detail.person.caseCode }));
    onSaved(current.id);
  }

  /** Their version: the form starts again from the record as saved now (it is keyed by the version). */
  async function reloadTheirs() {
    if (!record) return;
    setResolving(true);
    try {
      setRecord((await call('persons.get', { id: record.id })).person);
      setConflict(null);
    } catch (error) {
      notifyWarning(errorText(t, toErrorPayload(error), language));
    } finally {
      setResolving(false);
    }
  }

  /** My values, saved on top of the version the server now holds. */
  async function reapplyMine() {
    if (!record || !conflict?.details.currentVersion) return;
    setResolving(true);
    try {
      await saveOnVersion(record, conflict.values, conflict.details.currentVersion);
    } catch (error) {
      notifyWarning(errorText(t, toErrorPayload(error), language));
    } finally {
      setResolving(false);
    }
  }

  if (mode.kind === 'edit' && record === null) {
    return (
      <Stack maw={960}>
        <PageTitle>{t('personForm.editTitle', { caseCode: '' }).trim()}</PageTitle>
        {loadError ? (
          <Stack gap="xs" align="flex-start">
            <Text>{t('person.loadFailed')}</Text>
            <ErrorAlert error={loadError} testId="person-load-error" />
            <Group>
              <Button variant="default" onClick={() => void load()}>
                {t('common.tryAgain')}
              </Button>
              <Button variant="subtle" onClick={onCancel}>
                {t('common.back')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Loader aria-label={t('common.loading')} />
        )}
      </Stack>
    );
  }

  return (
    <Stack maw={960}>
      <PageTitle>{record ? t('personForm.editTitle', { caseCode: record.caseCode }) : t('personForm.newTitle')}</PageTitle>
      <PersonForm
        key={record ? `${record.id}:${record.version}` : 'new'}
        formName={record ? `edit-person-${record.id}` : 'new-person'}
        initialValues={record ? fromRecord(record, today) : emptyPersonValues(today)}
        isNew={record === null}
        user={user}
        assignees={assignees}
        country={country}
        submitLabel={record ? t('personForm.save') : t('personForm.create')}
        onSubmit={record ? save : create}
        onCancel={onCancel}
      />
      <ConflictDialog
        conflict={conflict?.details ?? null}
        busy={resolving}
        onReload={() => void reloadTheirs()}
        onReapply={() => void reapplyMine()}
        onClose={() => setConflict(null)}
      />
    </Stack>
  );
}
