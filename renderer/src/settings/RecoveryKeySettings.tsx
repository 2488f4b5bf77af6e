/**
 * Administrators: whether the current recovery key was confirmed, and a way to replace it
 * (lost, never confirmed, or seen by someone). The new key is shown once and must be typed back,
 * with the same steps as the set-up wizard.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordField } from '../components/PasswordField';
import { notifySuccess } from '../components/notify';
import { requiredRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { RecoveryKeyConfirm } from '../setup/RecoveryKeyConfirm';
import { RecoveryKeyDisplay } from '../setup/RecoveryKeyDisplay';
import { recoveryKeyGroups } from '../setup/recovery-key';

type Step = 'idle' | 'password' | 'show' | 'confirm';
const FIELDS = ['password'] as const;

export function RecoveryKeySettings({ organisationName }: { organisationName: string }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState<boolean | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [key, setKey] = useState<string | null>(null);
  const groups = useMemo(() => (key ? recoveryKeyGroups(key) : []), [key]);
  const form = useForm({ name: 'rotate-recovery-key', initialValues: { password: '' }, validate: { password: requiredRule(t) } });
  const feedback = useFormFeedback(form, {
    fields: FIELDS,
    keyFields: { wrongCredentials: { field: 'password', message: t('settings.wrongCurrentPassword') } },
  });

  const refresh = useCallback(async () => {
    const status = await call('app.status', {});
    setConfirmed(status.recoveryKeyConfirmed);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function rotate(values: { password: string }) {
    feedback.clearFormError();
    try {
      const result = await call('vault.rotateRecoveryKey', { password: values.password });
      form.reset();
      setKey(result.recoveryKey);
      setStep('show');
      setConfirmed(false);
    } catch (error) {
      form.setFieldValue('password', '');
      feedback.handleError(error);
    }
  }

  if (step === 'show' && key) {
    return <RecoveryKeyDisplay groups={groups} organisationName={organisationName} onContinue={() => setStep('confirm')} />;
  }
  if (step === 'confirm' && key) {
    return (
      <RecoveryKeyConfirm
        groups={groups}
        onBack={() => setStep('show')}
        onConfirmed={async () => {
          await call('vault.confirmRecoveryKey', {});
          setKey(null);
          setStep('idle');
          await refresh();
          notifySuccess(t('settings.recoveryKeyReplaced'));
        }}
      />
    );
  }

  return (
    <Stack>
      {confirmed === false ? (
        <Alert color="orange" variant="light" data-testid="recovery-key-unconfirmed">
          {t('settings.recoveryKeyUnconfirmed')}
        </Alert>
      ) : null}
      <Text size="sm">{t('settings.recoveryKeyHint')}</Text>
      {step === 'password' ? (
        <form onSubmit={form.onSubmit(rotate, feedback.onValidationFailure)} noValidate>
          <Stack>
            <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="rotate-recovery-key-error" />
            <PasswordField
              label={t('settings.recoveryKeyPassword')}
              required
              withAsterisk={false}
              autoFocus
              autoComplete="current-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting} w="fit-content">
              {t('settings.recoveryKeyCreate')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Button variant="default" w="fit-content" onClick={() => setStep('password')}>
          {t('settings.recoveryKeyReplace')}
        </Button>
      )}
    </Stack>
  );
}
