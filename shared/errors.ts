/**
 * The closed set of error codes every layer speaks (architecture.md "Errors").
 * An AppError carries a code, an i18n key (translated by the UI) and an English
 * message (for the CLI and for main-process logs). Messages never contain personal data.
 */
import { en } from './i18n/en';

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'LOCKED',
  'WRONG_CREDENTIALS',
  'RULE_VIOLATION',
  'PACKAGE_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorKey = keyof typeof en.errors;
export type ErrorParams = Record<string, string | number>;

/** One field-level problem, as found by zod, in a form the UI can translate. */
export interface FieldIssue {
  path: string;
  code: string;
  /** zod's English message, for the CLI. */
  message: string;
  minimum?: number;
  maximum?: number;
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  retryAfterSeconds?: number;
  reason?: string;
  /** For audit verification: the sequence number of the first broken entry. */
  seq?: number;
  /** For rule violations: the rule's source (brochure section or article). */
  source?: string;
  /** For CONFLICT on a stale version: the record's current version, who changed it last and when. */
  currentVersion?: number;
  changedBy?: string | null;
  changedAt?: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  key: ErrorKey;
  message: string;
  params?: ErrorParams;
  details?: ErrorDetails;
}

export function interpolate(template: string, params: ErrorParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params: ErrorParams | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, key: ErrorKey, params?: ErrorParams, details?: ErrorDetails) {
    super(interpolate(en.errors[key], params));
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, key: this.key, message: this.message };
    if (this.params) payload.params = this.params;
    if (this.details) payload.details = this.details;
    return payload;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
