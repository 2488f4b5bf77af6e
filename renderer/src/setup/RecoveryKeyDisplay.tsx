import { Fragment, useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/date-format';

const GROUPS_PER_ROW = 4;

function rowsOf<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

interface RecoveryKeyDisplayProps {
  groups: readonly string[];
  organisationName: string;
  onContinue: () => void;
}

/**
 * The recovery key, shown this once. Only the part marked print-area reaches the printer:
 * the key with the organisation and the date, nothing else of the screen.
 */
export function RecoveryKeyDisplay({ groups, organisationName, onContinue }: RecoveryKeyDisplayProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Stack>
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {t('setup.stepRecoveryKey')}
      </Title>
      <Text>{t('setup.recoveryKeyIntro')}</Text>
      <Alert color="orange" variant="light">
        {t('setup.recoveryKeyAdvice')}
      </Alert>
      <div className="print-area">
        <div className="print-only">
          <h1>{t('setup.printTitle')}</h1>
          <p>{t('setup.printOrganisation', { name: organisationName })}</p>
          <p>{t('setup.printDate', { date: formatDate(new Date()) })}</p>
        </div>
        <Text id="recovery-key-label" fw={600} mb="xs">
          {t('setup.recoveryKeyLabel')}
        </Text>
        <div
          className="recovery-key"
          role="group"
          aria-labelledby="recovery-key-label"
          data-testid="recovery-key"
          style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: '1rem' }}
        >
          {rowsOf(groups, GROUPS_PER_ROW).map((row, rowIndex) => (
            <div className="recovery-key-row" key={rowIndex}>
              {row.map((group, i) => {
                const index = rowIndex * GROUPS_PER_ROW + i;
                return (
                  <Fragment key={index}>
                    <span data-testid={`recovery-key-group-${index}`}>{group}</span>
                    {index < groups.length - 1 ? (
                      <span className="recovery-key-dash" aria-hidden="true">
                        -
                      </span>
                    ) : null}
                  </Fragment>
                );
              })}
            </div>
          ))}
        </div>
        <p className="print-only">{t('setup.recoveryKeyAdvice')}</p>
      </div>
      <Group justify="space-between" className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('setup.print')}
        </Button>
        <Button onClick={onContinue}>{t('setup.keyStored')}</Button>
      </Group>
    </Stack>
  );
}
