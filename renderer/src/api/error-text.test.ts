import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { z } from 'zod';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { passwordSchema, usernameSchema } from '../../../shared/domain';
import { errorText, fieldIssueText, fromZodIssue } from './error-text';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('errorText', () => {
  it('translates the key with its params', async () => {
    const t = await translator('fr');
    const text = errorText(t, {
      code: 'WRONG_CREDENTIALS',
      key: 'tooManyAttempts',
      message: 'Too many failed attempts.',
      params: { seconds: 30 },
    });
    expect(text).toBe('Trop de tentatives échouées. Attendez 30 secondes avant de réessayer.');
  });

  it('takes the wait from the details when the params lack it', async () => {
    const t = await translator('en');
    const text = errorText(t, {
      code: 'WRONG_CREDENTIALS',
      key: 'tooManyAttempts',
      message: '',
      details: { retryAfterSeconds: 8 },
    });
    expect(text).toContain('Wait 8 seconds');
  });

  it('quotes the broken rule in the user language when the engine sent it in every language', async () => {
    const t = await translator('fr');
    const payload = {
      code: 'RULE_VIOLATION' as const,
      key: 'ruleViolation' as const,
      message: '',
      params: { rule: 'the reflection period cannot be extended', rule_nl: 'kan niet worden verlengd', rule_fr: 'ne peut être prolongée', source: 'brochure §4 BE' },
    };
    expect(errorText(t, payload, 'fr')).toBe('Non autorisé : ne peut être prolongée (source : brochure §4 BE).');
    expect(errorText(t, payload)).toBe('Non autorisé : the reflection period cannot be extended (source : brochure §4 BE).');
  });

  it("cites the refused rule's brochure sentence in the user language, the one it rests on", async () => {
    const t = await translator('fr');
    // What the engine sends when an annex 15 is extended (brochure §4 BE "Reflectieperiode").
    const payload = {
      code: 'RULE_VIOLATION' as const,
      key: 'ruleViolation' as const,
      message: '',
      params: {
        rule: 'the Belgian reflection period (annex 15) cannot be extended or granted again',
        rule_fr: 'la période de réflexion (annexe 15) ne peut être prolongée ni accordée à nouveau',
        ruleId: 'be.reflection.notExtendable',
        source: 'brochure §4 BE "Reflectieperiode": "Deze reflectieperiode kan niet worden verlengd."',
      },
    };
    expect(errorText(t, payload, 'fr')).toBe(
      'Non autorisé : la période de réflexion (annexe 15) ne peut être prolongée ni accordée à nouveau (source : brochure §4 BE "Reflectieperiode": « Cette période de réflexion ne peut pas être prolongée. »).',
    );
    // A source that is not the rule's own (another version of the tables) is shown as sent.
    const other = { ...payload, params: { ...payload.params, source: 'brochure §4 BE "Reflectieperiode"' } };
    expect(errorText(t, other, 'fr')).toContain('(source : brochure §4 BE "Reflectieperiode").');
  });

  it('falls back to the English message for a key this build does not know', async () => {
    const t = await translator('fr');
    const unknown = { code: 'INTERNAL', key: 'somethingNew', message: 'Something new happened.' } as never;
    expect(errorText(t, unknown)).toBe('Something new happened.');
  });
});

describe('fieldIssueText', () => {
  it('explains field issues from zod in the user language', async () => {
    const t = await translator('en');
    const short = passwordSchema.safeParse('short');
    expect(short.success).toBe(false);
    expect(fieldIssueText(t, fromZodIssue(short.error!.issues[0]!, 'password'))).toBe('Use at least 12 characters.');
    const name = usernameSchema.safeParse('Not valid!');
    expect(fieldIssueText(t, fromZodIssue(name.error!.issues[0]!, 'admin.username'))).toBe(en.validation.username);
    const empty = z.string().trim().min(1).safeParse('  ');
    expect(fieldIssueText(t, fromZodIssue(empty.error!.issues[0]!, 'displayName'))).toBe(en.validation.required);
  });

  it('explains the issues the main process sends in VALIDATION details', async () => {
    const t = await translator('en');
    expect(fieldIssueText(t, { path: 'organisationName', code: 'too_big', message: '', maximum: 120 })).toBe(
      'Use at most 120 characters.',
    );
    expect(fieldIssueText(t, { path: 'country', code: 'invalid_value', message: '' })).toBe(en.validation.chooseOption);
  });
});
