/**
 * A newer card waiting beside a partner's verified card: exchanges still use the verified card.
 * It replaces it only once someone compares its fingerprint with the partner by phone; an
 * administrator may remove it (a card nobody at the partner made).
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerView } from '../../../../shared/handover/handover.ipc';
import { formatDateTime } from '../../format/date-format';
import { FingerprintDigits } from '../parts/FingerprintDigits';

interface PendingCardNoticeProps {
  partner: PartnerView;
  canCompare: boolean;
  canRemove: boolean;
  onCompare: () => void;
  onRemove: () => void;
}

export function PendingCardNotice({ partner, canCompare, canRemove, onCompare, onRemove }: PendingCardNoticeProps) {
  const { t } = useTranslation();
  const pending = partner.pending;
  if (!pending) return null;
  return (
    <Alert color="yellow" variant="light" mt="xs" title={t('partners.pending.title')} data-testid={`pending-card-${partner.orgId}`}>
      <Stack gap={6}>
        <Text size="sm">{t(pending.keysChanged ? 'partners.pending.bodyKeys' : 'partners.pending.bodyDetails', { name: partner.name })}</Text>
        <Text size="xs">{t('partners.pending.importedAt', { date: formatDateTime(pending.importedAt) })}</Text>
        <FingerprintDigits display={pending.fingerprint.display} size="small" label={t('partners.pending.fingerprintOf', { name: partner.name })} />
        <Group gap="xs">
          {canCompare ? (
            <Button size="xs" onClick={onCompare} aria-label={t('partners.pending.compareOf', { name: partner.name })} data-testid="pending-compare">
              {t('partners.pending.compare')}
            </Button>
          ) : null}
          {canRemove ? (
            <Button size="xs" color="red" variant="light" onClick={onRemove} aria-label={t('partners.pending.removeOf', { name: partner.name })} data-testid="pending-remove">
              {t('partners.pending.remove')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}
