/**
 * Team mode: one clear state while the office server does not answer ("cannot reach the office
 * server since 10:42; retrying"). The calls themselves keep retrying in main (RemoteRouter), and
 * nothing on screen is unmounted, so form input the user has not saved stays where it is.
 */
import { useEffect, useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { onEvent } from '../api/client';
import { useLanguage } from '../format/labels';

/** The Benelux locale of each language, for the clock time in the user's own format. */
const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

function clockTime(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).format(at);
}

export function ServerBanner() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [since, setSince] = useState<Date | null>(null);
  useEffect(
    () =>
      onEvent('server.reachability', (payload) => {
        const at = new Date(payload.since);
        setSince(payload.reachable || Number.isNaN(at.getTime()) ? null : at);
      }),
    [],
  );
  if (!since) return null;
  return (
    <Alert
      role="alert"
      color="orange"
      variant="filled"
      radius={0}
      title={t('team.unreachable', { time: clockTime(since, language) })}
      data-testid="server-unreachable"
      style={{ position: 'sticky', top: 0, zIndex: 300 }}
    >
      {t('team.unreachableHint')}
    </Alert>
  );
}
