/**
 * Administrators: a person's access request (GDPR art. 15 and 20, docs/access-request.md): one zip
 * with everything the vault holds about the person, as PDF and JSON, named by a random request id.
 */
import { useState } from 'react';
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { base64ToBytes, saveFile } from '../handover/files';

export function AccessRequestSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const file = await call('persons.accessRequest', { id: personId });
      saveFile(new Blob([base64ToBytes(file.contentBase64)], { type: 'application/zip' }), file.fileName);
      notifySuccess(t('accessRequest.done', { fileName: file.fileName }));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack component="section" aria-labelledby="access-request-title" gap="xs" data-testid="access-request">
      <Title order={2} size="h3" id="access-request-title">
        {t('accessRequest.title')}
      </Title>
      <Text size="sm" maw={760}>
        {t('accessRequest.intro')}
      </Text>
      <Group>
        <Button variant="default" w="fit-content" onClick={() => void create()} disabled={busy}>
          {t('accessRequest.create')}
        </Button>
        {busy ? (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('accessRequest.busy')}</Text>
          </Group>
        ) : null}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
