/** Builds the core for the desktop app: real clock, file logger, electron-store preferences, Electron's notifications. */
import { join } from 'node:path';
import { beneluxWorkingDays } from '../../shared/reminders/working-days';
import type { DesktopReminderPrefs } from '../../shared/reminders/reminders.schema';
import { createCore, type Core } from '../core/app-core';
import { systemClock } from '../core/ports';
import type { DesktopReminderPrefsStore } from '../core/reminders/reminder-notifications';
import { electronNotifier } from './reminders-desktop';
import { setNativeBinding } from '../../db/connection';
import { createFileLogger } from './logger';
import { electronNativeBinding } from './native-binding';
import { createDesktopPreferences } from './prefs-store';
import { DesktopConnection } from '../remote/desktop-connection';
import type { RemoteDesktop } from '../remote/remote-desktop';

export interface AppPaths {
  appPath: string;
  resourcesPath: string;
  userData: string;
  electronVersion: string;
  packaged: boolean;
}

/** What the desktop does when a reminder notification is clicked, or this desktop's reminder preferences change. */
export interface DesktopHooks {
  onNotificationClick: () => void;
  onReminderPrefsChanged: (prefs: DesktopReminderPrefs) => void;
}

export function composeApp(
  paths: AppPaths,
  hooks: DesktopHooks,
): {
  core: Core;
  prefs: ReturnType<typeof createDesktopPreferences>;
  notifier: ReturnType<typeof electronNotifier>;
  reminderPrefs: DesktopReminderPrefsStore;
} {
  setNativeBinding(electronNativeBinding(paths.appPath, paths.resourcesPath, paths.electronVersion, paths.packaged));
  const prefs = createDesktopPreferences();
  const logger = createFileLogger(join(paths.userData, 'logs'));
  const notifier = electronNotifier(hooks.onNotificationClick, logger);
  const reminderPrefs: DesktopReminderPrefsStore = {
    get: () => prefs.reminders(),
    set: (next) => {
      prefs.setReminders(next);
      hooks.onReminderPrefsChanged(prefs.reminders());
    },
    supported: { notifications: notifier.supported, tray: true },
  };
  const core = createCore({
    vaultDir: prefs.vaultDir() ?? join(paths.userData, 'vault'),
    migrationsFolder: join(paths.appPath, 'db', 'migrations'),
    clock: systemClock,
    logger,
    prefs,
    reminderPrefs,
    // Without a notification service (some Linux desktops) there is no scheduler at all.
    ...(notifier.supported ? { notifier } : {}),
  });
  // The holiday tables of this year and the next (~150 ms), once the window is on screen.
  const year = new Date().getFullYear();
  setTimeout(() => beneluxWorkingDays.warmUp([year, year + 1]), 2000).unref();
  return { core, prefs, notifier, reminderPrefs };
}

/**
 * Team mode: when this desktop was connected to an office server, the router main serves is a
 * RemoteDesktop on the pinned certificate instead of the embedded core (which then opens no vault).
 * A replaced certificate is refused at every handshake until an administrator confirms the new one
 * (DesktopConnection.confirmNewCertificate); see docs/team-server.md.
 */
export async function openServerConnection(
  prefs: ReturnType<typeof createDesktopPreferences>,
  desktop?: { notifier: ReturnType<typeof electronNotifier>; reminderPrefs: DesktopReminderPrefsStore },
): Promise<RemoteDesktop | null> {
  // This user's reminders come from the server (electron/remote/remote-reminders.ts); the choices stay here.
  if (!desktop) return new DesktopConnection(prefs.serverConnection).open();
  const notifications = desktop.notifier.supported ? { reminders: { notifier: desktop.notifier, language: () => prefs.getLanguage() ?? 'nl' } } : {};
  return new DesktopConnection(prefs.serverConnection).open({ ...notifications, reminderPrefs: desktop.reminderPrefs });
}
