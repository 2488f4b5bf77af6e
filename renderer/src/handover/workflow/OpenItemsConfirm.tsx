/**
 * Before a package leaves with checklist items still open (consent, risk assessment, police informed,
 * …): the export asks for confirmation and lists them, so nothing is sent by oversight. The items stay
 * open; they can still be done after the export.
 */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverItemView } from '../../../../shared/handover/handover.ipc';
import { dateWithWeekday } from '../../format/deadline';
import { pick, useLanguage } from '../../format/labels';

/** The items of the checklist still open (neither done nor marked not applicable). */
export function openItems(items: readonly HandoverItemView[]): HandoverItemView[] {
  return items.filter((item) => item.status === 'open');
}

interface OpenItemsConfirmProps {
  items: HandoverItemView[];
  onCancel: () => void;
  onConfirm: () => void;
}

export function OpenItemsConfirm({ items, onCancel, onConfirm }: OpenItemsConfirmProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Modal opened onClose={onCancel} title={t('casework.openItemsTitle')} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack data-testid="open-items-confirm">
        <Text>{t('casework.openItemsText', { count: items.length })}</Text>
        <List spacing={4} size="sm" data-testid="open-items">
          {items.map((item) => (
            <List.Item key={item.itemId} data-item-id={item.itemId}>
              <Text span fw={600}>
                {pick(item.label, language)}
              </Text>{' '}
              <Text span size="sm">
                ({t('casework.openItemDue', { date: dateWithWeekday(t, item.dueDate) })}
                {item.owner ? `, ${item.owner.displayName}` : ''})
              </Text>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('casework.openItemsBack')}
          </Button>
          <Button onClick={onConfirm} data-testid="export-anyway">
            {t('casework.exportAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
