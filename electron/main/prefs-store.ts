/**
 * electron-store holds only non-personal preferences of this desktop: window bounds, language,
 * the vault's folder. Never anything from the vault.
 */
import Store from 'electron-store';
import { languageSchema, type Language } from '../../shared/domain';
import type { PreferencesStore } from '../core/ports';

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
}

export function createDesktopPreferences(): PreferencesStore & {
  vaultDir(): string | null;
  windowBounds(): WindowBounds | null;
  setWindowBounds(b: WindowBounds): void;
} {
  const store = new Store<Schema>({
    name: 'preferences',
    defaults: { language: null, vaultDir: null, windowBounds: null },
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
  };
}
