import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { call, toErrorPayload } from '../api/client';
import { useDataChanged } from '../team/useDataChanged';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';

interface MinorityPolicySettingsProps {
  canEdit: boolean;
}

/**
 * Whether a person whose age is in doubt is presumed a minor: the law in Luxembourg (brochure §4 LU),
 * the organisation's policy in Belgium and the Netherlands. Administrators switch it; everyone sees it.
 */
export function MinorityPolicySettings({ canEdit }: MinorityPolicySettingsProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setCurrent((await call('rules.settings', {})).presumeMinorityWhenInDoubt);
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Team mode: an administrator's change on another desktop.
  useDataChanged(() => void load(), (channel) => channel.startsWith('rules.'));

  async function change(next: boolean) {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await call('rules.updateSettings', { presumeMinorityWhenInDoubt: next });
      setCurrent(saved.presumeMinorityWhenInDoubt);
      const counts = { tracks: saved.tracksRederived, changed: saved.changedDueDates };
      notifySuccess(saved.presumeMinorityWhenInDoubt ? t('rulesPolicy.savedOn', counts) : t('rulesPolicy.savedOff', counts));
    } catch (error) {
      setSaveError(toErrorPayload(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="minority-policy-settings">
      <Title order={2} size="h4" mb="sm">
        {t('rulesPolicy.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('rulesPolicy.lawLu')}</Text>
        <Text size="sm">{t('rulesPolicy.policyBeNl')}</Text>
        <Text size="sm">{t('rulesPolicy.whenOff')}</Text>
        {loadError ? (
          <Stack gap="xs" align="flex-start">
            <ErrorAlert error={loadError} testId="minority-policy-load-error" />
            <Button variant="default" onClick={() => void load()}>
              {t('common.tryAgain')}
            </Button>
          </Stack>
        ) : current === null ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <>
            <ErrorAlert error={saveError} testId="minority-policy-error" />
            <Group gap="sm">
              <Switch
                checked={current}
                disabled={!canEdit || saving}
                onChange={(event) => void change(event.currentTarget.checked)}
                label={t('rulesPolicy.label')}
                description={canEdit ? t('rulesPolicy.defaultOn') : `${t('rulesPolicy.defaultOn')} ${t('rulesPolicy.readOnly')}`}
              />
              {saving ? <Loader size="xs" aria-label={t('rulesPolicy.saving')} /> : null}
            </Group>
            {saving ? (
              <Text size="sm" role="status">
                {t('rulesPolicy.saving')}
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
