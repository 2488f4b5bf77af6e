/**
 * One handover: to whom and in which direction, the receiving country's procedure
 * and requirements, the checklist, the export of a package and the printable summary, the packages
 * sent with their receipts, and, once the partner's receipt is imported, the closure with the day this
 * organisation's copy of the file is due for deletion.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, List, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { HandoverView } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { call, toErrorPayload } from '../../api/client';
import { useNavigation } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/date-format';
import { dateWithWeekday, todayLocal } from '../../format/deadline';
import { pick, useLanguage } from '../../format/labels';
import { FingerprintDigits } from '../parts/FingerprintDigits';
import { StatusChip } from '../parts/StatusChip';
import { ChecklistTable } from './ChecklistTable';
import { ExportPanel } from './ExportPanel';
import { PackagesTable } from './PackagesTable';
import { ReceiptImport } from './ReceiptImport';

interface HandoverDetailProps {
  handoverId: string;
  user: SessionUser;
  onBack: () => void;
}

export function HandoverDetail({ handoverId, user, onBack }: HandoverDetailProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const today = useMemo(() => todayLocal(), []);
  const [view, setView] = useState<HandoverView | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const canManage = user.role === 'admin' || user.role === 'coordinator';

  const load = useCallback(async () => {
    try {
      setView(await call('handover.get', { handoverId }));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [handoverId]);

  useEffect(() => {
    void load();
    call('persons.assignees', {})
      .then(setAssignees)
      .catch(() => setAssignees([]));
  }, [load]);

  async function cancel() {
    setConfirmCancel(false);
    try {
      setView(await call('handover.cancel', { handoverId }));
      notifySuccess(t('handover.cancelled'));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  const back = (
    <Button variant="subtle" w="fit-content" px={0} onClick={onBack} data-testid="back-to-handovers">
      ← {t('handover.backToList')}
    </Button>
  );

  if (!view) {
    return (
      <Stack maw={1200}>
        {back}
        {error ? <ErrorAlert error={error} testId="handover-load-error" /> : <Loader aria-label={t('common.loading')} />}
      </Stack>
    );
  }

  const editable = view.status === 'preparing' || view.status === 'sent';
  const accepted = view.packages.find((p) => p.receipt?.outcome === 'accepted');
  const direction = t('handover.direction', { from: t(`countries.${view.from}`), to: t(`countries.${view.to}`) });

  return (
    <Stack maw={1200} gap="lg" data-testid="handover-detail" data-status={view.status}>
      {back}
      <Stack gap={6}>
        <Group gap="md" align="baseline">
          <Text className="case-code" size="lg">
            {view.caseCode}
          </Text>
          <StatusChip status={view.status} testId="handover-status">
            {t(`handover.status.${view.status}`)}
          </StatusChip>
        </Group>
        <PageTitle>{t('handover.detailTitle', { partner: view.partner.name })}</PageTitle>
        <Text fw={600}>{direction}</Text>
        <Text size="sm">{t('handover.startedOn', { date: dateWithWeekday(t, view.startedOn) })}</Text>
        <Group gap="sm">
          <Button variant="default" size="xs" onClick={() => navigation.go({ area: 'persons', personId: view.personId })}>
            {t('handover.openPerson')}
          </Button>
          {canManage && editable ? (
            <Button variant="outline" color="red.9" size="xs" onClick={() => setConfirmCancel(true)}>
              {t('handover.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>

      <ErrorAlert error={error} testId="handover-error" />

      {view.status === 'closed' ? (
        <Alert color="green" variant="light" role="status" title={t('handover.closedTitle')} data-testid="handover-closed" styles={{ title: { color: '#1e6b2e' } }}>
          <Stack gap={4}>
            <Text>{t('handover.closedBody', { partner: view.partner.name, date: formatDateTime(view.closedAt ?? accepted?.receipt?.at ?? '') })}</Text>
            {accepted?.deletionDueOn ? (
              <Text fw={700} data-testid="handover-deletion-due">
                {t('handover.deletionDue', { date: dateWithWeekday(t, accepted.deletionDueOn) })}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {view.status === 'cancelled' ? (
        <Alert color="gray" variant="light" role="status">
          {t('handover.cancelledNote')}
        </Alert>
      ) : null}
      {!view.partner.canExchange && editable ? (
        <Alert color="red.9" variant="filled" role="alert" title={t('partners.keyChangedTitle', { name: view.partner.name })} data-testid="handover-partner-blocked">
          {t('handover.partnerBlocked', { name: view.partner.name })}
        </Alert>
      ) : null}

      <Paper component="section" withBorder p="lg" aria-labelledby="receiving-title">
        <Title order={2} size="h3" id="receiving-title" mb="sm">
          {t('handover.receivingTitle', { country: t(`countries.${view.to}`) })}
        </Title>
        <List spacing="xs" data-testid="receiving-procedure">
          {view.receiving.points.map((p, i) => (
            <List.Item key={i}>
              <Text>{pick(p.label, language)}</Text>
              <Text size="xs" c="dimmed">
                {t('procedure.source', { source: p.source })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Stack gap={4} mt="md">
          <Text size="sm" fw={600}>
            {t('handover.partnerFingerprint', { name: view.partner.name })}
          </Text>
          <FingerprintDigits display={view.partner.fingerprint.display} size="small" label={t('partners.fingerprintOf', { name: view.partner.name })} />
        </Stack>
      </Paper>

      <Paper component="section" withBorder p="lg" aria-labelledby="checklist-title">
        <Title order={2} size="h3" id="checklist-title" mb="sm">
          {t('handover.checklist.title')}
        </Title>
        <ChecklistTable handover={view} assignees={assignees} today={today} editable={editable} onChanged={setView} />
      </Paper>

      <Paper component="section" withBorder p="lg" aria-labelledby="export-title">
        <Title order={2} size="h3" id="export-title" mb="sm">
          {t('handover.export.title')}
        </Title>
        {!canManage ? (
          <Text>{t('handover.export.roleNote')}</Text>
        ) : editable ? (
          <ExportPanel handover={view} onChanged={setView} />
        ) : (
          <Text>{t('handover.export.notEditable')}</Text>
        )}
      </Paper>

      <Paper component="section" withBorder p="lg" aria-labelledby="packages-title">
        <Title order={2} size="h3" id="packages-title" mb="sm">
          {t('handover.packages.title')}
        </Title>
        {view.packages.length === 0 ? <Text c="dimmed">{t('handover.packages.none')}</Text> : <PackagesTable packages={view.packages} />}
        {canManage && view.packages.some((p) => p.receipt === null) ? (
          <Stack mt="md">
            <ReceiptImport
              onImported={(updated) => {
                notifySuccess(t('handover.receipt.imported'));
                if (updated.id === view.id) setView(updated);
                else navigation.go({ area: 'handovers', view: 'handover', handoverId: updated.id });
              }}
            />
          </Stack>
        ) : null}
      </Paper>

      {confirmCancel ? (
        <Modal opened onClose={() => setConfirmCancel(false)} title={t('handover.cancelTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack>
            <Text>{t('handover.cancelExplanation')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmCancel(false)} data-autofocus>
                {t('common.back')}
              </Button>
              <Button color="red.9" onClick={() => void cancel()}>
                {t('handover.cancelConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
