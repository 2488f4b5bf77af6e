import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Loader, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES, autoLockMinutesSchema } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import { call, toErrorPayload } from '../api/client';
import { useDataChanged } from '../team/useDataChanged';
import { ErrorAlert } from '../components/ErrorAlert';
import { schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { notifySuccess } from '../components/notify';

interface AutoLockSettingsProps {
  canEdit: boolean;
  onSaved: () => Promise<void>;
}

const FIELDS = ['autoLockMinutes'] as const;

/** The vault's idle lock: administrators change it, everyone else sees it. */
export function AutoLockSettings({ canEdit, onSaved }: AutoLockSettingsProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);

  const load = useCallback(async () => {
    try {
      const settings = await call('settings.get', {});
      setCurrent(settings.autoLockMinutes);
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Team mode: an administrator's change on another desktop (an open form keeps what is typed).
  useDataChanged(() => void load(), (channel) => channel.startsWith('settings.'));

  if (loadError) {
    return (
      <Stack gap="xs" align="flex-start">
        <ErrorAlert error={loadError} testId="auto-lock-load-error" />
        <Button variant="default" onClick={() => void load()}>
          {t('common.tryAgain')}
        </Button>
      </Stack>
    );
  }
  if (current === null) return <Loader size="sm" aria-label={t('common.loading')} />;

  if (!canEdit) {
    return (
      <TextInput
        label={t('settings.autoLockMinutes')}
        description={t('settings.autoLockReadOnly')}
        value={String(current)}
        readOnly
      />
    );
  }

  return (
    <AutoLockForm
      initialMinutes={current}
      onSaved={async (minutes) => {
        setCurrent(minutes);
        await onSaved();
      }}
    />
  );
}

interface AutoLockFormProps {
  initialMinutes: number;
  onSaved: (minutes: number) => Promise<void>;
}

function AutoLockForm({ initialMinutes, onSaved }: AutoLockFormProps) {
  const { t } = useTranslation();
  const range = { minimum: AUTO_LOCK_MINUTES.min, maximum: AUTO_LOCK_MINUTES.max };
  const form = useForm({
    name: 'auto-lock',
    initialValues: { autoLockMinutes: initialMinutes as number | string },
    validate: {
      autoLockMinutes: schemaRule(autoLockMinutesSchema, t, t('validation.numberRange', range)),
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });

  async function save(values: { autoLockMinutes: number | string }) {
    feedback.clearFormError();
    try {
      const saved = await call('settings.update', { autoLockMinutes: Number(values.autoLockMinutes) });
      notifySuccess(t('settings.autoLockSaved', { minutes: saved.autoLockMinutes }));
      await onSaved(saved.autoLockMinutes);
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(save, feedback.onValidationFailure)} noValidate>
      <Stack>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="auto-lock-error" />
        <NumberInput
          label={t('settings.autoLockMinutes')}
          description={t('settings.autoLockHint', range)}
          min={AUTO_LOCK_MINUTES.min}
          max={AUTO_LOCK_MINUTES.max}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          styles={{ wrapper: { maxWidth: 240 } }}
          {...form.getInputProps('autoLockMinutes')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('settings.saveAutoLock')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
