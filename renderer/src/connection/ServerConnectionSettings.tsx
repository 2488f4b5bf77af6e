/**
 * Settings, for an administrator of a desktop connected to the office server: the server's address
 * and the pinned certificate's fingerprint (to compare with the server's screen), and disconnecting
 * this desktop (back to set-up; nothing about persons is kept on it). Nothing shows in embedded mode.
 */
import { useEffect, useState } from 'react';
import { Button, Code, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import type { ConnectionStatus } from '../../../shared/team/connection.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { inLines } from './fingerprint-lines';

export function ServerConnectionSettings() {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<ConnectionStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    let live = true;
    call('connection.status', {})
      .then((status) => {
        if (live) setConnection(status);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (!connection || connection.mode !== 'server') return null;

  async function disconnect() {
    setBusy(true);
    setError(null);
    try {
      // The app returns to set-up by itself (connection.changed, session.changed).
      await call('connection.disconnect', {});
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="server-connection-settings">
      <Title order={2} size="h4" mb="sm">
        {t('connection.settingsTitle')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('connection.settingsIntro')}</Text>
        <div>
          <Text size="sm" fw={500}>
            {t('connection.settingsUrl')}
          </Text>
          <Code>{connection.url}</Code>
        </div>
        <div>
          <Text size="sm" fw={500}>
            {t('connection.settingsFingerprint')}
          </Text>
          <Code block data-testid="server-fingerprint">
            {inLines(connection.fingerprint)}
          </Code>
        </div>
        <Group>
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            {t('connection.disconnect')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('connection.disconnectTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('connection.disconnectBody')}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void disconnect()} loading={busy}>
              {t('connection.disconnectConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
