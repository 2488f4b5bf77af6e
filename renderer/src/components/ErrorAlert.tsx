import type { Ref } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { errorText } from '../api/error-text';
import { useLanguage } from '../format/labels';

interface ErrorAlertProps {
  error: ErrorPayload | null;
  /** The hook's ref, so focus can be moved to the message. */
  ref?: Ref<HTMLDivElement>;
  testId?: string;
}

/** An error next to the form or action that caused it, in the user's language. */
export function ErrorAlert({ error, ref, testId }: ErrorAlertProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!error) return null;
  return (
    <Alert ref={ref} color="red" variant="light" role="alert" tabIndex={-1} data-testid={testId} data-error-code={error.code}>
      {errorText(t, error, language)}
    </Alert>
  );
}
