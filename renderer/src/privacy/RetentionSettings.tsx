/**
 * Administrators: how many years after closing a closed file comes up on the dashboard for review
 * and deletion (docs/access-request.md "Retention of closed files"); empty: never.
 */
import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { CLOSED_FILE_RETENTION_YEARS } from '../../../shared/privacy/retention.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';

export function RetentionSettings() {
  const { t } = useTranslation();
  const [years, setYears] = useState<number | ''>('');
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    call('retention.settings', {})
      .then((s) => {
        setSaved(s.closedFileYears);
        setYears(s.closedFileYears ?? '');
      })
      .catch((e: unknown) => setError(toErrorPayload(e)));
  }, []);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const s = await call('retention.updateSettings', { closedFileYears: years === '' ? null : years });
      setSaved(s.closedFileYears);
      notifySuccess(t('retention.saved'));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="retention-settings">
      <Title order={2} size="h4" mb="sm">
        {t('retention.title')}
      </Title>
      <Group align="flex-end">
        <NumberInput
          label={t('retention.years')}
          description={t('retention.hint')}
          min={CLOSED_FILE_RETENTION_YEARS.min}
          max={CLOSED_FILE_RETENTION_YEARS.max}
          allowDecimal={false}
          value={years}
          onChange={(v) => setYears(typeof v === 'number' ? v : '')}
          w={300}
        />
        <Button variant="default" onClick={() => void save()} loading={busy}>
          {t('retention.save')}
        </Button>
      </Group>
      {saved === null ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('retention.off')}
        </Text>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </Paper>
  );
}
