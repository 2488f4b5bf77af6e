import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/ipc/contract';
import { LanguageSelect } from '../components/LanguageSelect';
import { PageTitle } from '../components/PageTitle';
import { ReminderSettings } from '../reminders/ReminderSettings';
import { AutoLockSettings } from './AutoLockSettings';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MinorityPolicySettings } from './MinorityPolicySettings';
import { RecoveryKeySettings } from './RecoveryKeySettings';
import { RetentionSettings } from '../privacy/RetentionSettings';
import { ServerConnectionSettings } from '../connection/ServerConnectionSettings';

interface SettingsPageProps {
  user: SessionUser;
  organisationName: string;
  onStatusChanged: () => Promise<void>;
}

export function SettingsPage({ user, organisationName, onStatusChanged }: SettingsPageProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={560}>
      <PageTitle>{t('settings.title')}</PageTitle>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('settings.languageTitle')}
        </Title>
        <LanguageSelect description={t('settings.languageHint')} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('settings.autoLockTitle')}
        </Title>
        <AutoLockSettings canEdit={user.role === 'admin'} onSaved={onStatusChanged} />
      </Paper>
      <Paper withBorder p="md" data-testid="reminder-settings">
        <Title order={2} size="h4" mb="sm">
          {t('reminders.settings.title')}
        </Title>
        <ReminderSettings user={user} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('settings.passwordTitle')}
        </Title>
        <ChangePasswordForm />
      </Paper>
      {user.role === 'admin' ? <RetentionSettings /> : null}
      <MinorityPolicySettings canEdit={user.role === 'admin'} />
      {user.role === 'admin' ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('settings.recoveryKeyTitle')}
          </Title>
          <RecoveryKeySettings organisationName={organisationName} />
        </Paper>
      ) : null}
      {user.role === 'admin' ? <ServerConnectionSettings /> : null}
    </Stack>
  );
}
