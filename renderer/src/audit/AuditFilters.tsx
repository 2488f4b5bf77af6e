/**
 * The audit screen's filters: the user (as the trail names them), the action (in words), a period of
 * local days and a case code. Applied together with one button, so a slow trail is read once.
 */
import { useEffect, useState } from 'react';
import { Button, Group, NativeSelect, Paper, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../shared/audit';
import type { CalendarDate } from '../../../shared/dates/calendar-date';
import { call } from '../api/client';
import { parseTypedDate, typedDate } from '../format/deadline';
import { DateField } from '../persons/parts/DateField';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  caseCode?: string;
}

interface Draft {
  actor: string;
  action: string;
  from: string;
  to: string;
  caseCode: string;
}

/** The filters to send for a draft; null with the field whose date does not read. */
export function auditFiltersOf(draft: Draft): { filters: AuditFilterValues; badDate: 'from' | 'to' | null } {
  const filters: AuditFilterValues = {};
  if (draft.actor) filters.actor = draft.actor;
  if (draft.action) filters.action = draft.action;
  if (draft.caseCode.trim()) filters.caseCode = draft.caseCode.trim().toUpperCase();
  for (const key of ['from', 'to'] as const) {
    if (draft[key].trim() === '') continue;
    const date = parseTypedDate(draft[key]);
    if (!date) return { filters, badDate: key };
    filters[key] = date;
  }
  return { filters, badDate: null };
}

export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<string[]>([]);
  const [draft, setDraft] = useState<Draft>({
    actor: value.actor ?? '',
    action: value.action ?? '',
    from: value.from ? typedDate(value.from) : '',
    to: value.to ? typedDate(value.to) : '',
    caseCode: value.caseCode ?? '',
  });
  const [badDate, setBadDate] = useState<'from' | 'to' | null>(null);

  useEffect(() => {
    call('users.list', {})
      .then((list) => setUsers(list.map((u) => u.username).sort()))
      .catch(() => setUsers([]));
  }, []);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const any = { value: '', label: t('casework.auditAny') };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="audit-filters-title" data-testid="audit-filters">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const result = auditFiltersOf(draft);
          setBadDate(result.badDate);
          if (!result.badDate) onApply(result.filters);
        }}
      >
        <Title order={2} size="h5" id="audit-filters-title" mb="xs">
          {t('casework.auditFilters')}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('casework.auditUser')}
            value={draft.actor}
            onChange={(e) => set({ actor: e.currentTarget.value })}
            data={[any, ...users.map((u) => ({ value: u, label: u }))]}
            w={180}
          />
          <NativeSelect
            label={t('casework.auditAction')}
            value={draft.action}
            onChange={(e) => set({ action: e.currentTarget.value })}
            data={[any, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditActions.${a}`) }))]}
            w={260}
          />
          <DateField label={t('casework.auditFrom')} value={draft.from} onChange={(e) => set({ from: e.currentTarget.value })} error={badDate === 'from' ? t('validation.date') : null} w={150} />
          <DateField label={t('casework.auditTo')} value={draft.to} onChange={(e) => set({ to: e.currentTarget.value })} error={badDate === 'to' ? t('validation.date') : null} w={150} />
          <TextInput label={t('casework.auditCase')} value={draft.caseCode} onChange={(e) => set({ caseCode: e.currentTarget.value })} w={170} autoComplete="off" spellCheck={false} />
          <Button type="submit">{t('casework.auditApply')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft({ actor: '', action: '', from: '', to: '', caseCode: '' });
              setBadDate(null);
              onApply({});
            }}
          >
            {t('casework.auditClear')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
