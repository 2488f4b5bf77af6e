/**
 * The handovers area: outgoing handovers (started from a person's page) with their checklists,
 * packages and receipts; incoming packages to preview, accept or decline, and the receipts made for
 * them. A person's page and the receipt import lead straight into one handover.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import type { HandoverSummary, ImportSummary } from '../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../shared/ipc/contract';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { notifySuccess } from '../components/notify';
import { dateWithWeekday, todayLocal } from '../format/deadline';
import { DeadlineText } from '../persons/parts/DeadlineText';
import { ImportPackage } from './incoming/ImportPackage';
import { ReceivedList } from './incoming/ReceivedList';
import { StatusChip } from './parts/StatusChip';
import { HandoverDetail } from './workflow/HandoverDetail';
import { ReceiptImport } from './workflow/ReceiptImport';
import { RetentionSetting } from './workflow/RetentionSetting';
import { StartHandover } from './workflow/StartHandover';

export type HandoversView =
  | { kind: 'list'; tab?: 'outgoing' | 'incoming' }
  | { kind: 'start'; personId: string; caseCode: string; personName: string }
  | { kind: 'handover'; handoverId: string };

interface HandoversPageProps {
  user: SessionUser;
  country: Country;
  /** Where to go when the page opens or the navigation asks for it (a new object each time). */
  request: HandoversView;
}

function HandoverList({ user, onOpen }: { user: SessionUser; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const today = useMemo(() => todayLocal(), []);
  const [list, setList] = useState<HandoverSummary[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const canManage = user.role === 'admin' || user.role === 'coordinator';

  useEffect(() => {
    call('handover.list', {})
      .then(setList)
      .catch((e: unknown) => setError(toErrorPayload(e)));
  }, []);

  return (
    <Stack gap="md">
      <Text>{t('handovers.outgoingIntro')}</Text>
      <ErrorAlert error={error} testId="handovers-error" />
      {list && list.length === 0 ? <Text c="dimmed">{t('handovers.none')}</Text> : null}
      {list && list.length > 0 ? (
        <Table.ScrollContainer minWidth={860}>
          <Table captionSide="top" verticalSpacing="sm" striped data-testid="handover-list">
            <Table.Caption>{t('handovers.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('handovers.colCase')}</Table.Th>
                <Table.Th scope="col">{t('handovers.colPartner')}</Table.Th>
                <Table.Th scope="col">{t('handovers.colStatus')}</Table.Th>
                <Table.Th scope="col">{t('handovers.colNextDue')}</Table.Th>
                <Table.Th scope="col">{t('handovers.colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((h) => (
                <Table.Tr key={h.id} data-testid={`handover-row-${h.caseCode}`}>
                  <Table.Th scope="row" fw={500}>
                    <Text className="case-code">{h.caseCode}</Text>
                    <Text size="xs" c="dimmed">
                      {t('handovers.started', { date: dateWithWeekday(t, h.startedOn) })}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text>{h.partnerName}</Text>
                    <Text size="sm">{t('handover.direction', { from: t(`countries.${h.from}`), to: t(`countries.${h.to}`) })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusChip status={h.status}>{t(`handover.status.${h.status}`)}</StatusChip>
                    <Text size="xs" mt={4}>
                      {t('handovers.openItems', { count: h.openItems })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{h.nextDue && (h.status === 'preparing' || h.status === 'sent') ? <DeadlineText date={h.nextDue} today={today} layout="stacked" /> : t('common.none')}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => onOpen(h.id)} aria-label={t('handovers.openOf', { caseCode: h.caseCode, partner: h.partnerName })}>
                      {t('handover.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {canManage ? (
        <Paper withBorder p="md" bg="gray.0">
          <Title order={2} size="h4" mb="xs">
            {t('handover.receipt.title')}
          </Title>
          <ReceiptImport
            testId="receipt-file-list"
            onImported={(view) => {
              notifySuccess(t('handover.receipt.imported'));
              onOpen(view.id);
            }}
          />
        </Paper>
      ) : null}
      <Paper withBorder p="md" bg="gray.0">
        <Title order={2} size="h4" mb="xs">
          {t('handovers.retention.title')}
        </Title>
        <RetentionSetting user={user} />
      </Paper>
    </Stack>
  );
}

function Incoming({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [imports, setImports] = useState<ImportSummary[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const canManage = user.role === 'admin' || user.role === 'coordinator';

  const load = useCallback(async () => {
    if (!canManage) return;
    try {
      setImports(await call('handover.imports', {}));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [canManage]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!canManage) return <Text>{t('handovers.incomingRoleNote')}</Text>;
  return (
    <Stack gap="lg">
      <Text>{t('handovers.incomingIntro')}</Text>
      <ImportPackage user={user} onImported={() => void load()} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('incoming.receivedTitle')}
        </Title>
        <ErrorAlert error={error} testId="imports-error" />
        {imports ? <ReceivedList imports={imports} /> : null}
      </Stack>
    </Stack>
  );
}

export function HandoversPage({ user, country, request }: HandoversPageProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<HandoversView>(request);
  const [tab, setTab] = useState<'outgoing' | 'incoming'>(request.kind === 'list' ? (request.tab ?? 'outgoing') : 'outgoing');

  useEffect(() => {
    setView(request);
    if (request.kind === 'list' && request.tab) setTab(request.tab);
  }, [request]);

  if (view.kind === 'start') {
    return (
      <StartHandover
        personId={view.personId}
        caseCode={view.caseCode}
        personName={view.personName}
        country={country}
        onStarted={(handoverId) => setView({ kind: 'handover', handoverId })}
        onBack={() => setView({ kind: 'list' })}
      />
    );
  }
  if (view.kind === 'handover') {
    return <HandoverDetail key={view.handoverId} handoverId={view.handoverId} user={user} onBack={() => setView({ kind: 'list' })} />;
  }

  return (
    <Stack maw={1200} gap="md" data-testid="handovers-page">
      <PageTitle>{t('handovers.title')}</PageTitle>
      <Tabs value={tab} onChange={(v) => setTab(v === 'incoming' ? 'incoming' : 'outgoing')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="outgoing" fw={600}>
            {t('handovers.outgoing')}
          </Tabs.Tab>
          <Tabs.Tab value="incoming" fw={600}>
            {t('handovers.incoming')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outgoing" pt="md">
          <HandoverList user={user} onOpen={(handoverId) => setView({ kind: 'handover', handoverId })} />
        </Tabs.Panel>
        <Tabs.Panel value="incoming" pt="md">
          <Incoming user={user} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
