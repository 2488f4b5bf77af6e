/**
 * How long the sending organisation keeps its copy of a person's file after the partner's receipt:
 * every signed-in user sees it, an administrator changes it.
 */
import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { HANDOVER_RETENTION_DAYS } from '../../../../shared/handover/handover.ipc';
import type { SessionUser } from '../../../../shared/ipc/contract';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

export function RetentionSetting({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | string>('');
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const isAdmin = user.role === 'admin';

  useEffect(() => {
    call('handover.settings', {})
      .then((s) => {
        setSaved(s.retentionDays);
        setDays(s.retentionDays);
      })
      .catch((e: unknown) => setError(toErrorPayload(e)));
  }, []);

  const value = typeof days === 'number' ? days : Number.parseInt(days, 10);
  const valid = Number.isInteger(value) && value >= HANDOVER_RETENTION_DAYS.min && value <= HANDOVER_RETENTION_DAYS.max;

  async function save() {
    if (!valid) return;
    setSaving(true);
    setError(null);
    try {
      const s = await call('handover.updateSettings', { retentionDays: value });
      setSaved(s.retentionDays);
      notifySuccess(t('handovers.retention.saved', { days: s.retentionDays }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setSaving(false);
    }
  }

  if (saved === null) return <ErrorAlert error={error} testId="retention-error" />;
  if (!isAdmin) return <Text size="sm">{t('handovers.retention.current', { days: saved })}</Text>;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('handovers.retention.label')}
          description={t('handovers.retention.hint', { min: HANDOVER_RETENTION_DAYS.min, max: HANDOVER_RETENTION_DAYS.max })}
          min={HANDOVER_RETENTION_DAYS.min}
          max={HANDOVER_RETENTION_DAYS.max}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          error={valid ? undefined : t('validation.numberRange', { minimum: HANDOVER_RETENTION_DAYS.min, maximum: HANDOVER_RETENTION_DAYS.max })}
          maw={360}
        />
        <Button variant="default" onClick={() => void save()} loading={saving} disabled={!valid || value === saved}>
          {t('handovers.retention.save')}
        </Button>
      </Group>
      <ErrorAlert error={error} testId="retention-error" />
    </Stack>
  );
}
