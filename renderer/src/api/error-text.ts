/**
 * Turns errors from the main process (and zod issues found in the renderer) into text in the
 * user's language. The main process sends an i18n key with params; the English message it also
 * sends is only used when this build does not know the key.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { en } from '../../../shared/i18n/en';
import type { Language } from '../../../shared/domain';
import type { ErrorKey, ErrorParams, ErrorPayload, FieldIssue } from '../../../shared/errors';
import { DATA_CATEGORIES } from '../../../shared/persons/consent.schema';
import { ruleSource } from '../../../shared/rules/rule-sources';
import type { Source } from '../../../shared/rules/rule.types';
import { citationIn, citationText } from '../../../shared/rules/source';

type HandoverReason = keyof typeof en.handoverReasons;
type DataCategory = (typeof DATA_CATEGORIES)[number];

function isHandoverReason(code: unknown): code is HandoverReason {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(en.handoverReasons, code);
}

function isErrorKey(key: string): key is ErrorKey {
  return Object.prototype.hasOwnProperty.call(en.errors, key);
}

/**
 * The error in the user's language. A RULE_VIOLATION carries the broken rule as a sentence in every
 * language (`rule` in English, `rule_nl`, `rule_fr`): `language` picks the right one.
 */
export function errorText(t: TFunction, error: ErrorPayload, language?: Language): string {
  if (!isErrorKey(error.key)) return error.message;
  const params: ErrorParams = { ...error.params };
  if (language && language !== 'en') {
    const localized = params[`rule_${language}`];
    if (localized !== undefined) params.rule = localized;
  }
  // A refused event cites its rule's source: the brochure's words in the user's language.
  const cited = refusalSource(error);
  if (cited && language) params.source = citationIn(cited, language);
  // The wait may travel as a param or only in the details; the message needs it either way.
  if (params.seconds === undefined && error.details?.retryAfterSeconds !== undefined) {
    params.seconds = error.details.retryAfterSeconds;
  }
  if (params.seq === undefined && error.details?.seq !== undefined) params.seq = error.details.seq;
  // A refused handover package or receipt: the reason travels as a code; its English text is only for the CLI.
  if ((error.key === 'packageRejected' || error.key === 'receiptRejected') && isHandoverReason(error.details?.reason)) {
    params.reason = t(`handoverReasons.${error.details.reason}`);
  }
  // The data categories a consent lacks travel as codes ("health, attachments").
  if (error.key === 'handoverConsentNotCovered' && typeof params.categories === 'string') {
    params.categories = params.categories
      .split(/,\s*/)
      .map((c) => ((DATA_CATEGORIES as readonly string[]).includes(c) ? t(`dataCategories.${c as DataCategory}`) : c))
      .join(', ');
  }
  return t(`errors.${error.key}`, params);
}

/**
 * The structured source of a RULE_VIOLATION, when the error cites a rule of the tables by its id and
 * the one-line source it sent is that rule's (else the line is shown as sent).
 */
export function refusalSource(error: ErrorPayload): Source | undefined {
  if (error.code !== 'RULE_VIOLATION') return undefined;
  const { ruleId, source } = error.params ?? {};
  if (typeof ruleId !== 'string' || typeof source !== 'string') return undefined;
  const found = ruleSource(ruleId);
  return found && citationText(found) === source ? found : undefined;
}

/** The field-level issue shape shared by zod (renderer side) and ErrorDetails.fields (main side). */
export type IssueLike = Pick<FieldIssue, 'path' | 'code' | 'message' | 'minimum' | 'maximum'>;

export function fieldIssueText(t: TFunction, issue: IssueLike): string {
  const field = issue.path.split('.').at(-1) ?? '';
  switch (issue.code) {
    case 'too_small':
      if (issue.minimum === undefined || issue.minimum <= 1) return t('validation.required');
      return t('validation.tooShort', { minimum: issue.minimum });
    case 'too_big':
      return issue.maximum === undefined ? t('validation.invalid') : t('validation.tooLong', { maximum: issue.maximum });
    case 'invalid_format':
    case 'invalid_string':
    case 'custom':
      if (issue.message === 'username' || field === 'username') return t('validation.username');
      if (issue.message === 'recoveryKey' || field === 'recoveryKey') return t('validation.recoveryKey');
      if (issue.message.startsWith('Expected an existing calendar date')) return t('validation.date');
      if (issue.message === 'Each value may appear only once') return t('validation.unique');
      if (issue.message === 'phone' || field === 'phone') return t('validation.phone');
      if (field === 'email') return t('validation.email');
      return t('validation.invalid');
    case 'invalid_date':
      return t('validation.date');
    case 'date_in_future':
      return t('validation.dateInFuture');
    case 'invalid_value':
    case 'invalid_enum_value':
      return t('validation.chooseOption');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** One zod issue in the shape the main process also uses for VALIDATION details. */
export function fromZodIssue(issue: z.core.$ZodIssue, basePath = ''): IssueLike {
  const own = issue.path.map(String).join('.');
  const path = [basePath, own].filter((part) => part !== '').join('.');
  const result: IssueLike = { path, code: issue.code, message: issue.message };
  const minimum = 'minimum' in issue ? toNumber(issue.minimum) : undefined;
  const maximum = 'maximum' in issue ? toNumber(issue.maximum) : undefined;
  if (minimum !== undefined) result.minimum = minimum;
  if (maximum !== undefined) result.maximum = maximum;
  return result;
}
