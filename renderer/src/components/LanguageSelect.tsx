import { useState } from 'react';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from '../api/client';
import { errorText } from '../api/error-text';
import { changeLanguage, isLanguage } from '../i18n/i18n-init';

interface LanguageSelectProps {
  description?: string;
  size?: 'xs' | 'sm' | 'md';
}

/**
 * The language of the program on this computer (`prefs.set`), applied at once.
 * Each language is named in itself, so a person can find their own whatever is on screen.
 */
export function LanguageSelect({ description, size = 'sm' }: LanguageSelectProps) {
  const { t, i18n } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const current = isLanguage(i18n.language) ? i18n.language : 'en';

  async function select(value: string) {
    if (!isLanguage(value) || value === current) return;
    setSaving(true);
    setError(null);
    try {
      await changeLanguage(value as Language);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <NativeSelect
      label={t('language.label')}
      description={saving ? t('language.saving') : description}
      size={size}
      value={current}
      disabled={saving}
      error={error ? errorText(t, error) : undefined}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      onChange={(event) => void select(event.currentTarget.value)}
    />
  );
}
