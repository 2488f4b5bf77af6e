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
import { DesktopMode } from '../remote/desktop-mode';

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
 * The router main serves: this computer's own vault, or an office server when this desktop was
 * connected to one (electron/remote/desktop-mode.ts switches between them while the app runs; the
 * pin lives in electron-store). A replaced certificate is refused at every handshake until an
 * administrator confirms the new one; see docs/team-server.md "On the desktop".
 */
export function startDesktopMode(
  core: Core,
  prefs: ReturnType<typeof createDesktopPreferences>,
  desktop: { notifier: ReturnType<typeof electronNotifier>; reminderPrefs: DesktopReminderPrefsStore },
): Promise<DesktopMode> {
  // A connected user's reminders come from the server (electron/remote/remote-reminders.ts); the
  // choices (notifications on or off) stay on this desktop.
  const reminders = desktop.notifier.supported ? { reminders: { notifier: desktop.notifier, language: () => prefs.getLanguage() ?? 'nl' } } : {};
  return DesktopMode.start({
    embedded: { router: core.router, onEvent: (listener) => core.onEvent(listener), lock: (reason) => core.vault.lock(reason) },
    store: prefs.serverConnection,
    prefs,
    remote: { ...reminders, reminderPrefs: desktop.reminderPrefs },
  });
}
