/**
 * The home screen after unlock: a compact welcome, a new vault's first steps, then the deadlines dashboard.
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain';
import type { SessionUser } from '../../../shared/ipc/contract';
import { PageTitle } from '../components/PageTitle';
import { Dashboard } from '../reminders/Dashboard';
import { FirstSteps } from './FirstSteps';

interface HomePageProps {
  user: SessionUser;
  country: Country | null;
}

const ROLE_TEXT = {
  admin: 'home.roleAdmin',
  coordinator: 'home.roleCoordinator',
  caseworker: 'home.roleCaseworker',
} as const;

export function HomePage({ user }: HomePageProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('home.title', { name: user.displayName })}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('home.role', { role: t(`roles.${user.role}`) })} {t(ROLE_TEXT[user.role])}
        </Text>
      </div>
      <FirstSteps user={user} />
      <Dashboard user={user} />
    </Stack>
  );
}
