/**
 * Validation rules for @mantine/form built from the contract's own zod schemas, so the
 * renderer checks exactly what the main process will check, with messages in the user's language.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldIssueText, fromZodIssue } from '../api/error-text';

/** A rule that runs `schema` on the field's value and reports its first issue, translated. */
export function schemaRule(schema: z.ZodType, t: TFunction, message?: string) {
  return (value: unknown, _values: unknown, path: string): string | null => {
    const result = schema.safeParse(value);
    if (result.success) return null;
    const [issue] = result.error.issues;
    if (!issue) return null;
    return message ?? fieldIssueText(t, fromZodIssue(issue, path));
  };
}

/** Non-empty after trimming (for fields whose real check happens in the main process). */
export function requiredRule(t: TFunction) {
  return (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== '' ? null : t('validation.required');
}

/** The confirmation field must repeat the value picked from the form by `otherValue`. */
export function sameAsRule<Values extends object>(otherValue: (values: Values) => unknown, t: TFunction) {
  return (value: unknown, values: Values): string | null =>
    value === otherValue(values) ? null : t('validation.passwordsDiffer');
}
