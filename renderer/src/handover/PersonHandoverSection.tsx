/**
 * The handover part of a person's page: start a handover to a partner in another country, the
 * person's handovers with their status, and, for a person received from a partner, the sender's record
 * as read-only origin history (what the partner sent, kept apart from this organisation's own record).
 */
import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary, OriginHistory } from '../../../shared/handover/handover.ipc';
import { call } from '../api/client';
import { useNavigation } from '../app/navigation';
import { formatDateTime } from '../format/date-format';
import { dateWithWeekday } from '../format/deadline';
import { SectionsPreview } from './incoming/SectionsPreview';
import { StatusChip } from './parts/StatusChip';

interface PersonHandoverSectionProps {
  personId: string;
  caseCode: string;
  personName: string;
  /** A closed file is not handed over. */
  open: boolean;
}

export function PersonHandoverSection({ personId, caseCode, personName, open }: PersonHandoverSectionProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [handovers, setHandovers] = useState<HandoverSummary[]>([]);
  const [origin, setOrigin] = useState<OriginHistory | null>(null);
  const [showOrigin, setShowOrigin] = useState(false);

  useEffect(() => {
    call('handover.list', { personId })
      .then(setHandovers)
      .catch(() => setHandovers([]));
    call('handover.origin', { personId })
      .then(setOrigin)
      .catch(() => setOrigin(null));
  }, [personId]);

  return (
    <Stack component="section" aria-labelledby="person-handovers-title" gap="sm" data-testid="person-handovers">
      <Title order={2} size="h3" id="person-handovers-title">
        {t('handover.person.title')}
      </Title>
      {origin ? (
        <Paper withBorder p="md" bg="gray.0" data-testid="origin-history">
          <Stack gap="xs">
            <Text fw={700}>{t('handover.person.receivedFrom', { sender: origin.senderName, country: t(`countries.${origin.senderCountry}`) })}</Text>
            <Text size="sm">
              {t('handover.person.originDetails', { caseCode: origin.senderCaseCode, date: formatDateTime(origin.importedAt) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('handover.person.readOnly')}
            </Text>
            <Button variant="default" size="xs" w="fit-content" onClick={() => setShowOrigin((s) => !s)} aria-expanded={showOrigin}>
              {showOrigin ? t('handover.person.hideOrigin') : t('handover.person.showOrigin')}
            </Button>
            {showOrigin ? <SectionsPreview sections={origin.sections} /> : null}
          </Stack>
        </Paper>
      ) : null}
      {handovers.length === 0 ? <Text c="dimmed">{t('handover.person.none')}</Text> : null}
      {handovers.map((h) => (
        <Group key={h.id} gap="sm" data-testid={`person-handover-${h.id}`}>
          <Text>{t('handover.start.existingItem', { partner: h.partnerName, to: t(`countries.${h.to}`) })}</Text>
          <StatusChip status={h.status}>{t(`handover.status.${h.status}`)}</StatusChip>
          <Text size="sm">{t('handovers.started', { date: dateWithWeekday(t, h.startedOn) })}</Text>
          <Button size="xs" variant="default" onClick={() => navigation.go({ area: 'handovers', view: 'handover', handoverId: h.id })}>
            {t('handover.open')}
          </Button>
        </Group>
      ))}
      {open ? (
        <Button
          w="fit-content"
          variant="default"
          onClick={() => navigation.go({ area: 'handovers', view: 'start', personId, caseCode, personName })}
          data-testid="start-handover"
        >
          {t('handover.person.start')}
        </Button>
      ) : null}
    </Stack>
  );
}
