import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  displayNameSchema,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  ROLES,
  roleSchema,
  usernameSchema,
  type Role,
} from '../../../shared/domain';
import type { UserSummary } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { PasswordField } from '../components/PasswordField';

interface AddUserValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'password'] as const;
const INITIAL: AddUserValues = { username: '', displayName: '', role: 'caseworker', password: '' };

export function AddUserForm({ onAdded }: { onAdded: (user: UserSummary) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm({
    name: 'add-user',
    initialValues: INITIAL,
    validate: {
      username: schemaRule(usernameSchema, t),
      displayName: schemaRule(displayNameSchema, t),
      role: schemaRule(roleSchema, t, t('validation.chooseOption')),
      password: schemaRule(passwordSchema, t),
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS, keyFields: { usernameTaken: 'username' } });

  async function add(values: AddUserValues) {
    feedback.clearFormError();
    try {
      const user = await call('users.add', values);
      form.reset();
      await onAdded(user);
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(add, feedback.onValidationFailure)} noValidate>
      <Stack>
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="add-user-error" />
        <TextInput
          label={t('users.username')}
          description={t('setup.usernameHint')}
          required
          withAsterisk={false}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('users.displayName')}
          required
          withAsterisk={false}
          autoComplete="off"
          {...form.getInputProps('displayName')}
        />
        <NativeSelect
          label={t('users.role')}
          required
          withAsterisk={false}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...form.getInputProps('role')}
        />
        <PasswordField
          label={t('users.initialPassword')}
          description={t('users.initialPasswordHint', { minimum: PASSWORD_MIN_LENGTH })}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('users.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
