import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain';
import type { SessionUser } from '../../../shared/ipc/contract';
import { PageTitle } from '../components/PageTitle';

interface HomePageProps {
  user: SessionUser;
  country: Country | null;
}

const ROLE_TEXT = {
  admin: 'home.roleAdmin',
  coordinator: 'home.roleCoordinator',
  caseworker: 'home.roleCaseworker',
} as const;

/** A plain welcome: what works today and what is still to come. No sample data. */
export function HomePage({ user, country }: HomePageProps) {
  const { t } = useTranslation();
  const isAdmin = user.role === 'admin';
  return (
    <Stack maw={760}>
      <PageTitle>{t('home.title', { name: user.displayName })}</PageTitle>
      <Text>
        {t('home.role', { role: t(`roles.${user.role}`) })} {t(ROLE_TEXT[user.role])}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('home.availableTitle')}
        </Title>
        <List spacing={4}>
          <List.Item>{t('home.availablePersons')}</List.Item>
          {isAdmin ? <List.Item>{t('home.availableUsers')}</List.Item> : null}
          <List.Item>{t('home.availableSettings')}</List.Item>
          {isAdmin ? <List.Item>{t('home.availableAudit')}</List.Item> : null}
        </List>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('home.comingTitle')}
        </Title>
        <List spacing={4}>
          <List.Item>
            {t('home.comingDeadlines', { country: country ? t(`countries.${country}`) : t('common.none') })}
          </List.Item>
          <List.Item>{t('home.comingHandover')}</List.Item>
        </List>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('home.lockReminder')}
      </Text>
    </Stack>
  );
}
