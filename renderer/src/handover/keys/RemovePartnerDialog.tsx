/**
 * Removing a partner organisation, or only the card waiting beside its verified one
 * (administrators; docs/key-card.md "Pending card"). Both ask for confirmation, say what stays, and
 * are audited by the core.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { PartnerView } from '../../../../shared/handover/handover.ipc';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FingerprintDigits } from '../parts/FingerprintDigits';

interface RemovePartnerDialogProps {
  partner: PartnerView;
  /** 'partner': the whole partner; 'pending': only the waiting card. */
  what: 'partner' | 'pending';
  onClose: () => void;
  onRemoved: () => void;
}

export function RemovePartnerDialog({ partner, what, onClose, onRemoved }: RemovePartnerDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const pending = partner.pending;

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      if (what === 'pending') {
        if (!pending) return;
        await call('partners.removePending', { orgId: partner.orgId, fingerprint: pending.fingerprint.hex });
      } else {
        await call('partners.remove', { orgId: partner.orgId });
      }
      onRemoved();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  const title = what === 'pending' ? t('partners.pending.removeTitle', { name: partner.name }) : t('partners.remove.title', { name: partner.name });
  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack data-testid={what === 'pending' ? 'remove-pending-dialog' : 'remove-partner-dialog'}>
        <Alert color="orange" variant="light">
          {what === 'pending' ? t('partners.pending.removeBody', { name: partner.name }) : t('partners.remove.body', { name: partner.name })}
        </Alert>
        {what === 'pending' && pending ? (
          <FingerprintDigits display={pending.fingerprint.display} size="small" label={t('partners.pending.fingerprintOf', { name: partner.name })} />
        ) : null}
        <Text size="sm">{t('partners.remove.audited')}</Text>
        <ErrorAlert error={error} ref={alertRef} testId="remove-partner-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void remove()} loading={busy} data-testid="remove-partner-confirm">
            {what === 'pending' ? t('partners.pending.removeConfirm') : t('partners.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
