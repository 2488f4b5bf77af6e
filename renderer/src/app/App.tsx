/**
 * Which screen the app shows follows the vault's state: set-up, locked, unlocked.
 * The unlocked shell is keyed by the user, so every lock unmounts it and forgets its data.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { call, hasBridge } from '../api/client';
import { FatalScreen, LoadingScreen } from '../components/StatusScreens';
import { SetupWizard } from '../setup/SetupWizard';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { AppLayout } from './AppLayout';
import { useAppStatus } from './useAppStatus';

export function App() {
  const { t } = useTranslation();
  const { status, loadError, lockReason, anchorFailedAtLock, refresh, markLocked } = useAppStatus();
  // Once the vault exists, the wizard must stay until the recovery key was confirmed, even
  // though app.status no longer says 'setup'.
  const [setupInProgress, setSetupInProgress] = useState(false);
  const unlocked = status?.state === 'unlocked' && status.user !== null;

  // Notifications can name users or settings: none survive a lock.
  useEffect(() => {
    if (!unlocked) notifications.clean();
  }, [unlocked]);

  const lock = useCallback(async () => {
    markLocked('manual');
    try {
      await call('session.lock', {});
    } finally {
      await refresh();
    }
  }, [markLocked, refresh]);

  const finishSetup = useCallback(async () => {
    await refresh();
    setSetupInProgress(false);
  }, [refresh]);

  if (!hasBridge()) return <FatalScreen title={t('app.bridgeMissing')} />;

  if (setupInProgress || status?.state === 'setup') {
    return <SetupWizard onCreatingVault={setSetupInProgress} onFinished={finishSetup} />;
  }

  if (status === null) {
    if (loadError) return <FatalScreen title={t('app.statusFailed')} error={loadError} onRetry={() => void refresh()} />;
    return <LoadingScreen />;
  }

  if (!unlocked || status.user === null) {
    return <UnlockScreen organisation={status.organisation} lockReason={lockReason} anchorFailedAtLock={anchorFailedAtLock} onUnlocked={refresh} />;
  }

  return (
    <AppLayout
      key={status.user.id}
      status={status}
      user={status.user}
      onLock={() => void lock().catch(() => undefined)}
      onStatusChanged={refresh}
    />
  );
}
