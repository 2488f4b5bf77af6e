import { useRef, useState, useEffect } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import type { UserSummary } from '../../../shared/ipc/contract';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConflict } from '../team/useConflict';

interface DisableUserDialogProps {
  user: UserSummary;
  onClose: () => void;
  onDisabled: () => Promise<void>;
  /** Their version: the list as saved now (the dialog closes). */
  onReload: () => Promise<void>;
}

/** Confirms a disable and says what it costs: the vault is re-encrypted under a new key. */
export function DisableUserDialog({ user, onClose, onDisabled, onReload }: DisableUserDialogProps) {
  const { t } = useTranslation();
  const conflict = useConflict();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  async function disable() {
    setBusy(true);
    setError(null);
    try {
      const saved = await conflict.save(
        user.version,
        async (version) => {
          await call('users.disable', { userId: user.id, expectedVersion: version });
          await onDisabled();
        },
        onReload,
      );
      if (!saved) setBusy(false);
    } catch (e) {
      setError(toErrorPayload(e));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      // While the vault is being re-encrypted the dialog stays: closing it would hide the outcome.
      onClose={busy ? () => undefined : onClose}
      closeOnEscape={!busy && !conflict.open}
      closeOnClickOutside={!busy}
      withCloseButton={!busy}
      title={t('users.disableTitle', { username: user.username })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Alert color="orange" variant="light">
          {t('users.disableExplanation')}
        </Alert>
        <Text size="sm">{t('users.disableHistory')}</Text>
        <ErrorAlert error={error} ref={alertRef} testId="disable-user-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void disable()} loading={busy}>
            {t('users.disableConfirm')}
          </Button>
        </Group>
      </Stack>
      {conflict.dialog}
    </Modal>
  );
}
