/**
 * i18next set-up. The language comes from the `prefs.get` channel (chosen by the user on this
 * computer); without a preference, from the browser's languages; otherwise English.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../shared/i18n/en';
import { nl } from '../../../shared/i18n/nl';
import { fr } from '../../../shared/i18n/fr';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { call, hasBridge } from '../api/client';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages Passerelle speaks ('nl-BE' -> 'nl'), or null. */
export function browserLanguage(languages: readonly string[]): Language | null {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

async function preferredLanguage(): Promise<Language | null> {
  if (!hasBridge()) return null;
  try {
    const prefs = await call('prefs.get', {});
    return prefs.language;
  } catch {
    return null;
  }
}

export async function initI18n(): Promise<typeof i18n> {
  const fromBrowser = browserLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
  const language: Language = (await preferredLanguage()) ?? fromBrowser ?? 'en';
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18n;
}

/** Applies a language now and stores it as this computer's preference. */
export async function changeLanguage(language: Language): Promise<void> {
  await call('prefs.set', { language });
  await i18n.changeLanguage(language);
}
