// Typed translation keys: t('setup.title') compiles, t('setup.titel') does not.
import 'i18next';
import type { Translation } from '../../../shared/i18n/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
