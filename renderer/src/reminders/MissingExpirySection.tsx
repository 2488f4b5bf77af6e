/**
 * The dashboard's list of persons whose document was recorded without the printed expiry that alone
 * dates it (the Dutch temporary permit, the Luxembourg salaried worker permit): no reminder can run
 * for it until the expiry is entered, so it is said here rather than left silent.
 */
import { Button, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../shared/reminders/reminders.schema';

interface MissingExpirySectionProps {
  missing: DashboardView['missingExpiry'];
  onOpen: (personId: string) => void;
}

export function MissingExpirySection({ missing, onOpen }: MissingExpirySectionProps) {
  const { t } = useTranslation();
  if (missing.total === 0) return null;
  return (
    <section aria-labelledby="dashboard-missing-expiry-title" data-testid="dashboard-missing-expiry" data-total={missing.total} className="dashboard-group">
      <Title order={3} size="h4" id="dashboard-missing-expiry-title" mb={4}>
        {t('casework.missingExpiryTitle', { count: missing.total })}
      </Title>
      <Text size="sm" mb={4}>
        {t('casework.missingExpiryHint')}
      </Text>
      <List spacing={2} size="sm" listStyleType="none" p={0}>
        {missing.rows.map((row) => (
          <List.Item key={row.personId} data-testid={`missing-expiry-${row.personId}`}>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="subtle"
                size="compact-sm"
                className="case-code"
                onClick={() => onOpen(row.personId)}
                aria-label={t('reminders.openPerson', { caseCode: row.caseCode })}
              >
                {row.caseCode}
              </Button>
              <Text size="sm" fw={600}>
                {row.name ?? t('reminders.noName')}
              </Text>
              <Text size="sm">
                {row.country} · {t('casework.noExpiry')}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
