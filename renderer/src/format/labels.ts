/**
 * Texts that live in the rule data (phase, event, due-date, warning and checklist labels, legal
 * references) carry every UI language; these helpers pick the user's. Country and language names
 * come from the browser's Intl data, in the UI language, so 249 ISO names need no translation files.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain';
import type { Labels } from '../../../shared/rules/rule.types';

export function asLanguage(value: string | undefined): Language {
  const primary = (value ?? '').toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}

/** The UI language now (re-renders when it changes). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return asLanguage(i18n.resolvedLanguage ?? i18n.language);
}

export function pick(labels: Labels, language: Language): string {
  return labels[language] ?? labels.en;
}

const regionNames = new Map<Language, Intl.DisplayNames>();
const languageNames = new Map<Language, Intl.DisplayNames>();

function names(cache: Map<Language, Intl.DisplayNames>, language: Language, type: 'region' | 'language'): Intl.DisplayNames {
  let found = cache.get(language);
  if (!found) {
    found = new Intl.DisplayNames([language], { type, fallback: 'code' });
    cache.set(language, found);
  }
  return found;
}

/** "NG" -> "Nigeria" / "Nigéria". */
export function countryName(code: string, language: Language): string {
  try {
    return names(regionNames, language, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

/** "ro" -> "Romanian" / "Roemeens" / "roumain". */
export function languageName(code: string, language: Language): string {
  try {
    return names(languageNames, language, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a select of codes, sorted by their name in the UI language. */
export function codeOptions(
  codes: readonly string[],
  language: Language,
  nameOf: (code: string, language: Language) => string,
): { value: string; label: string }[] {
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ value: code, label: nameOf(code, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** "12.3 MB", "850 kB": file sizes for people, decimal-free under 10. */
export function fileSize(bytes: number, language: Language): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n)} ${unit}`;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kB');
  return format(bytes / (1024 * 1024), 'MB');
}
