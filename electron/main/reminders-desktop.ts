/**
 * The desktop side of reminders: the Notifier port with Electron's
 * Notification, the tray, and this desktop's reminder preferences in electron-store. Thin on purpose:
 * what fires when, and what the text says, is decided in electron/core/reminders (tested on a fake
 * clock); this file only shows it.
 *
 * - A notification carries only the title and body the core made (kind, days, case code). A click
 *   shows the window on the dashboard; nothing about the case travels with it.
 * - The tray (when the preference is on) keeps Passerelle running after its window is closed: the
 *   window hides and the vault locks; reminders keep coming from the core's in-memory cache until
 *   "Quit" in the tray menu.
 */
import { Menu, Notification, Tray, nativeImage, type NativeImage } from 'electron';
import type { Language } from '../../shared/domain';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import { nl } from '../../shared/i18n/nl';
import type { Notifier, ReminderNotification } from '../core/reminders/reminder-ports';
import type { Logger } from '../core/ports';

const TRAY_TEXT = { en: en.tray, nl: nl.tray, fr: fr.tray } as const;

/** Recent notifications, kept referenced so their click handler survives garbage collection. */
const MAX_KEPT = 20;

export function electronNotifier(onClick: () => void, logger: Logger): Notifier & { readonly supported: boolean } {
  const kept: Notification[] = [];
  const supported = Notification.isSupported();
  return {
    supported,
    notify({ title, body }: ReminderNotification) {
      if (!supported) throw new Error('notifications unsupported'); // not recorded as fired: retried, and logged
      const notification = new Notification({ title, body, silent: false });
      notification.on('click', onClick);
      notification.on('close', () => {
        const i = kept.indexOf(notification);
        if (i >= 0) kept.splice(i, 1);
      });
      notification.on('failed', () => logger.warn('reminders.notificationFailed'));
      kept.push(notification);
      if (kept.length > MAX_KEPT) kept.shift();
      notification.show();
    },
  };
}

/** A 32x32 indigo disc with a white bar: drawn here, so the tray needs no image file. */
function trayIcon(): NativeImage {
  const size = 32;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - 15.5;
      const dy = y - 15.5;
      const inside = dx * dx + dy * dy <= 15 * 15;
      const bar = inside && x >= 10 && x <= 21 && y >= 14 && y <= 17;
      const i = (y * size + x) * 4;
      // BGRA
      pixels[i] = bar ? 255 : 0xc4;
      pixels[i + 1] = bar ? 255 : 0x3d;
      pixels[i + 2] = bar ? 255 : 0x5f;
      pixels[i + 3] = inside ? 255 : 0;
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}

export class ReminderTray {
  private tray: Tray | null = null;

  constructor(
    private readonly actions: { open: () => void; quit: () => void; language: () => Language },
  ) {}

  get active(): boolean {
    return this.tray !== null;
  }

  /** Shows or removes the tray icon; the menu follows the language of this desktop. */
  set(enabled: boolean): void {
    if (!enabled) {
      this.tray?.destroy();
      this.tray = null;
      return;
    }
    const text = TRAY_TEXT[this.actions.language()];
    if (!this.tray) {
      this.tray = new Tray(trayIcon());
      this.tray.on('click', () => this.actions.open());
    }
    this.tray.setToolTip(text.tooltip);
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: text.open, click: () => this.actions.open() },
        { type: 'separator' },
        { label: text.quit, click: () => this.actions.quit() },
      ]),
    );
  }
}
