/**
 * Partners and keys: this organisation's key card, and the partner organisations
 * whose cards were imported. A partner can receive or send packages only once its fingerprint was
 * compared out of band and marked verified. A newer card for a verified partner waits beside the
 * verified one (exchanges go on with the verified card) until its fingerprint is compared; an
 * administrator may remove a waiting card or a partner. A partner left 'keyChanged' by an older
 * vault is blocked, in red, until the new fingerprint is compared.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { PartnerImportResult, PartnerView } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/date-format';
import { readFileAsBase64 } from '../files';
import { FilePicker, type Busy } from '../parts/FilePicker';
import { FingerprintDigits } from '../parts/FingerprintDigits';
import { StatusChip } from '../parts/StatusChip';
import { OwnKeyCardPanel } from './OwnKeyCardPanel';
import { VerifyPartnerDialog } from './VerifyPartnerDialog';
import { PendingCardNotice } from './PendingCardNotice';
import { RemovePartnerDialog } from './RemovePartnerDialog';

export function PartnersPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const canManage = user.role === 'admin' || user.role === 'coordinator';
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [importError, setImportError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<PartnerImportResult | null>(null);
  const [verifying, setVerifying] = useState<PartnerView | null>(null);
  const [verifyTarget, setVerifyTarget] = useState<'current' | 'pending'>('current');
  const [removing, setRemoving] = useState<{ partner: PartnerView; what: 'partner' | 'pending' } | null>(null);
  const isAdmin = user.role === 'admin';

  const load = useCallback(async () => {
    try {
      setPartners(await call('partners.list', {}));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function importCard(file: File) {
    setImportError(null);
    setOutcome(null);
    setBusy({ label: t('partners.import.reading'), percent: 0 });
    try {
      const fileBase64 = await readFileAsBase64(file, (percent) => setBusy({ label: t('partners.import.reading'), percent }));
      setBusy({ label: t('partners.import.checking'), percent: null });
      const result = await call('partners.import', { fileBase64 });
      setOutcome(result);
      await load();
      if (!result.partner.canExchange) setVerifying(result.partner);
    } catch (e) {
      setImportError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  }

  const blocked = (partners ?? []).filter((p) => p.status === 'keyChanged');

  return (
    <Stack maw={1100} gap="lg" data-testid="partners-page">
      <Stack gap={4}>
        <PageTitle>{t('partners.title')}</PageTitle>
        <Text>{t('partners.intro')}</Text>
      </Stack>

      {blocked.map((p) => (
        <Alert
          key={p.orgId}
          color="red.9"
          variant="filled"
          role="alert"
          title={t('partners.keyChangedTitle', { name: p.name })}
          data-testid={`key-changed-${p.orgId}`}
        >
          <Stack gap="xs">
            <Text>{t('partners.keyChangedBody', { name: p.name })}</Text>
            {canManage ? (
              <Button variant="white" color="red.9" w="fit-content" onClick={() => setVerifying(p)}>
                {t('partners.compareNow', { name: p.name })}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ))}

      <OwnKeyCardPanel user={user} />

      <Paper component="section" withBorder p="lg" aria-labelledby="partners-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="partners-title">
            {t('partners.listTitle')}
          </Title>
          {canManage ? (
            <FilePicker
              label={t('partners.import.label')}
              description={t('partners.import.hint')}
              accept=".json,application/json"
              buttonText={t('partners.import.button')}
              onFile={(file) => void importCard(file)}
              busy={busy}
              testId="partner-card-file"
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('partners.import.roleNote')}
            </Text>
          )}
          <ErrorAlert error={importError} testId="partner-import-error" />
          {outcome ? (
            <Alert color={outcome.outcome === 'keyChanged' ? 'red' : outcome.outcome === 'pending' ? 'yellow' : 'green'} variant="light" role="status" data-testid="partner-import-outcome" data-outcome={outcome.outcome}>
              <Text fw={600}>
                {t(`partners.import.outcome.${outcome.outcome}`, { name: outcome.partner.name })}
              </Text>
            </Alert>
          ) : null}
          <ErrorAlert error={error} testId="partners-error" />
          {partners === null && !error ? <Loader aria-label={t('common.loading')} /> : null}
          {partners && partners.length === 0 ? <Text c="dimmed">{t('partners.empty')}</Text> : null}
          {partners && partners.length > 0 ? (
            <Table.ScrollContainer minWidth={820}>
              <Table captionSide="top" verticalSpacing="sm" data-testid="partners-table">
                <Table.Caption>{t('partners.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('partners.colName')}</Table.Th>
                    <Table.Th scope="col">{t('partners.colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('partners.colFingerprint')}</Table.Th>
                    <Table.Th scope="col">{t('partners.colActions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {partners.map((p) => (
                    <Table.Tr key={p.orgId} data-testid={`partner-${p.orgId}`} data-partner-name={p.name}>
                      <Table.Th scope="row" fw={500}>
                        <Text fw={700}>{p.name}</Text>
                        <Text size="sm">{t(`countries.${p.country}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t('partners.importedAt', { date: formatDateTime(p.importedAt) })}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <StatusChip status={p.status} testId="partner-status">
                          {t(`partners.status.${p.status}`)}
                        </StatusChip>
                        {p.verifiedAt && p.status === 'verified' ? (
                          <Text size="xs" c="dimmed" mt={4}>
                            {t('partners.verifiedAt', { date: formatDateTime(p.verifiedAt) })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <FingerprintDigits display={p.fingerprint.display} size="small" label={t('partners.fingerprintOf', { name: p.name })} />
                        {p.previous ? (
                          <Text size="xs" mt={4}>
                            {t('partners.previousFingerprint', { fingerprint: p.previous.fingerprint.display })}
                          </Text>
                        ) : null}
                        <PendingCardNotice
                          partner={p}
                          canCompare={canManage}
                          canRemove={isAdmin}
                          onCompare={() => {
                            setVerifyTarget('pending');
                            setVerifying(p);
                          }}
                          onRemove={() => setRemoving({ partner: p, what: 'pending' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        {canManage && !p.canExchange ? (
                          <Button size="xs" color={p.status === 'keyChanged' ? 'red.9' : undefined} onClick={() => setVerifying(p)} aria-label={t('partners.compareOf', { name: p.name })}>
                            {t('partners.compare')}
                          </Button>
                        ) : null}
                        {isAdmin ? (
                          <Button size="xs" color="red" variant="subtle" mt={4} onClick={() => setRemoving({ partner: p, what: 'partner' })} aria-label={t('partners.remove.buttonOf', { name: p.name })} data-testid="partner-remove">
                            {t('partners.remove.button')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Paper>

      {verifying ? (
        <VerifyPartnerDialog
          partner={verifying}
          target={verifyTarget}
          onClose={() => {
            setVerifying(null);
            setVerifyTarget('current');
          }}
          onVerified={(p) => {
            setVerifying(null);
            setVerifyTarget('current');
            setOutcome(null);
            notifySuccess(t('partners.verify.done', { name: p.name }));
            void load();
          }}
        />
      ) : null}

      {removing ? (
        <RemovePartnerDialog
          partner={removing.partner}
          what={removing.what}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            const done = removing.what === 'pending' ? t('partners.pending.removed', { name: removing.partner.name }) : t('partners.remove.done', { name: removing.partner.name });
            setRemoving(null);
            setOutcome(null);
            notifySuccess(done);
            void load();
          }}
        />
      ) : null}
    </Stack>
  );
}
