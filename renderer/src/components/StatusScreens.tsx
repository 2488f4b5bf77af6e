import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { errorText } from '../api/error-text';
import { CenteredPage } from './CenteredPage';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" component="main">
      <Stack align="center" gap="sm" role="status">
        <Loader aria-hidden="true" />
        <Text>{t('app.starting')}</Text>
      </Stack>
    </Center>
  );
}

interface FatalScreenProps {
  title: string;
  error?: ErrorPayload | null;
  onRetry?: () => void;
}

/** Shown when the vault's state cannot be read at all: says so, and offers to try again. */
export function FatalScreen({ title, error, onRetry }: FatalScreenProps) {
  const { t } = useTranslation();
  return (
    <CenteredPage>
      <Stack>
        <Alert color="red" role="alert" title={title} data-testid="fatal-error">
          {error ? errorText(t, error) : null}
        </Alert>
        {onRetry ? (
          <Button onClick={onRetry} w="fit-content">
            {t('common.tryAgain')}
          </Button>
        ) : null}
      </Stack>
    </CenteredPage>
  );
}
