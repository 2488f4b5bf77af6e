/**
 * This organisation's key card: name, country, the fingerprint in 12 groups of 5
 * digits to read out over the phone, the card as a QR code on screen, and the card as a file to send
 * to partners. The card is public by design: it holds no secret.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { OwnKeyCard } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/date-format';
import { base64ToBytes, saveFile } from '../files';
import { FingerprintDigits } from '../parts/FingerprintDigits';
import { QrCode } from '../parts/QrCode';

function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

export function OwnKeyCardPanel({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [card, setCard] = useState<OwnKeyCard | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [rotating, setRotating] = useState(false);

  const load = useCallback(async () => {
    try {
      setCard(await call('keys.card', {}));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function rotate() {
    setRotating(true);
    setError(null);
    try {
      setCard(await call('keys.rotate', {}));
      notifySuccess(t('partners.own.rotated'));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setRotating(false);
      setConfirmRotate(false);
    }
  }

  // The QR code carries the card without white space (the fingerprint does not depend on it), so its
  // modules stay large enough for a phone camera.
  const cardText = card ? compactJson(new TextDecoder().decode(base64ToBytes(card.file.contentBase64))) : '';

  return (
    <Paper component="section" withBorder p="lg" aria-labelledby="own-card-title" data-testid="own-key-card">
      <Stack gap="md">
        <Title order={2} size="h3" id="own-card-title">
          {t('partners.own.title')}
        </Title>
        <ErrorAlert error={error} testId="own-key-card-error" />
        {!card && !error ? <Loader aria-label={t('common.loading')} /> : null}
        {card ? (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap="sm" style={{ flex: '1 1 26rem' }}>
              <div>
                <Text fw={700} size="lg" data-testid="own-card-name">
                  {card.organisation.name}
                </Text>
                <Text>{t(`countries.${card.organisation.country}`)}</Text>
                <Text size="sm" c="dimmed">
                  {t('partners.own.createdAt', { date: formatDateTime(card.createdAt) })}
                </Text>
              </div>
              <Stack gap={4}>
                <Text fw={700} id="own-fingerprint-label">
                  {t('partners.own.fingerprint')}
                </Text>
                <FingerprintDigits
                  display={card.fingerprint.display}
                  label={t('partners.fingerprintOf', { name: card.organisation.name })}
                  testId="own-fingerprint"
                />
              </Stack>
              <Text size="sm">{t('partners.own.howTo')}</Text>
              <Group gap="sm">
                <Button
                  onClick={() => {
                    saveFile(new Blob([base64ToBytes(card.file.contentBase64)], { type: 'application/json' }), card.file.fileName);
                    notifySuccess(t('partners.own.saved', { fileName: card.file.fileName }));
                  }}
                  data-testid="save-own-card"
                >
                  {t('partners.own.save')}
                </Button>
                {user.role === 'admin' ? (
                  <Button variant="default" color="red.9" onClick={() => setConfirmRotate(true)}>
                    {t('partners.own.rotate')}
                  </Button>
                ) : null}
              </Group>
              {card.previousKeys > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('partners.own.previousKeys', { count: card.previousKeys })}
                </Text>
              ) : null}
            </Stack>
            <Stack gap={4} align="center">
              <QrCode text={cardText} label={t('partners.own.qrLabel', { name: card.organisation.name })} size={320} testId="own-card-qr" />
              <Text size="sm" c="dimmed" maw={320} ta="center">
                {t('partners.own.qrHint')}
              </Text>
            </Stack>
          </Group>
        ) : null}
      </Stack>

      {confirmRotate ? (
        <Modal opened onClose={() => setConfirmRotate(false)} title={t('partners.own.rotateTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack>
            <Alert color="red" variant="light" styles={{ message: { color: 'var(--mantine-color-red-9)' } }}>
              {t('partners.own.rotateExplanation')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmRotate(false)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" loading={rotating} onClick={() => void rotate()}>
                {t('partners.own.rotateConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Paper>
  );
}
