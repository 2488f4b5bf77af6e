/**
 * The unlocked app: header (organisation, signed-in user, Lock), navigation, and the page.
 * Everything below this component is dropped when the vault locks.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppShell, Button, Group, Kbd, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus, SessionUser } from '../../../shared/ipc/contract';
import { AuditPage } from '../audit/AuditPage';
import { DirectoryPage } from '../handover/directory/DirectoryPage';
import { HandoversPage, type HandoversView } from '../handover/HandoversPage';
import { PartnersPage } from '../handover/keys/PartnersPage';
import { HomePage } from '../home/HomePage';
import { ImportPage } from '../import/ImportPage';
import { PersonsPage } from '../persons/PersonsPage';
import { SecurityNotices } from '../settings/SecurityNotices';
import { SettingsPage } from '../settings/SettingsPage';
import { StatisticsPage } from '../statistics/StatisticsPage';
import { UsersPage } from '../users/UsersPage';
import { NavigationContext, type Navigation, type NavigationTarget } from './navigation';
import { onEvent } from '../api/client';
import { useActivityPing } from './useActivityPing';
import { useLockShortcut } from './useLockShortcut';

export type Page =
  | 'home'
  | 'persons'
  | 'handovers'
  | 'partners'
  | 'directory'
  | 'statistics'
  | 'users'
  | 'settings'
  | 'audit'
  | 'import';

interface AppLayoutProps {
  status: AppStatus;
  user: SessionUser;
  onLock: () => void;
  onStatusChanged: () => Promise<void>;
}

export function AppLayout({ status, user, onLock, onStatusChanged }: AppLayoutProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState<Page>('home');
  // Choosing Persons again while on a person's page goes back to the list.
  const [personsHome, setPersonsHome] = useState(0);
  // A person to open from another area (an imported person, a handover's person).
  const [personRequest, setPersonRequest] = useState<{ personId: string } | { newPerson: true } | null>(null);
  const [handoversRequest, setHandoversRequest] = useState<HandoversView>({ kind: 'list' });
  const go = useCallback((target: NavigationTarget) => {
    if (target.area === 'persons') {
      setPersonRequest('personId' in target ? { personId: target.personId } : { newPerson: true });
    } else if (target.area === 'handovers') {
      setHandoversRequest(
        target.view === 'start'
          ? { kind: 'start', personId: target.personId, caseCode: target.caseCode, personName: target.personName }
          : target.view === 'handover'
            ? { kind: 'handover', handoverId: target.handoverId }
            : { kind: 'list', ...(target.tab ? { tab: target.tab } : {}) },
      );
    }
    setPage(target.area);
  }, []);
  const navigation = useMemo<Navigation>(() => ({ go }), [go]);
  const isAdmin = user.role === 'admin';
  useActivityPing();
  useLockShortcut(onLock);
  // A deadline notification was clicked: the dashboard (the home screen).
  useEffect(() => onEvent('reminders.open', () => setPage('home')), []);

  const pages: { id: Page; label: string }[] = [
    { id: 'home', label: t('shell.home') },
    { id: 'persons', label: t('shell.persons') },
    { id: 'handovers', label: t('handoverNav.handovers') },
    { id: 'partners', label: t('handoverNav.partners') },
    { id: 'directory', label: t('handoverNav.directory') },
    ...(isAdmin || user.role === 'coordinator' ? [{ id: 'statistics' as const, label: t('shell.statistics') }] : []),
    ...(isAdmin ? [{ id: 'users' as const, label: t('shell.users') }] : []),
    ...(isAdmin ? [{ id: 'import' as const, label: t('spreadsheetImport.nav') }] : []),
    { id: 'settings', label: t('shell.settings') },
    ...(isAdmin ? [{ id: 'audit' as const, label: t('shell.audit') }] : []),
  ];
  // A page the role may not see (the role changed meanwhile) falls back to Home.
  const current = pages.some((p) => p.id === page) ? page : 'home';

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text fw={700} c="indigo.8">
              {t('app.name')}
            </Text>
            <Text aria-hidden="true" c="dimmed">
              |
            </Text>
            <Text fw={600} truncate="end" data-testid="organisation-name">
              {status.organisation?.name ?? ''}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" data-testid="signed-in-user">
              {t('shell.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}
            </Text>
            <Button
              color="dark"
              variant="filled"
              onClick={onLock}
              aria-keyshortcuts="Control+L"
              title={t('shell.lockHint')}
              data-testid="lock-button"
              rightSection={
                <Kbd size="xs" aria-hidden="true">
                  Ctrl+L
                </Kbd>
              }
            >
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <nav aria-label={t('shell.navigation')}>
          <Stack gap={4}>
            {pages.map((p) => (
              <NavLink
                key={p.id}
                component="button"
                type="button"
                label={p.label}
                active={p.id === current}
                aria-current={p.id === current ? 'page' : undefined}
                onClick={() => {
                  if (p.id === 'persons' && current === 'persons') setPersonsHome((n) => n + 1);
                  if (p.id === 'handovers') setHandoversRequest({ kind: 'list' });
                  if (p.id === 'persons') setPersonRequest(null);
                  setPage(p.id);
                }}
              />
            ))}
          </Stack>
        </nav>
      </AppShell.Navbar>

      <AppShell.Main>
        <SecurityNotices isAdmin={isAdmin} />
        <NavigationContext value={navigation}>
          {current === 'home' ? <HomePage user={user} country={status.organisation?.country ?? null} /> : null}
          {current === 'persons' ? (
            <PersonsPage user={user} country={status.organisation?.country ?? 'BE'} listSignal={personsHome} openRequest={personRequest} />
          ) : null}
          {current === 'handovers' ? <HandoversPage user={user} country={status.organisation?.country ?? 'BE'} request={handoversRequest} /> : null}
          {current === 'partners' ? <PartnersPage user={user} /> : null}
          {current === 'directory' ? <DirectoryPage user={user} country={status.organisation?.country ?? 'BE'} /> : null}
          {current === 'statistics' ? <StatisticsPage role={user.role} /> : null}
          {current === 'users' && isAdmin ? <UsersPage currentUser={user} onStatusChanged={onStatusChanged} /> : null}
          {current === 'settings' ? (
            <SettingsPage user={user} organisationName={status.organisation?.name ?? ''} onStatusChanged={onStatusChanged} />
          ) : null}
          {current === 'audit' && isAdmin ? <AuditPage /> : null}
          {current === 'import' && isAdmin ? <ImportPage /> : null}
        </NavigationContext>
      </AppShell.Main>
    </AppShell>
  );
}
