/**
 * Shown when a save is refused with CONFLICT because someone else saved the record after it was
 * opened: who and when (from the error's details), and the two ways on. Focus starts on the
 * harmless choice (reload); Escape closes without choosing, leaving the form as it is.
 */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetails } from '../../../shared/errors';
import { formatDateTime } from '../format/date-format';

interface ConflictDialogProps {
  conflict: ErrorDetails | null;
  busy: boolean;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
}

export function ConflictDialog({ conflict, busy, onReload, onReapply, onClose }: ConflictDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const reloadHint = useId();
  const reapplyHint = useId();
  return (
    <Modal
      opened={conflict !== null}
      onClose={onClose}
      title={t('team.conflictTitle')}
      aria-describedby={bodyId}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="conflict-dialog"
    >
      {conflict ? (
        <Stack>
          <Text id={bodyId}>
            {t('team.conflictBody', {
              changedBy: conflict.changedBy ?? t('team.conflictSomeone'),
              when: conflict.changedAt ? formatDateTime(conflict.changedAt) : '',
            })}{' '}
            {t('team.conflictChoose')}
          </Text>
          <Stack gap={4}>
            <Button variant="default" onClick={onReload} disabled={busy} aria-describedby={reloadHint} data-autofocus>
              {t('team.conflictReload')}
            </Button>
            <Text size="sm" c="dimmed" id={reloadHint}>
              {t('team.conflictReloadHint')}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Button onClick={onReapply} loading={busy} aria-describedby={reapplyHint}>
              {t('team.conflictReapply')}
            </Button>
            <Text size="sm" c="dimmed" id={reapplyHint}>
              {t('team.conflictReapplyHint')}
            </Text>
          </Stack>
        </Stack>
      ) : null}
    </Modal>
  );
}
