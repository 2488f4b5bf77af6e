/**
 * Comparing a partner's fingerprint out of band (docs/key-card.md "Comparing out of band"): call the
 * partner on a number already known (the contact directory), let them read their 12 groups aloud, and
 * type them here. Each group is checked as it is typed; only all 60 matching digits can be confirmed,
 * and the core checks them again.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { PartnerView } from '../../../../shared/handover/handover.ipc';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FingerprintDigits } from '../parts/FingerprintDigits';
import { compareGroups } from './fingerprint-compare';

interface VerifyPartnerDialogProps {
  partner: PartnerView;
  /** Which card to compare: the partner's card, or the newer one waiting beside it. */
  target?: 'current' | 'pending';
  onClose: () => void;
  onVerified: (partner: PartnerView) => void;
}

export function VerifyPartnerDialog({ partner, target = 'current', onClose, onVerified }: VerifyPartnerDialogProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const expected = target === 'pending' && partner.pending ? partner.pending.fingerprint.display : partner.fingerprint.display;
  const comparison = compareGroups(typed, expected);

  let feedback: { text: string; tone: 'ok' | 'bad' | 'neutral' };
  if (comparison.invalid) feedback = { text: t('partners.verify.onlyDigits'), tone: 'bad' };
  else if (comparison.firstMismatch !== null) feedback = { text: t('partners.verify.groupDiffers', { number: comparison.firstMismatch }), tone: 'bad' };
  else if (comparison.complete) feedback = { text: t('partners.verify.allMatch'), tone: 'ok' };
  else feedback = { text: t('partners.verify.progress', { matching: comparison.matching }), tone: 'neutral' };

  async function verify() {
    setSaving(true);
    setError(null);
    try {
      const verified = await call('partners.verify', { orgId: partner.orgId, fingerprint: typed });
      onVerified(verified);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('partners.verify.title', { name: partner.name })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="verify-dialog">
        {partner.status === 'keyChanged' ? (
          <Alert color="red.9" variant="filled" title={t('partners.keyChangedTitle', { name: partner.name })}>
            {t('partners.verify.keyChangedNote')}
          </Alert>
        ) : null}
        {target === 'pending' ? (
          <Alert color="yellow" variant="light" title={t('partners.pending.title')}>
            {t('partners.verify.pendingNote', { name: partner.name })}
          </Alert>
        ) : null}
        <ol style={{ margin: 0, paddingLeft: '1.25rem' }}>
          <li>{t('partners.verify.step1', { name: partner.name })}</li>
          <li>{t('partners.verify.step2')}</li>
          <li>{t('partners.verify.step3')}</li>
        </ol>
        <Stack gap={4}>
          <Text fw={700}>{t('partners.verify.expected')}</Text>
          <FingerprintDigits display={expected} label={t('partners.fingerprintOf', { name: partner.name })} testId="verify-expected" />
        </Stack>
        <Textarea
          label={t('partners.verify.typed')}
          description={t('partners.verify.typedHint')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
          styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: '1.1rem', letterSpacing: '0.05em' } }}
          aria-describedby="verify-feedback"
          aria-invalid={feedback.tone === 'bad' ? true : undefined}
        />
        <Text
          id="verify-feedback"
          role="status"
          fw={700}
          c={feedback.tone === 'ok' ? '#1e6b2e' : feedback.tone === 'bad' ? '#a51d1d' : undefined}
          data-testid="verify-feedback"
        >
          {feedback.text}
        </Text>
        <ErrorAlert error={error} testId="verify-error" />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={340}>
            {t('partners.verify.mismatchAdvice')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!comparison.complete} loading={saving} onClick={() => void verify()} data-testid="verify-confirm">
              {t('partners.verify.confirm')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
