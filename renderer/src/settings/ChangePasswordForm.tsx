import { Button, Checkbox, Group, Stack } from '@mantine/core';
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
  /** Someone else may know the current password: replace the key pair and the vault's data key too. */
  mayBeKnown: boolean;
}

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'] as const;
const INITIAL: ChangePasswordValues = { currentPassword: '', newPassword: '', newPasswordConfirmation: '', mayBeKnown: false };

/**
 * `users.changePassword` for the signed-in user; `users.replacePassword` when they tick that someone
 * else may know the current password (an old copy of the key file must open nothing then).
 */
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
      const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
      if (values.mayBeKnown) await call('users.replacePassword', input);
      else await call('users.changePassword', input);
      form.reset();
      notifySuccess(t(values.mayBeKnown ? 'settings.passwordReplaced' : 'settings.passwordChanged'));
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
        <Checkbox
          label={t('settings.passwordMayBeKnown')}
          description={t('settings.passwordMayBeKnownHint')}
          {...form.getInputProps('mayBeKnown', { type: 'checkbox' })}
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
