/**
 * The Electron main process: lifecycle, the window, IPC registration, power events.
 * Thin on purpose: all behaviour lives in electron/core, which runs (and is tested) in plain Node.
 */
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, session, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';
import { composeApp, startDesktopMode } from './compose';
import { ReminderTray } from './reminders-desktop';
import { CONTENT_SECURITY_POLICY as CSP } from '../../shared/security/csp';
import { guardWebContents } from '../core/security/navigation-policy';


if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

// Every web contents (the window, and anything else that ever gets created) may show only the page
// it was loaded with: no navigation, redirect, new window or <webview> (core/security/navigation-policy.ts).
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

async function main(): Promise<void> {
  await app.whenReady();
  // Reminders: a notification click shows the dashboard; the tray follows this desktop's preference.
  let quitting = false;
  const tray = new ReminderTray({
    open: () => showDashboard(),
    quit: () => {
      quitting = true;
      app.quit();
    },
    language: () => prefs.getLanguage() ?? 'nl',
  });
  const { core, prefs, notifier, reminderPrefs } = composeApp(
    {
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      userData: app.getPath('userData'),
      electronVersion: process.versions.electron ?? 'unknown',
      packaged: app.isPackaged,
    },
    { onNotificationClick: () => showDashboard(), onReminderPrefsChanged: (p) => tray.set(p.keepRunningInTray) },
  );
  // This computer's vault or the office server, switched at run time (connection.* channels).
  const router = await startDesktopMode(core, prefs, { notifier, reminderPrefs });
  const lockNow = (reason: 'manual' | 'suspend' | 'screen-lock') => router.lock(reason);

  // A packaged app ignores development overrides, has no DevTools and no default menu.
  const development = !app.isPackaged;
  if (!development) Menu.setApplicationMenu(null);
  const rendererUrl = development ? process.env.ELECTRON_RENDERER_URL : undefined;
  const indexFile = join(__dirname, '../renderer/index.html');
  const allowedOrigin = rendererUrl ? new URL(rendererUrl).origin : null;
  const indexUrl = pathToFileURL(indexFile).href;

  /** Only our own page may call the router. */
  function trustedSender(event: IpcMainInvokeEvent): boolean {
    const url = event.senderFrame?.url;
    if (!url) return false;
    if (allowedOrigin) return new URL(url).origin === allowedOrigin;
    return url.split('#')[0] === indexUrl;
  }

  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + channel, (event, input: unknown) => {
      if (!trustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden', message: 'Untrusted sender.' } };
      }
      return router.call(channel, input);
    });
  }

  // Deny every permission request and every remote request; add the CSP as a header too.
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });

  const bounds = prefs.windowBounds();
  const win = new BrowserWindow({
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 960,
    minHeight: 640,
    title: 'Passerelle',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: development,
    },
  });
  // The title never shows personal data: it stays "Passerelle".
  win.on('page-title-updated', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('close', (e) => {
    prefs.setWindowBounds(win.getBounds());
    // With the tray on, closing hides the window and locks the vault; reminders keep coming.
    if (!quitting && tray.active) {
      e.preventDefault();
      win.hide();
      lockNow('manual');
    }
  });
  // The window's own guards come from 'web-contents-created' above; applied again here so that the
  // main window is covered even if that listener were ever removed.
  guardWebContents(win.webContents);
  win.webContents.on('before-input-event', () => core.autoLock.activity());
  tray.set(prefs.reminders().keepRunningInTray);

  const forward = (name: string, payload: unknown) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  };
  const unsubscribe = router.onEvent(forward);

  powerMonitor.on('suspend', () => lockNow('suspend'));
  powerMonitor.on('lock-screen', () => lockNow('screen-lock'));
  powerMonitor.on('resume', () => core.reminderNotifications?.checkNow());

  /** Back from the tray or a notification: the window, on the dashboard (no case data travels). */
  function showDashboard(): void {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    win.webContents.send(IPC_EVENT_CHANNEL, 'reminders.open', {});
  }

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
    tray.set(false);
    unsubscribe();
    router.close();
    core.dispose();
  });

  if (rendererUrl) await win.loadURL(rendererUrl);
  else await win.loadFile(indexFile);
}
