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

/** Something worked only in part: stays until closed, so it is not missed. */
export function notifyWarning(message: string): void {
  notifications.show({
    color: 'orange',
    message,
    autoClose: false,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
