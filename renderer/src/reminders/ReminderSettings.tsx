/**
 * Reminder settings: this desktop's notifications, daily digest and tray (kept in
 * electron-store by the main process: nothing personal), and the vault's lead times per kind of
 * deadline (administrators change them; everyone sees them).
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Loader, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { REMINDER_KINDS, type ReminderKind } from '../../../shared/reminders/reminder.types';
import { REMINDER_KIND_LABELS } from '../../../shared/reminders/reminder-texts';
import { leadDaysSchema, localTimeSchema, type ReminderSettings as LeadSettings } from '../../../shared/reminders/reminder-settings';
import type { DesktopReminderPrefs } from '../../../shared/reminders/reminders.schema';
import { call, toErrorPayload } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { notifySuccess } from '../components/notify';
import { pick, useLanguage } from '../format/labels';

export function ReminderSettings({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <DesktopPrefsForm />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('reminders.settings.leadTitle')}
        </Title>
        <LeadDaysForm canEdit={user.role === 'admin'} />
      </Stack>
    </Stack>
  );
}

type DesktopView = DesktopReminderPrefs & { supported: { notifications: boolean; tray: boolean } };

function DesktopPrefsForm() {
  const { t } = useTranslation();
  const [view, setView] = useState<DesktopView | null>(null);
  const [draft, setDraft] = useState<DesktopReminderPrefs | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const next = await call('reminders.desktopPrefs', {});
      setView(next);
      setDraft({ notifications: next.notifications, digest: next.digest, keepRunningInTray: next.keepRunningInTray });
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (!view || !draft) return error ? <ErrorAlert error={error} /> : <Loader size="sm" aria-label={t('common.loading')} />;
  const notificationsOff = !view.supported.notifications;

  async function save() {
    if (!draft) return;
    if (!localTimeSchema.safeParse(draft.digest.time).success) {
      setTimeError(t('validation.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await call('reminders.setDesktopPrefs', draft);
      setView(next);
      notifySuccess(t('reminders.settings.desktopSaved'));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('reminders.settings.desktopTitle')}
        </Title>
        {notificationsOff || !view.supported.tray ? (
          <Text size="sm" data-testid="reminder-prefs-unsupported">
            {t('reminders.settings.unsupported')}
          </Text>
        ) : null}
        <Switch
          label={t('reminders.settings.notifications')}
          description={t('reminders.settings.notificationsHint')}
          checked={draft.notifications}
          disabled={notificationsOff}
          onChange={(e) => setDraft({ ...draft, notifications: e.currentTarget.checked })}
        />
        <Switch
          label={t('reminders.settings.digest')}
          description={t('reminders.settings.digestHint')}
          checked={draft.digest.enabled}
          disabled={notificationsOff || !draft.notifications}
          onChange={(e) => setDraft({ ...draft, digest: { ...draft.digest, enabled: e.currentTarget.checked } })}
        />
        {draft.digest.enabled ? (
          <TextInput
            label={t('reminders.settings.digestTime')}
            value={draft.digest.time}
            onChange={(e) => {
              setTimeError(null);
              setDraft({ ...draft, digest: { ...draft.digest, time: e.currentTarget.value } });
            }}
            error={timeError}
            maxLength={5}
            w={220}
            inputMode="numeric"
            disabled={notificationsOff || !draft.notifications}
          />
        ) : null}
        <Switch
          label={t('reminders.settings.tray')}
          description={t('reminders.settings.trayHint')}
          checked={draft.keepRunningInTray}
          disabled={!view.supported.tray}
          onChange={(e) => setDraft({ ...draft, keepRunningInTray: e.currentTarget.checked })}
        />
        <ErrorAlert error={error} testId="reminder-prefs-error" />
        <Group>
          <Button type="submit" loading={busy} disabled={notificationsOff && !view.supported.tray}>
            {t('reminders.settings.saveDesktop')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "14, 7, 3, 1, 0" -> [14, 7, 3, 1, 0]; null when not a valid list. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const parsed = leadDaysSchema.safeParse(parts.map(Number));
  return parsed.success ? parsed.data : null;
}

function LeadDaysForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [texts, setTexts] = useState<Record<ReminderKind, string> | null>(null);
  const [invalid, setInvalid] = useState<Set<ReminderKind>>(new Set());
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (settings: LeadSettings) =>
    setTexts(Object.fromEntries(REMINDER_KINDS.map((k) => [k, settings.leadDays[k].join(', ')])) as Record<ReminderKind, string>);

  useEffect(() => {
    void call('reminders.settings', {})
      .then(show)
      .catch((e: unknown) => setError(toErrorPayload(e)));
  }, []);

  if (!texts) return error ? <ErrorAlert error={error} /> : <Loader size="sm" aria-label={t('common.loading')} />;

  async function save() {
    if (!texts) return;
    const leadDays: Partial<Record<ReminderKind, number[]>> = {};
    const bad = new Set<ReminderKind>();
    for (const kind of REMINDER_KINDS) {
      const days = parseDays(texts[kind]);
      if (days) leadDays[kind] = days;
      else bad.add(kind);
    }
    setInvalid(bad);
    if (bad.size > 0) return;
    setBusy(true);
    setError(null);
    try {
      show(await call('reminders.updateSettings', { leadDays }));
      notifySuccess(t('reminders.settings.leadSaved'));
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('reminders.settings.leadHint')}</Text>
        {!canEdit ? <Text size="sm">{t('reminders.settings.leadReadOnly')}</Text> : null}
        <Table aria-label={t('reminders.settings.leadTitle')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reminders.settings.colKind')}</Table.Th>
              <Table.Th>{t('reminders.settings.colDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REMINDER_KINDS.map((kind) => {
              const label = pick(REMINDER_KIND_LABELS[kind], language);
              return (
                <Table.Tr key={kind}>
                  <Table.Td>
                    <Text size="sm">{label}</Text>
                  </Table.Td>
                  <Table.Td w={170}>
                    <TextInput
                      aria-label={label}
                      value={texts[kind]}
                      readOnly={!canEdit}
                      error={invalid.has(kind) ? t('reminders.settings.leadInvalid') : undefined}
                      onChange={(e) => setTexts({ ...texts, [kind]: e.currentTarget.value })}
                      size="sm"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <ErrorAlert error={error} testId="lead-days-error" />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={busy}>
              {t('reminders.settings.saveLead')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
