import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordSchema } from '../../../shared/domain';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { requiredRule, sameAsRule, schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { PasswordField } from '../components/PasswordField';
import { notifySuccess } from '../components/notify';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'] as const;
const INITIAL: ChangePasswordValues = { currentPassword: '', newPassword: '', newPasswordConfirmation: '' };

/** `users.changePassword` for the signed-in user. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    name: 'change-password',
    initialValues: INITIAL,
    validate: {
      currentPassword: requiredRule(t),
      newPassword: schemaRule(passwordSchema, t),
      newPasswordConfirmation: sameAsRule<ChangePasswordValues>((values) => values.newPassword, t),
    },
  });
  const feedback = useFormFeedback(form, {
    fields: FIELDS,
    keyFields: {
      wrongCredentials: { field: 'currentPassword', message: t('settings.wrongCurrentPassword') },
      samePassword: 'newPassword',
    },
  });

  async function change(values: ChangePasswordValues) {
    feedback.clearFormError();
    try {
      await call('users.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.reset();
      notifySuccess(t('settings.passwordChanged'));
    } catch (error) {
      form.setFieldValue('currentPassword', '');
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(change, feedback.onValidationFailure)} noValidate>
      <Stack>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="change-password-error" />
        <PasswordField
          label={t('settings.currentPassword')}
          required
          withAsterisk={false}
          autoComplete="current-password"
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('settings.newPassword')}
          description={t('settings.newPasswordHint', { minimum: PASSWORD_MIN_LENGTH })}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('settings.newPasswordConfirmation')}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('newPasswordConfirmation')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('settings.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
