import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, formatDate, type CalendarDate } from '../../../../shared/dates/calendar-date';
import { ageThreshold, minorStatusOn, type DobPrecision, type MinorStatus } from '../../../../shared/persons/minor-status';

interface MinorStatusLineProps {
  precision: DobPrecision;
  date: CalendarDate | null;
  ageInDoubt: boolean;
  today: CalendarDate;
  testId?: string;
}

/**
 * The minor status the rules apply, and why, in one sentence: "Presumed minor: age in doubt",
 * "Minor: under 18 until 03-04-2030", "Adult: 18 or older since 12-05-2012". Computed with the
 * same pure functions as the service (shared/persons/minor-status.ts); a (presumed) minor is
 * marked like the list's badge.
 */
export function MinorStatusLine({ precision, date, ageInDoubt, today, testId }: MinorStatusLineProps) {
  const { t } = useTranslation();
  const threshold = ageThreshold({ precision, date, ageInDoubt });
  const status: MinorStatus = minorStatusOn(threshold, today);
  // The last day as a minor is the day before the threshold.
  const until = threshold.adultFrom ? formatDate(addDays(threshold.adultFrom, -1)) : '';
  let reason: string;
  if (ageInDoubt) reason = t('minorBasis.ageInDoubt');
  else if (status === 'adult') {
    reason =
      threshold.basis === 'approximate' || !threshold.adultFrom
        ? t('minorBasis.adultApproximate')
        : t('minorBasis.adult', { date: formatDate(threshold.adultFrom) });
  } else if (threshold.basis === 'exact') reason = t('minorBasis.minor', { date: until });
  else if (threshold.basis === 'approximate') reason = t('minorBasis.approximate', { date: until });
  else if (precision === 'disputed') reason = t('minorBasis.disputed');
  else reason = t('minorBasis.unknown');
  return (
    <Stack gap={2} data-testid={testId} data-minor-status={status}>
      <Text component="div">
        <span className={`minor-badge minor-badge-${status} minor-badge-large`}>{reason}</span>
      </Text>
      {status === 'presumedMinor' ? (
        <Text size="sm" c="dimmed">
          {t('minorBasis.explanation')}
        </Text>
      ) : null}
    </Stack>
  );
}
