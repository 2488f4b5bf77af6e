import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { interpolate } from '../errors';
import { PACKAGE_REJECTION_REASONS, RECEIPT_OUTCOME_REASONS, RECEIPT_REJECTION_REASONS, REJECTION_MESSAGES } from './reasons';

describe('refusal reasons', () => {
  it('have distinct codes and a message in en, nl and fr that completes the refusal sentence', () => {
    expect(new Set(RECEIPT_REJECTION_REASONS).size).toBe(RECEIPT_REJECTION_REASONS.length);
    for (const code of [...RECEIPT_REJECTION_REASONS, ...RECEIPT_OUTCOME_REASONS]) {
      const m = REJECTION_MESSAGES[code];
      for (const lang of ['en', 'nl', 'fr'] as const) {
        expect(m[lang].length, `${code} ${lang}`).toBeGreaterThan(10);
        expect(m[lang][0], `${code} ${lang} starts in lower case`).toBe(m[lang][0]?.toLowerCase());
        expect(m[lang].endsWith('.'), `${code} ${lang}`).toBe(false);
      }
    }
    // Distinct texts too: the user must be able to tell the reasons apart.
    const texts = PACKAGE_REJECTION_REASONS.map((c) => REJECTION_MESSAGES[c].en);
    expect(new Set(texts).size).toBe(texts.length);
    expect(interpolate(en.errors.packageRejected, { reason: REJECTION_MESSAGES.replay.en })).toBe(
      'The handover package was refused: this package was already imported.',
    );
  });
});
