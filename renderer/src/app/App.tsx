/**
 * Which screen the app shows follows the vault's state: set-up, locked, unlocked.
 * The unlocked shell is keyed by the user, so every lock unmounts it and forgets its data, with one
 * exception in team mode: when the office server restarted (and so forgot every session) the shell
 * stays in memory, hidden behind the sign-in, and comes back with its unsaved form input only for
 * the same user (docs/team-server.md "On the desktop").
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { AppStatus, SessionUser } from '../../../shared/ipc/contract';
import { call, hasBridge } from '../api/client';
import { FatalScreen, LoadingScreen } from '../components/StatusScreens';
import { CertificateChangedScreen } from '../connection/CertificateChangedScreen';
import { SetupStart } from '../connection/SetupStart';
import { useConnection } from '../connection/useConnection';
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
  // This desktop's own vault or the office server (connected at set-up, switched without a restart).
  const onConnectionChanged = useCallback(() => void refresh(), [refresh]);
  const { connection, refreshConnection } = useConnection(onConnectionChanged);
  // The shell kept through a server restart. Any other lock (the Lock button, an idle time-out, a
  // disabled user) or leaving team mode drops it; a session lost without a reason yet is kept until
  // the reason arrives (the status and the event travel separately).
  const kept = useRef<{ status: AppStatus; user: SessionUser } | null>(null);
  if (unlocked && status.user) kept.current = { status, user: status.user };
  else if ((lockReason !== null && lockReason !== 'server-restart') || connection?.mode !== 'server') kept.current = null;
  const shell = kept.current;
  // Dialogs render outside the shell (Mantine portals): hidden with it while it waits behind the sign-in.
  const shellWaiting = shell !== null && !unlocked;
  useLayoutEffect(() => {
    if (shellWaiting) document.body.dataset.shellWaiting = 'true';
    else delete document.body.dataset.shellWaiting;
  }, [shellWaiting]);

  // A call refused because the server shows another certificate: the event saying so may have been
  // sent before this window listened (a reload), so the connection's state is asked for again.
  const refusedKey = loadError?.key;
  useEffect(() => {
    if (refusedKey === 'serverFingerprintMismatch' || refusedKey === 'serverCertificateChanged') void refreshConnection();
  }, [refusedKey, refreshConnection]);

  const connectionSwitched = useCallback(async () => {
    await refreshConnection();
    await refresh();
  }, [refreshConnection, refresh]);

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

  if (connection?.certificate === 'changed') {
    return <CertificateChangedScreen connection={connection} onConfirmed={connectionSwitched} />;
  }

  if (setupInProgress || status?.state === 'setup') {
    return <SetupStart onCreatingVault={setSetupInProgress} onFinished={finishSetup} onConnected={connectionSwitched} />;
  }

  if (status === null) {
    if (loadError) return <FatalScreen title={t('app.statusFailed')} error={loadError} onRetry={() => void refresh()} />;
    return <LoadingScreen />;
  }

  // One shape whether signed in or not, so that the kept shell is the same React element throughout.
  return (
    <>
      {shell ? (
        <div hidden={!unlocked} data-testid={unlocked ? undefined : 'kept-shell'}>
          <AppLayout
            key={shell.user.id}
            status={shell.status}
            user={shell.user}
            onLock={() => void lock().catch(() => undefined)}
            onStatusChanged={refresh}
          />
        </div>
      ) : null}
      {unlocked ? null : <UnlockScreen organisation={status.organisation} lockReason={lockReason} anchorFailedAtLock={anchorFailedAtLock} onUnlocked={refresh} />}
    </>
  );
}
