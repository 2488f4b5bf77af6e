/**
 * The office server shows another certificate than the one this desktop pinned: nothing is sent to
 * the server until an administrator confirms the new fingerprint here, with their own sign-in over
 * the new certificate (electron/remote/desktop-connection.ts). Anyone else is told to stop and call
 * the administrator: the change may be an impostor on the office network.
 */
import { Alert, Button, Code, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../shared/team/connection.schema';
import { displayFingerprint } from '../../../shared/team/connection.schema';
import { call } from '../api/client';
import { CenteredPage } from '../components/CenteredPage';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordField } from '../components/PasswordField';
import { requiredRule } from '../forms/form-rules';
import { useFormFeedback } from '../forms/useFormFeedback';
import { FingerprintField } from './FingerprintField';
import { inLines } from './fingerprint-lines';

interface CertificateChangedScreenProps {
  connection: ConnectionStatus;
  onConfirmed: () => Promise<void>;
}

const FIELDS = ['fingerprint', 'username', 'password'] as const;

export function CertificateChangedScreen({ connection, onConfirmed }: CertificateChangedScreenProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: 'confirm-certificate',
    initialValues: { fingerprint: '', username: '', password: '' },
    validate: {
      fingerprint: (value) => (displayFingerprint(value) ? null : t('errors.serverFingerprintInvalid')),
      username: requiredRule(t),
      password: requiredRule(t),
    },
  });
  const feedback = useFormFeedback(form, { fields: FIELDS, keyFields: { serverFingerprintInvalid: 'fingerprint' } });

  async function confirm(values: { fingerprint: string; username: string; password: string }) {
    feedback.clearFormError();
    try {
      await call('connection.confirmCertificate', values);
      form.setFieldValue('password', '');
      await onConfirmed();
    } catch (error) {
      // Never leave a rejected password in the field (or in memory).
      form.setFieldValue('password', '');
      feedback.handleError(error);
    }
  }

  return (
    <CenteredPage width={640}>
      <form onSubmit={form.onSubmit(confirm, feedback.onValidationFailure)} noValidate aria-busy={form.submitting}>
        <Stack>
          <Title order={1} size="h2">
            {t('connection.changedTitle')}
          </Title>
          <Alert color="red" variant="light" role="alert" data-testid="certificate-changed">
            <Stack gap="xs">
              <Text size="sm">{t('connection.changedBody', { url: connection.url ?? '' })}</Text>
              <Text size="sm" fw={700}>
                {t('connection.changedWho')}
              </Text>
            </Stack>
          </Alert>
          <div>
            <Text size="sm" fw={500}>
              {t('connection.pinnedFingerprint')}
            </Text>
            <Code block data-testid="pinned-fingerprint">
              {inLines(connection.fingerprint)}
            </Code>
          </div>
          <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="confirm-error" />
          <FingerprintField
            label={t('connection.newFingerprint')}
            description={t('connection.fingerprintHint')}
            {...form.getInputProps('fingerprint')}
            value={form.values.fingerprint}
            onChange={(value) => form.setFieldValue('fingerprint', value)}
          />
          <TextInput
            label={t('connection.adminUsername')}
            required
            withAsterisk={false}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('username')}
          />
          <PasswordField
            label={t('connection.adminPassword')}
            required
            withAsterisk={false}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          {form.submitting ? (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('connection.confirming')}</Text>
            </Group>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={form.submitting}>
              {t('connection.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredPage>
  );
}
