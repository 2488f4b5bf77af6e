import type { Ref } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { errorText, refusalSource } from '../api/error-text';
import { quotesOf } from '../../../shared/rules/source';
import { QuoteText } from '../procedure/RuleSource';
import { useLanguage } from '../format/labels';

interface ErrorAlertProps {
  error: ErrorPayload | null;
  /** The hook's ref, so focus can be moved to the message. */
  ref?: Ref<HTMLDivElement>;
  testId?: string;
}

/**
 * An error next to the form or action that caused it, in the user's language. A refusal by the rules
 * quotes the brochure translated; the Dutch original is one click away.
 */
export function ErrorAlert({ error, ref, testId }: ErrorAlertProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!error) return null;
  const cited = refusalSource(error);
  return (
    <Alert ref={ref} color="red" variant="light" role="alert" tabIndex={-1} data-testid={testId} data-error-code={error.code}>
      {errorText(t, error, language)}
      {cited ? <QuoteText quotes={quotesOf(cited)} translated={false} /> : null}
    </Alert>
  );
}
