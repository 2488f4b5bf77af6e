import i18n from 'i18next';
import { notifications } from '@mantine/notifications';

/** A short confirmation that something was saved. Cleared whenever the vault locks. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
