import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordSchema, usernameSchema } from '../../../shared/domain';
import { recoveryKeyInputSchema } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { sameAsRule, schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { PasswordField } from '../components/PasswordField';

interface RecoverFormProps {
  onCancel: () => void;
  onRecovered: (username: string) => void;
}

interface RecoverValues {
  recoveryKey: string;
  username: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

const FIELDS = ['recoveryKey', 'username', 'newPassword', 'newPasswordConfirmation'] as const;

/** `session.recover`: the recovery key sets a new password for an administrator. */
export function RecoverForm({ onCancel, onRecovered }: RecoverFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: 'recover',
    initialValues: { recoveryKey: '', username: '', newPassword: '', newPasswordConfirmation: '' } as RecoverValues,
    validate: {
      recoveryKey: schemaRule(recoveryKeyInputSchema, t, t('validation.recoveryKey')),
      username: schemaRule(usernameSchema, t),
      newPassword: schemaRule(passwordSchema, t),
      newPasswordConfirmation: sameAsRule<RecoverValues>((values) => values.newPassword, t),
    },
  });
  const feedback = useFormFeedback(form, {
    fields: FIELDS,
    keyFields: { wrongRecoveryKey: 'recoveryKey', recoveryNotAdmin: 'username', notFound: 'username' },
  });

  async function recover(values: RecoverValues) {
    feedback.clearFormError();
    try {
      await call('session.recover', {
        recoveryKey: values.recoveryKey,
        username: values.username,
        newPassword: values.newPassword,
      });
      onRecovered(values.username.trim().toLowerCase());
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(recover, feedback.onValidationFailure)} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('recover.title')}
        </Title>
        <Text>{t('recover.intro')}</Text>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="recover-error" />
        <TextInput
          label={t('recover.recoveryKey')}
          description={t('recover.recoveryKeyHint')}
          required
          withAsterisk={false}
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }}
          {...form.getInputProps('recoveryKey')}
        />
        <TextInput
          label={t('recover.username')}
          required
          withAsterisk={false}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <PasswordField
          label={t('recover.newPassword')}
          description={t('recover.newPasswordHint', { minimum: PASSWORD_MIN_LENGTH })}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('recover.newPasswordConfirmation')}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('newPasswordConfirmation')}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            {t('recover.backToUnlock')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('recover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
