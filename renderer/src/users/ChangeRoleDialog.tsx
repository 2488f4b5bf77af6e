import { Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROLES, roleSchema, type Role } from '../../../shared/domain';
import type { UserSummary } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { schemaRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { useConflict } from '../team/useConflict';

interface ChangeRoleDialogProps {
  user: UserSummary;
  onClose: () => void;
  onChanged: (user: UserSummary) => Promise<void>;
  /** Their version: the list as saved now (the dialog closes). */
  onReload: () => Promise<void>;
}

const FIELDS = ['role'] as const;

export function ChangeRoleDialog({ user, onClose, onChanged, onReload }: ChangeRoleDialogProps) {
  const { t } = useTranslation();
  const conflict = useConflict();
  const form = useForm({
    name: 'change-role',
    initialValues: { role: user.role as Role },
    validate: { role: schemaRule(roleSchema, t, t('validation.chooseOption')) },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS, keyFields: { lastAdmin: 'role' } });

  async function save(values: { role: Role }) {
    feedback.clearFormError();
    if (values.role === user.role) {
      onClose();
      return;
    }
    try {
      await conflict.save(
        user.version,
        async (version) => onChanged(await call('users.setRole', { userId: user.id, role: values.role, expectedVersion: version })),
        onReload,
      );
    } catch (error) {
      feedback.handleError(error);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeOnEscape={!conflict.open}
      title={t('users.changeRoleTitle', { username: user.username })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={form.onSubmit(save, feedback.onValidationFailure)} noValidate>
        <Stack>
          <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="change-role-error" />
          <NativeSelect
            label={t('users.role')}
            data-autofocus
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          {conflict.dialog}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={form.submitting}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('users.saveRole')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
