import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { requiredRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { PasswordField } from '../components/PasswordField';

interface UnlockFormProps {
  organisationName: string | null;
  initialUsername: string;
  onUnlocked: () => Promise<void>;
  onForgot: () => void;
}

const FIELDS = ['username', 'password'] as const;

export function UnlockForm({ organisationName, initialUsername, onUnlocked, onForgot }: UnlockFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: 'unlock',
    initialValues: { username: initialUsername, password: '' },
    validate: { username: requiredRule(t), password: requiredRule(t) },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS });

  async function unlock(values: { username: string; password: string }) {
    feedback.clearFormError();
    try {
      await call('session.unlock', { username: values.username, password: values.password });
      await onUnlocked();
    } catch (error) {
      // Never leave a rejected password in the field (or in memory).
      form.setFieldValue('password', '');
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(unlock, feedback.onValidationFailure)} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('unlock.title')}
        </Title>
        <Text>
          {organisationName ? t('unlock.introOrganisation', { organisation: organisationName }) : t('unlock.intro')}
        </Text>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="unlock-error" />
        <TextInput
          label={t('unlock.username')}
          required
          withAsterisk={false}
          autoFocus={initialUsername === ''}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <PasswordField
          label={t('unlock.password')}
          required
          withAsterisk={false}
          autoFocus={initialUsername !== ''}
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={form.submitting}>
          {t('unlock.submit')}
        </Button>
        <Anchor component="button" type="button" onClick={onForgot} size="sm" ta="left">
          {t('unlock.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
