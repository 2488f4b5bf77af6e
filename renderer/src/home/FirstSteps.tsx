/**
 * A new vault's home: before anyone is registered, the first steps a team takes (add staff, register
 * a person, exchange key cards with a partner), each with where to do it and whether it is done.
 * Shown to administrators and coordinators, who see every case (so no person means a new vault);
 * staff are added by administrators only.
 */
import { useEffect, useState } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { useNavigation } from '../app/navigation';

interface VaultStart {
  persons: number;
  staff: number | null;
  partners: number;
}

export function FirstSteps({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [start, setStart] = useState<VaultStart | null>(null);
  const isAdmin = user.role === 'admin';
  const seesEveryCase = user.role !== 'caseworker';

  useEffect(() => {
    if (!seesEveryCase) return;
    let live = true;
    void Promise.all([
      call('persons.list', { search: '', status: 'all', limit: 1 }),
      isAdmin ? call('users.list', {}) : Promise.resolve(null),
      call('partners.list', {}),
    ])
      .then(([persons, users, partners]) => {
        if (live) setStart({ persons: persons.total, staff: users ? users.length : null, partners: partners.length });
      })
      .catch(() => live && setStart(null));
    return () => {
      live = false;
    };
  }, [isAdmin, seesEveryCase]);

  if (!start || start.persons > 0) return null;
  const steps = [
    ...(isAdmin && start.staff !== null
      ? [{ id: 'staff', text: t('casework.stepStaff'), button: t('casework.stepStaffButton'), done: start.staff > 1, go: () => navigation.go({ area: 'users' }) }]
      : []),
    { id: 'person', text: t('casework.stepPerson'), button: t('casework.stepPersonButton'), done: false, go: () => navigation.go({ area: 'persons', newPerson: true }) },
    { id: 'keys', text: t('casework.stepKeys'), button: t('casework.stepKeysButton'), done: start.partners > 0, go: () => navigation.go({ area: 'partners' }) },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="first-steps-title" data-testid="first-steps">
      <Stack gap="sm">
        <Title order={2} size="h3" id="first-steps-title">
          {t('casework.firstStepsTitle')}
        </Title>
        <Text>{t('casework.firstStepsIntro')}</Text>
        <List type="ordered" spacing="sm">
          {steps.map((step) => (
            <List.Item key={step.id} data-testid={`first-step-${step.id}`} data-done={step.done}>
              <Group gap="sm" wrap="wrap">
                <Text>{step.text}</Text>
                {step.done ? (
                  <Badge color="green.9" variant="outline">
                    {t('casework.stepDone')}
                  </Badge>
                ) : (
                  <Button size="compact-sm" variant="light" onClick={step.go}>
                    {step.button}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
