/**
 * Set-up, second choice: connect this computer to the office server. The address and the 60 digits
 * are read from the server's screen (or the administrator's printout); "Test and connect" checks the
 * server's certificate against the digits at a handshake that sends nothing, and only then pins it.
 * From then on this window talks to the server (no restart): the sign-in screen signs in there.
 */
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { normaliseServerUrl, displayFingerprint } from '../../../shared/team/connection.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useFormFeedback } from '../forms/useFormFeedback';
import { FingerprintField } from './FingerprintField';

interface ConnectServerFormProps {
  onBack: () => void;
  onConnected: () => Promise<void>;
}

const FIELDS = ['url', 'fingerprint'] as const;

export function ConnectServerForm({ onBack, onConnected }: ConnectServerFormProps) {
  const { t } = useTranslation();
  // The digits did not match: a warning of its own, not an ordinary form error.
  const [mismatch, setMismatch] = useState<ErrorPayload | null>(null);
  const form = useForm({
    name: 'connect-server',
    initialValues: { url: '', fingerprint: '' },
    validate: {
      url: (value) => (normaliseServerUrl(value) ? null : t('errors.serverUrlInvalid')),
      fingerprint: (value) => (displayFingerprint(value) ? null : t('errors.serverFingerprintInvalid')),
    },
  });
  const feedback = useFormFeedback(form, {
    fields: FIELDS,
    keyFields: { serverUrlInvalid: 'url', serverFingerprintInvalid: 'fingerprint' },
  });

  async function connect(values: { url: string; fingerprint: string }) {
    feedback.clearFormError();
    setMismatch(null);
    try {
      await call('connection.connect', { url: values.url, fingerprint: values.fingerprint });
      await onConnected();
    } catch (error) {
      const payload = toErrorPayload(error);
      if (payload.key === 'serverFingerprintMismatch') setMismatch(payload);
      else feedback.handleError(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(connect, feedback.onValidationFailure)} noValidate aria-busy={form.submitting}>
      <Stack>
        <Title order={1} size="h2">
          {t('connection.connectTitle')}
        </Title>
        <Text>{t('connection.connectIntro')}</Text>
        {mismatch ? (
          <Alert color="red" variant="filled" role="alert" title={t('connection.mismatchTitle')} data-testid="connect-mismatch">
            {t('errors.serverFingerprintMismatch')}
          </Alert>
        ) : null}
        <ErrorAlert error={feedback.formError} ref={feedback.alertRef} testId="connect-error" />
        <TextInput
          label={t('connection.url')}
          description={t('connection.urlHint')}
          required
          withAsterisk={false}
          autoFocus
          autoComplete="url"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps('url')}
        />
        <FingerprintField
          label={t('connection.fingerprint')}
          description={t('connection.fingerprintHint')}
          {...form.getInputProps('fingerprint')}
          value={form.values.fingerprint}
          onChange={(value) => {
            setMismatch(null);
            form.setFieldValue('fingerprint', value);
          }}
        />
        {form.submitting ? (
          <Group gap="xs" role="status" data-testid="connect-progress">
            <Loader size="xs" />
            <Text size="sm">{t('connection.testing')}</Text>
          </Group>
        ) : null}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} disabled={form.submitting}>
            {t('connection.back')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('connection.test')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
