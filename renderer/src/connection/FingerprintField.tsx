/**
 * The office server's fingerprint as a person types it: 60 digits shown in 12 groups of 5 as they
 * come (spaces, dashes and anything else are dropped), with a count of the digits typed so far.
 */
import { Textarea, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countFingerprintDigits, groupFingerprintDigits } from '../../../shared/team/connection.schema';

type FingerprintFieldProps = Omit<TextareaProps, 'onChange' | 'value'> & {
  value: string;
  /** Gets the digits already grouped ("12345 67890 1…"). */
  onChange: (value: string) => void;
};

export function FingerprintField({ description, value, onChange, ...rest }: FingerprintFieldProps) {
  const { t } = useTranslation();
  const count = countFingerprintDigits(value);
  return (
    <Textarea
      {...rest}
      description={
        <>
          {description ? <>{description} </> : null}
          <span data-testid="fingerprint-count">{t('connection.digitsCount', { count })}</span>
        </>
      }
      required
      withAsterisk={false}
      autosize
      minRows={2}
      maxRows={3}
      autoComplete="off"
      spellCheck={false}
      inputMode="numeric"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.04em' } }}
      value={value}
      onChange={(event) => onChange(groupFingerprintDigits(event.currentTarget.value))}
    />
  );
}
