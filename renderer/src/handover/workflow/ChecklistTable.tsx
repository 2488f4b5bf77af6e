/**
 * The handover's checklist: each item with its owner, its due date (dd-mm-yyyy with
 * weekday, days left and urgency in words) and its status, all editable in place; items of the
 * receiving country's requirements say so and cite their source. Staff add items of their own.
 */
import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarDate } from '../../../../shared/dates/calendar-date';
import type { ErrorPayload } from '../../../../shared/errors';
import { HANDOVER_ITEM_STATUSES, type HandoverItemView, type HandoverView } from '../../../../shared/handover/handover.ipc';
import type { Assignee } from '../../../../shared/persons/person.schema';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { dateWithWeekday, parseTypedDate, typedDate } from '../../format/deadline';
import { pick, useLanguage } from '../../format/labels';
import { DateField } from '../../persons/parts/DateField';
import { DeadlineText } from '../../persons/parts/DeadlineText';
import { StatusChip } from '../parts/StatusChip';

type ItemStatus = (typeof HANDOVER_ITEM_STATUSES)[number];

interface ChecklistTableProps {
  handover: HandoverView;
  assignees: Assignee[];
  today: CalendarDate;
  editable: boolean;
  onChanged: (view: HandoverView) => void;
}

function DueDateCell({ item, itemLabel, today, editable, onSave }: { item: HandoverItemView; itemLabel: string; today: CalendarDate; editable: boolean; onSave: (date: CalendarDate) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const value = text ?? typedDate(item.dueDate);
  const parsed = parseTypedDate(value);
  const invalid = text !== null && parsed === null;
  const label = t('handover.checklist.dueOf', { item: itemLabel });

  async function commit() {
    if (text === null) return;
    if (!parsed) return;
    if (parsed === item.dueDate) {
      setText(null);
      return;
    }
    if (await onSave(parsed)) setText(null);
  }

  return (
    <Stack gap={4}>
      {text === null ? (
        item.status === 'open' && editable ? (
          <DeadlineText date={item.dueDate} today={today} layout="stacked" testId={`due-${item.itemId}`} />
        ) : (
          <Text size="sm" data-testid={`due-${item.itemId}`}>
            {dateWithWeekday(t, item.dueDate)}
          </Text>
        )
      ) : null}
      {editable ? (
        <TextInput
          size="xs"
          aria-label={label}
          value={value}
          placeholder={t('dates.placeholder')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={10}
          description={text !== null && parsed ? dateWithWeekday(t, parsed) : undefined}
          error={invalid ? t('validation.date') : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
            if (e.key === 'Escape') setText(null);
          }}
          w={150}
        />
      ) : null}
    </Stack>
  );
}

export function ChecklistTable({ handover, assignees, today, editable, onChanged }: ChecklistTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newDue, setNewDue] = useState(typedDate(today));
  const [newOwner, setNewOwner] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);

  async function update(itemId: string, change: { ownerId?: string | null; dueDate?: CalendarDate; status?: ItemStatus }): Promise<boolean> {
    setError(null);
    try {
      onChanged(await call('handover.updateItem', { handoverId: handover.id, itemId, ...change }));
      return true;
    } catch (e) {
      setError(toErrorPayload(e));
      return false;
    }
  }

  async function add() {
    const due = parseTypedDate(newDue);
    if (newLabel.trim() === '') return setAddError(t('validation.required'));
    if (!due) return setAddError(t('validation.date'));
    setAddError(null);
    setAdding(true);
    setError(null);
    try {
      onChanged(await call('handover.addItem', { handoverId: handover.id, label: newLabel.trim(), dueDate: due, ownerId: newOwner || null }));
      notifySuccess(t('handover.checklist.added'));
      setNewLabel('');
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setAdding(false);
    }
  }

  const ownerOptions = [{ value: '', label: t('handover.checklist.noOwner') }, ...assignees.map((a) => ({ value: a.id, label: a.displayName }))];
  const done = handover.items.filter((i) => i.status !== 'open').length;

  return (
    <Stack gap="sm">
      <Text role="status" fw={600} data-testid="checklist-progress">
        {t('handover.checklist.progress', { done, total: handover.items.length })}
      </Text>
      <ErrorAlert error={error} testId="checklist-error" />
      <Table.ScrollContainer minWidth={900}>
        <Table captionSide="top" verticalSpacing="sm" striped data-testid="handover-checklist">
          <Table.Caption>{t('handover.checklist.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('handover.checklist.colItem')}</Table.Th>
              <Table.Th scope="col">{t('handover.checklist.colOwner')}</Table.Th>
              <Table.Th scope="col">{t('handover.checklist.colDue')}</Table.Th>
              <Table.Th scope="col">{t('handover.checklist.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {handover.items.map((item) => {
              const label = pick(item.label, language);
              return (
                <Table.Tr key={item.itemId} data-testid={`item-${item.itemId}`} data-status={item.status}>
                  <Table.Th scope="row" fw={400} maw={420}>
                    <Stack gap={4}>
                      {item.kind === 'requirement' ? (
                        <Badge variant="outline" color="indigo.9" size="sm">
                          {t('handover.checklist.requirement', { country: t(`countries.${handover.to}`) })}
                        </Badge>
                      ) : null}
                      <Text fw={600}>{label}</Text>
                      {item.source ? (
                        <Text size="xs" c="dimmed">
                          {t('procedure.source', { source: item.source })}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Th>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('handover.checklist.ownerOf', { item: label })}
                        value={item.owner?.id ?? ''}
                        data={
                          item.owner && !assignees.some((a) => a.id === item.owner?.id)
                            ? [...ownerOptions, { value: item.owner.id, label: item.owner.displayName }]
                            : ownerOptions
                        }
                        onChange={(e) => void update(item.itemId, { ownerId: e.currentTarget.value || null })}
                      />
                    ) : (
                      <Text size="sm">{item.owner?.displayName ?? t('handover.checklist.noOwner')}</Text>
                    )}
                    {item.ownerRole && !item.owner ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('handover.checklist.usualOwner', { role: t(`roles.${item.ownerRole}`) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td miw={210}>
                    <DueDateCell
                      item={item}
                      itemLabel={label}
                      today={today}
                      editable={editable}
                      onSave={(dueDate) => update(item.itemId, { dueDate })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('handover.checklist.statusOf', { item: label })}
                        value={item.status}
                        data={HANDOVER_ITEM_STATUSES.map((s) => ({ value: s, label: t(`handover.itemStatus.${s}`) }))}
                        onChange={(e) => void update(item.itemId, { status: e.currentTarget.value as ItemStatus })}
                      />
                    ) : (
                      <StatusChip status={item.status}>{t(`handover.itemStatus.${item.status}`)}</StatusChip>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {editable ? (
        <Paper withBorder p="md" bg="gray.0">
          <Title order={3} size="h5" mb="sm">
            {t('handover.checklist.addTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('handover.checklist.newLabel')} value={newLabel} onChange={(e) => setNewLabel(e.currentTarget.value)} error={addError && newLabel.trim() === '' ? addError : undefined} />
            <DateField label={t('handover.checklist.newDue')} value={newDue} onChange={(e) => setNewDue(e.currentTarget.value)} error={addError && newLabel.trim() !== '' ? addError : undefined} />
            <NativeSelect label={t('handover.checklist.colOwner')} value={newOwner} data={ownerOptions} onChange={(e) => setNewOwner(e.currentTarget.value)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" loading={adding} onClick={() => void add()}>
              {t('handover.checklist.add')}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
