/**
 * electron-store holds only non-personal preferences of this desktop: window bounds, language,
 * the vault's folder, and how reminders show here (notifications on or off, the daily digest and its
 * time, the tray), and in team mode the office server's URL and pinned certificate
 * (electron/remote/desktop-connection.ts validates it). Never anything from the vault.
 */
import Store from 'electron-store';
import { languageSchema, type Language } from '../../shared/domain';
import {
  DEFAULT_DESKTOP_REMINDER_PREFS,
  desktopReminderPrefsSchema,
  type DesktopReminderPrefs,
} from '../../shared/reminders/reminders.schema';
import type { PreferencesStore } from '../core/ports';
import type { ConnectionStore, StoredConnection } from '../remote/desktop-connection';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

interface Schema {
  language: Language | null;
  vaultDir: string | null;
  windowBounds: WindowBounds | null;
  reminders: DesktopReminderPrefs;
  serverConnection: StoredConnection | null;
}

export function createDesktopPreferences(): PreferencesStore & {
  vaultDir(): string | null;
  windowBounds(): WindowBounds | null;
  setWindowBounds(b: WindowBounds): void;
  reminders(): DesktopReminderPrefs;
  setReminders(prefs: DesktopReminderPrefs): void;
  serverConnection: ConnectionStore;
} {
  const store = new Store<Schema>({
    name: 'preferences',
    defaults: { language: null, vaultDir: null, windowBounds: null, reminders: DEFAULT_DESKTOP_REMINDER_PREFS, serverConnection: null },
  });
  return {
    getLanguage: () => {
      const parsed = languageSchema.safeParse(store.get('language'));
      return parsed.success ? parsed.data : null;
    },
    setLanguage: (language) => store.set('language', language),
    vaultDir: () => store.get('vaultDir'),
    windowBounds: () => store.get('windowBounds'),
    setWindowBounds: (b) => store.set('windowBounds', b),
    reminders: () => {
      const parsed = desktopReminderPrefsSchema.safeParse(store.get('reminders'));
      return parsed.success ? parsed.data : DEFAULT_DESKTOP_REMINDER_PREFS;
    },
    setReminders: (prefs) => store.set('reminders', desktopReminderPrefsSchema.parse(prefs)),
    serverConnection: {
      get: () => store.get('serverConnection'),
      set: (connection) => store.set('serverConnection', connection),
    },
  };
}
