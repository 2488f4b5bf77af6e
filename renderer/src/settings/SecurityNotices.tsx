/**
 * Administrators: what the vault found about its own files at an unlock (key slots that matched no
 * user and were removed, files readable by other accounts), shown until an administrator has read it.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import type { SecurityNotice } from '../../../shared/ipc/contract';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../format/date-format';

const NOTICE_TEXT = {
  slotsDropped: 'settings.securityNoticeSlotsDropped',
  modesTightened: 'settings.securityNoticeModesTightened',
  anchorFailed: 'settings.securityNoticeAnchorFailed',
  databaseRolledBack: 'settings.securityNoticeDatabaseRolledBack',
} as const satisfies Record<SecurityNotice['kind'], string>;

export function SecurityNotices({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<SecurityNotice[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    if (!isAdmin) return;
    try {
      setNotices(await call('vault.notices', {}));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [isAdmin]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!isAdmin || (notices.length === 0 && !error)) return null;

  async function dismiss() {
    setBusy(true);
    try {
      await call('vault.dismissNotices', {});
      setNotices([]);
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert color="red" title={t('settings.securityNoticesTitle')} mb="md" role="alert" data-testid="security-notices">
      <Stack gap="xs">
        <ErrorAlert error={error} />
        {notices.map((n) => (
          <Text key={`${n.kind}-${n.at}`} size="sm">
            {t(NOTICE_TEXT[n.kind], {
              date: formatDateTime(n.at),
              count: n.count,
            })}
          </Text>
        ))}
        {notices.length > 0 ? (
          <Group justify="flex-end">
            <Button size="xs" variant="light" color="red" loading={busy} onClick={() => void dismiss()}>
              {t('settings.securityNoticesDismiss')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
