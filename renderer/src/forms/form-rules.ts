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

/**
 * The issues of a whole-form zod check as @mantine/form errors: the first issue of each path,
 * translated; `messageFor` may give a better message for an issue (or null to keep the default).
 */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  t: TFunction,
  messageFor?: (path: string, issue: z.core.$ZodIssue) => string | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (path in errors) continue;
    errors[path] = messageFor?.(path, issue) ?? fieldIssueText(t, fromZodIssue(issue));
  }
  return errors;
}

/** A @mantine/form name from ids (it allows only letters, digits and dashes). */
export function formName(...parts: string[]): string {
  return parts.join('-').replace(/[^A-Za-z0-9-]/g, '-');
}
