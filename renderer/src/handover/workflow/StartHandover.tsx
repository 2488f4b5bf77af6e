/**
 * Starting a handover from a person's page: choose a verified partner organisation in
 * another Benelux country; the receiving country's procedure and requirements are shown before the
 * handover starts, and the checklist for that direction is generated when it does.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../../shared/domain';
import type { ErrorPayload } from '../../../../shared/errors';
import type { HandoverSummary, PartnerView } from '../../../../shared/handover/handover.ipc';
import { RECEIVING_PROCEDURES } from '../../../../shared/handover/receiving-procedure';
import { call, toErrorPayload } from '../../api/client';
import { useNavigation } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { pick, useLanguage } from '../../format/labels';
import { StatusChip } from '../parts/StatusChip';

interface StartHandoverProps {
  personId: string;
  caseCode: string;
  personName: string;
  country: Country;
  onStarted: (handoverId: string) => void;
  onBack: () => void;
}

export function StartHandover({ personId, caseCode, personName, country, onStarted, onBack }: StartHandoverProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [existing, setExisting] = useState<HandoverSummary[]>([]);
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    call('partners.list', {})
      .then((list) => {
        setPartners(list);
        const first = list.find((p) => p.canExchange && p.country !== country);
        if (first) setPartnerId(first.orgId);
      })
      .catch((e: unknown) => setError(toErrorPayload(e)));
    call('handover.list', { personId, status: 'open' })
      .then(setExisting)
      .catch(() => setExisting([]));
  }, [personId, country]);

  const eligible = (partners ?? []).filter((p) => p.canExchange && p.country !== country);
  const notYet = (partners ?? []).filter((p) => !p.canExchange && p.country !== country);
  const chosen = eligible.find((p) => p.orgId === partnerId) ?? null;

  async function start() {
    if (!chosen) return;
    setStarting(true);
    setError(null);
    try {
      const view = await call('handover.start', { personId, partnerOrgId: chosen.orgId });
      onStarted(view.id);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setStarting(false);
    }
  }

  return (
    <Stack maw={1000} gap="lg" data-testid="start-handover">
      <Button variant="subtle" w="fit-content" px={0} onClick={onBack}>
        ← {t('handover.start.back')}
      </Button>
      <Stack gap={4}>
        <Text className="case-code" size="lg">
          {caseCode}
        </Text>
        <PageTitle>{t('handover.start.title', { name: personName })}</PageTitle>
        <Text>{t('handover.start.intro')}</Text>
      </Stack>

      {existing.length > 0 ? (
        <Alert color="blue" variant="light" title={t('handover.start.existingTitle')}>
          <Stack gap={6}>
            {existing.map((h) => (
              <Group key={h.id} gap="sm">
                <Text>{t('handover.start.existingItem', { partner: h.partnerName, to: t(`countries.${h.to}`) })}</Text>
                <StatusChip status={h.status}>{t(`handover.status.${h.status}`)}</StatusChip>
                <Button size="xs" variant="default" onClick={() => onStarted(h.id)}>
                  {t('handover.open')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}

      {partners === null && !error ? <Loader aria-label={t('common.loading')} /> : null}
      {partners && eligible.length === 0 ? (
        <Alert color="orange" variant="light" title={t('handover.start.noPartnerTitle')} styles={{ title: { color: '#6e2c00' } }}>
          <Stack gap="xs">
            <Text>{t('handover.start.noPartner')}</Text>
            <Button variant="default" w="fit-content" onClick={() => navigation.go({ area: 'partners' })}>
              {t('handover.start.toPartners')}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      {eligible.length > 0 ? (
        <NativeSelect
          label={t('handover.start.partner')}
          description={t('handover.start.partnerHint')}
          value={partnerId}
          onChange={(e) => setPartnerId(e.currentTarget.value)}
          data={eligible.map((p) => ({ value: p.orgId, label: `${p.name} (${t(`countries.${p.country}`)})` }))}
          maw={520}
        />
      ) : null}
      {notYet.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('handover.start.notVerified', { names: notYet.map((p) => p.name).join(', ') })}
        </Text>
      ) : null}

      {chosen ? (
        <Paper component="section" withBorder p="lg" aria-labelledby="start-receiving-title">
          <Title order={2} size="h3" id="start-receiving-title" mb="sm">
            {t('handover.receivingTitle', { country: t(`countries.${chosen.country}`) })}
          </Title>
          <List spacing="xs" data-testid="start-receiving-procedure">
            {RECEIVING_PROCEDURES[chosen.country].map((p, i) => (
              <List.Item key={i}>
                <Text>{pick(p.label, language)}</Text>
                <Text size="xs" c="dimmed">
                  {t('procedure.source', { source: p.source })}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text mt="md" size="sm">
            {t('handover.start.checklistNote', { from: t(`countries.${country}`), to: t(`countries.${chosen.country}`) })}
          </Text>
        </Paper>
      ) : null}

      <ErrorAlert error={error} testId="start-handover-error" />
      <Group>
        <Button onClick={() => void start()} disabled={!chosen} loading={starting} data-testid="start-handover-submit">
          {t('handover.start.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
