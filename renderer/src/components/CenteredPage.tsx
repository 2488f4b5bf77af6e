import { Box, Container, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect';

/** The frame of the screens shown before the vault is open: set-up and unlock. */
export function CenteredPage({ children, width = 520 }: { children: React.ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" py="xl" bg="gray.0">
      <Container size={width}>
        <Group justify="space-between" align="flex-end" mb="md" className="no-print">
          <Text fw={700} size="lg" c="indigo.8">
            {t('app.name')}
          </Text>
          <Box w={160}>
            <LanguageSelect size="xs" />
          </Box>
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
