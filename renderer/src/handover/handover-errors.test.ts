/** Handover refusals reach the user in their language: the reason code picks the text, not the English param. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { nl } from '../../../shared/i18n/nl';
import { PACKAGE_REJECTION_REASONS, REJECTION_MESSAGES } from '../../../shared/handover/reasons';
import { errorText } from '../api/error-text';

async function translator(lng: 'en' | 'fr' | 'nl') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, fr: { translation: fr }, nl: { translation: nl } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('handover refusals', () => {
  it('gives every package refusal its own translated reason', async () => {
    const t = await translator('nl');
    const texts = new Set<string>();
    for (const reason of PACKAGE_REJECTION_REASONS) {
      const text = errorText(t, {
        code: 'PACKAGE_REJECTED',
        key: 'packageRejected',
        message: 'x',
        params: { reason: REJECTION_MESSAGES[reason].en },
        details: { reason },
      });
      expect(text).toBe(`Het overdrachtspakket werd geweigerd: ${REJECTION_MESSAGES[reason].nl}.`);
      texts.add(text);
    }
    expect(texts.size).toBe(PACKAGE_REJECTION_REASONS.length);
  });

  it('translates a refused receipt', async () => {
    const t = await translator('fr');
    const text = errorText(t, { code: 'PACKAGE_REJECTED', key: 'receiptRejected', message: 'x', params: { reason: 'replay' }, details: { reason: 'unknownPackage' } });
    expect(text).toContain(REJECTION_MESSAGES.unknownPackage.fr);
  });

  it('names the data categories a consent lacks in the user language', async () => {
    const t = await translator('fr');
    const text = errorText(t, { code: 'RULE_VIOLATION', key: 'handoverConsentNotCovered', message: 'x', params: { categories: 'health, attachments' } });
    expect(text).toContain(`${fr.dataCategories.health}, ${fr.dataCategories.attachments}`);
  });
});
