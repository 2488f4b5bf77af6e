import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/ipc/contract';
import type { LockReason } from '../app/useAppStatus';
import { CenteredPage } from '../components/CenteredPage';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';

interface UnlockScreenProps {
  organisation: AppStatus['organisation'];
  lockReason: LockReason | null;
  /** The lock could not write the key-slot file's audit anchor one last time. */
  anchorFailedAtLock?: boolean;
  onUnlocked: () => Promise<void>;
}

const REASON_KEYS = {
  idle: 'unlock.lockedIdle',
  suspend: 'unlock.lockedSuspend',
  'screen-lock': 'unlock.lockedScreen',
  'server-restart': 'unlock.lockedServerRestart',
} as const;

/** The locked vault: sign in, or reset the administrator password with the recovery key. */
export function UnlockScreen({ organisation, lockReason, anchorFailedAtLock = false, onUnlocked }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  const [recoveredUsername, setRecoveredUsername] = useState<string | null>(null);
  // A lock the person asked for needs no explanation; one that happened to them does.
  const reasonKey = lockReason && lockReason !== 'unlock' && lockReason !== 'manual' ? REASON_KEYS[lockReason] : null;

  return (
    <CenteredPage>
      {mode === 'unlock' ? (
        <Stack>
          {reasonKey && !recoveredUsername ? (
            <Alert color="blue" variant="light" role="status" data-testid="lock-reason">
              {t(reasonKey)}
            </Alert>
          ) : null}
          {anchorFailedAtLock ? (
            <Alert color="red" variant="light" role="alert" data-testid="anchor-failed-at-lock">
              {t('errors.anchorFailedAtLock')}
            </Alert>
          ) : null}
          {recoveredUsername ? (
            <Alert color="green" variant="light" role="status" data-testid="recover-success">
              {t('unlock.recovered')}
            </Alert>
          ) : null}
          <UnlockForm
            organisationName={organisation?.name ?? null}
            initialUsername={recoveredUsername ?? ''}
            onUnlocked={onUnlocked}
            onForgot={() => setMode('recover')}
          />
        </Stack>
      ) : (
        <RecoverForm
          onCancel={() => setMode('unlock')}
          onRecovered={(username) => {
            setRecoveredUsername(username);
            setMode('unlock');
          }}
        />
      )}
    </CenteredPage>
  );
}
