import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain';
import type { ErrorPayload } from '../../../shared/errors';
import type { SessionUser, UserSummary } from '../../../shared/ipc/contract';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format/date-format';
import { AddUserForm } from './AddUserForm';
import { ChangeRoleDialog } from './ChangeRoleDialog';
import { DisableUserDialog } from './DisableUserDialog';
import { notifySuccess } from '../components/notify';
import { useDataChanged } from '../team/useDataChanged';

type Dialog = { kind: 'role'; user: UserSummary } | { kind: 'disable'; user: UserSummary } | null;

/** Administrators: the user accounts of the vault, adding users, roles, disabling. */
interface UsersPageProps {
  currentUser: SessionUser;
  /** The signed-in user's own role changed: the shell must follow (menus, pages). */
  onStatusChanged: () => Promise<void>;
}

export function UsersPage({ currentUser, onStatusChanged }: UsersPageProps) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setUsers(await call('users.list', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(toErrorPayload(error));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Another administrator's change on another desktop; an open dialog keeps its choice.
  useDataChanged(() => void load(), (channel) => channel.startsWith('users.'));
  const reloadTheirs = async () => {
    setDialog(null);
    await load();
  };

  const roleLabel = (role: Role) => t(`roles.${role}`);

  return (
    <Stack maw={1000}>
      <PageTitle>{t('users.title')}</PageTitle>

      {loadError ? (
        <Stack gap="xs" align="flex-start">
          <Text>{t('users.loadFailed')}</Text>
          <ErrorAlert error={loadError} testId="users-load-error" />
          <Button variant="default" onClick={() => void load()} loading={loading}>
            {t('common.tryAgain')}
          </Button>
        </Stack>
      ) : null}

      {users === null && loading ? <Loader aria-label={t('common.loading')} /> : null}

      {users !== null ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover captionSide="top" aria-busy={loading}>
            <Table.Caption>{t('users.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('users.created')}</Table.Th>
                <Table.Th scope="col">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('users.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {users.map((user) => {
                const isSelf = user.id === currentUser.id;
                const active = user.status === 'active';
                return (
                  <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                    <Table.Th scope="row" fw={500}>
                      {user.username}
                      {isSelf ? (
                        <Text component="span" c="dimmed" size="sm">
                          {' '}
                          ({t('users.you')})
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{user.displayName}</Table.Td>
                    <Table.Td>{roleLabel(user.role)}</Table.Td>
                    <Table.Td>
                      <Badge color={active ? 'green' : 'gray'} variant="light">
                        {active ? t('users.active') : t('users.disabled')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                    <Table.Td>
                      {active ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('users.changeRoleOf', { username: user.username })}
                            onClick={() => setDialog({ kind: 'role', user })}
                          >
                            {t('users.changeRole')}
                          </Button>
                          {!isSelf ? (
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              aria-label={t('users.disableOf', { username: user.username })}
                              onClick={() => setDialog({ kind: 'disable', user })}
                            >
                              {t('users.disable')}
                            </Button>
                          ) : null}
                        </Group>
                      ) : (
                        <Text c="dimmed" size="sm">
                          {t('common.none')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <Paper withBorder p="md" maw={560}>
        <Title order={2} size="h4" mb="sm">
          {t('users.addTitle')}
        </Title>
        <AddUserForm
          onAdded={async (user) => {
            notifySuccess(t('users.added', { username: user.username }));
            await load();
          }}
        />
      </Paper>

      {dialog?.kind === 'role' ? (
        <ChangeRoleDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onReload={reloadTheirs}
          onChanged={async (updated) => {
            setDialog(null);
            notifySuccess(t('users.roleChanged', { username: updated.username, role: roleLabel(updated.role) }));
            if (updated.id === currentUser.id) await onStatusChanged();
            else await load();
          }}
        />
      ) : null}
      {dialog?.kind === 'disable' ? (
        <DisableUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onReload={reloadTheirs}
          onDisabled={async () => {
            const { username } = dialog.user;
            setDialog(null);
            notifySuccess(t('users.userDisabled', { username }));
            await load();
          }}
        />
      ) : null}
    </Stack>
  );
}
