/**
 * The first screen of a computer without a vault and without a connection: keep the files on this
 * computer (the set-up wizard, unchanged) or connect to the office server (docs/team-server.md).
 */
import { useState } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CenteredPage } from '../components/CenteredPage';
import { SetupWizard } from '../setup/SetupWizard';
import { ConnectServerForm } from './ConnectServerForm';

interface SetupStartProps {
  onCreatingVault: (creating: boolean) => void;
  onFinished: () => Promise<void>;
  onConnected: () => Promise<void>;
}

export function SetupStart({ onCreatingVault, onFinished, onConnected }: SetupStartProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'local' | 'server' | null>(null);

  if (choice === 'local') return <SetupWizard onCreatingVault={onCreatingVault} onFinished={onFinished} />;
  if (choice === 'server') {
    return (
      <CenteredPage width={640}>
        <ConnectServerForm onBack={() => setChoice(null)} onConnected={onConnected} />
      </CenteredPage>
    );
  }
  return (
    <CenteredPage width={720}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text mt="xs">{t('connection.chooseIntro')}</Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" role="group" aria-label={t('connection.chooseHeading')}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="setup-choice-local">
            <Stack h="100%" justify="space-between">
              <div>
                <Title order={2} size="h4" id="setup-choice-local">
                  {t('connection.localTitle')}
                </Title>
                <Text size="sm" mt="xs">
                  {t('connection.localBody')}
                </Text>
              </div>
              <Button variant="light" onClick={() => setChoice('local')}>
                {t('connection.localAction')}
              </Button>
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="setup-choice-server">
            <Stack h="100%" justify="space-between">
              <div>
                <Title order={2} size="h4" id="setup-choice-server">
                  {t('connection.serverTitle')}
                </Title>
                <Text size="sm" mt="xs">
                  {t('connection.serverBody')}
                </Text>
              </div>
              <Button variant="light" onClick={() => setChoice('server')}>
                {t('connection.serverAction')}
              </Button>
            </Stack>
          </Paper>
        </SimpleGrid>
      </Stack>
    </CenteredPage>
  );
}
