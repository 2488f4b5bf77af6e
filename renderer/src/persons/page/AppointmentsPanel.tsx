/**
 * Services and referrals with their appointments: what service, day and time, place, whether an
 * interpreter is booked, and the status, which can be changed in the list. Planned appointments also
 * appear on the dashboard in the group of their day.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Group, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_STATUSES,
  SERVICE_KINDS,
  timeOfDaySchema,
  type AppointmentStatus,
  type AppointmentView,
  type ServiceKind,
} from '../../../../shared/casework/appointment.schema';
import type { ErrorPayload } from '../../../../shared/errors';
import { call, toErrorPayload } from '../../api/client';
import { useConflict } from '../../team/useConflict';
import { changesCasework, useDataChanged } from '../../team/useDataChanged';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday, parseTypedDate } from '../../format/deadline';
import { DateField } from '../parts/DateField';

export function AppointmentsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AppointmentView[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [serviceKind, setServiceKind] = useState<ServiceKind>('medical');
  const [service, setService] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [interpreterBooked, setInterpreterBooked] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ service?: string; date?: string; time?: string }>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await call('appointments.list', { personId }));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);
  // Appointments added or changed on other desktops; the add form keeps what is typed in it.
  useDataChanged(() => void load(), changesCasework);
  const conflict = useConflict();

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const day = parseTypedDate(date);
    const errors: typeof fieldErrors = {};
    if (service.trim() === '') errors.service = t('validation.required');
    if (!day) errors.date = t('validation.date');
    if (time.trim() !== '' && !timeOfDaySchema.safeParse(time.trim()).success) errors.time = t('casework.appointments.timeInvalid');
    setFieldErrors(errors);
    if (!day || Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      await call('appointments.add', { personId, serviceKind, service, date: day, time: time.trim() === '' ? null : time.trim(), place, interpreterBooked });
      setFormError(null);
      setService('');
      setDate('');
      setTime('');
      setPlace('');
      setInterpreterBooked(false);
      notifySuccess(t('casework.appointments.saved'));
      await load();
    } catch (e) {
      setFormError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  async function setStatus(item: AppointmentView, status: AppointmentStatus) {
    try {
      await conflict.save(
        item.version,
        async (version) => {
          const updated = await call('appointments.update', { id: item.id, status, expectedVersion: version });
          setItems((list) => (list ? list.map((a) => (a.id === updated.id ? updated : a)) : list));
        },
        load,
      );
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  return (
    <Stack gap="sm" data-testid="appointments-panel">
      <ErrorAlert error={error} testId="appointments-error" />
      {conflict.dialog}
      {items === null && !error ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {items?.length === 0 ? <Text c="dimmed">{t('casework.appointments.empty')}</Text> : null}
      {items && items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped captionSide="top" data-testid="appointments-table">
            <Table.Caption>{t('casework.appointments.listLabel')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('casework.appointments.colWhen')}</Table.Th>
                <Table.Th scope="col">{t('casework.appointments.colService')}</Table.Th>
                <Table.Th scope="col">{t('casework.appointments.colPlace')}</Table.Th>
                <Table.Th scope="col">{t('casework.appointments.colInterpreter')}</Table.Th>
                <Table.Th scope="col">{t('casework.appointments.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const when = `${dateWithWeekday(t, a.date)}${a.time ? ` ${a.time}` : ''}`;
                return (
                  <Table.Tr key={a.id} data-testid="appointment-row">
                    <Table.Th scope="row" fw={500}>
                      {when}
                    </Table.Th>
                    <Table.Td>
                      {t(`casework.serviceKinds.${a.serviceKind}`)}: {a.service}
                    </Table.Td>
                    <Table.Td>{a.place || t('common.none')}</Table.Td>
                    <Table.Td>{a.interpreterBooked ? t('casework.appointments.yes') : t('casework.appointments.no')}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('casework.appointments.statusOf', { service: a.service, date: when })}
                        value={a.status}
                        onChange={(e) => void setStatus(a, e.currentTarget.value as AppointmentStatus)}
                        data={APPOINTMENT_STATUSES.map((s) => ({ value: s, label: t(`casework.appointmentStatuses.${s}`) }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <Paper withBorder p="md" bg="gray.0">
        <Title order={3} size="h5" mb="sm">
          {t('casework.appointments.add')}
        </Title>
        <form onSubmit={(e) => void add(e)} noValidate data-testid="appointment-form">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <NativeSelect
                label={t('casework.appointments.serviceKind')}
                value={serviceKind}
                onChange={(e) => setServiceKind(e.currentTarget.value as ServiceKind)}
                data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`casework.serviceKinds.${k}`) }))}
              />
              <TextInput label={t('casework.appointments.service')} value={service} onChange={(e) => setService(e.currentTarget.value)} error={fieldErrors.service} maxLength={200} required />
            </Group>
            <Group grow align="flex-start">
              <DateField label={t('casework.appointments.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldErrors.date} required />
              <TextInput label={t('casework.appointments.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={fieldErrors.time} maxLength={5} inputMode="numeric" />
              <TextInput label={t('casework.appointments.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={200} />
            </Group>
            <Checkbox label={t('casework.appointments.interpreterBooked')} checked={interpreterBooked} onChange={(e) => setInterpreterBooked(e.currentTarget.checked)} />
            <ErrorAlert error={formError} testId="appointment-error" />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="save-appointment">
                {t('casework.appointments.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
