/**
 * What a form does when a submit fails: invalid fields get their message next to them and the
 * first one receives focus; anything else becomes one message next to the form, which receives
 * focus so a screen reader reads it and a keyboard user continues from there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '@mantine/form';
import type { ErrorKey, ErrorPayload } from '../../../shared/errors';
import { toErrorPayload } from '../api/client';
import { errorText, fieldIssueText } from '../api/error-text';
import { useLanguage } from '../format/labels';

/** The parts of a @mantine/form instance this hook needs. */
export interface FeedbackForm {
  setFieldError: (path: never, error: React.ReactNode) => void;
  getInputNode: (path: never) => HTMLElement | null;
  /** With these two, field errors follow a change of language (see below). */
  errors?: Record<string, React.ReactNode>;
  validateField?: (path: never) => { hasError: boolean } | Promise<unknown>;
}

export interface FormFeedbackOptions {
  /** The form's field paths, in screen order (also the order in which focus looks for errors). */
  fields: readonly string[];
  /**
   * Errors that belong to one field rather than to the whole form, e.g. usernameTaken -> 'username',
   * optionally with a message that fits the form better than the error's own.
   */
  keyFields?: Partial<Record<ErrorKey, string | { field: string; message: string }>>;
  /** Called before focusing a field, e.g. to show the wizard step that holds it. */
  revealField?: (path: string) => void;
}

type FocusRequest = { target: 'alert' } | { target: 'field'; path: string };

export function useFormFeedback(form: FeedbackForm, options: FormFeedbackOptions) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<ErrorPayload | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const { fields, keyFields, revealField } = options;

  // Field errors are strings made in the language of the moment: when the language changes, each
  // one is made again by the form's own rules. A message only the main process could give (a name
  // already taken) has no rule to remake it and stays as it was.
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    if (!form.errors || !form.validateField) return;
    for (const [path, previous] of Object.entries(form.errors)) {
      if (previous === null || previous === undefined || previous === false) continue;
      const result = form.validateField(path as never);
      if (!(result instanceof Promise) && !result.hasError) form.setFieldError(path as never, previous);
    }
  }, [language, form]);

  // Focus once React has rendered the message (and, in the wizard, the step holding the field).
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.target === 'alert') alertRef.current?.focus();
    else form.getInputNode(focusRequest.path as never)?.focus();
    setFocusRequest(null);
  }, [focusRequest, form]);

  const focusField = useCallback(
    (path: string) => {
      revealField?.(path);
      setFocusRequest({ target: 'field', path });
    },
    [revealField],
  );

  /** For form.onSubmit's second argument: focus the first invalid field. */
  const onValidationFailure = useCallback(
    (errors: FormErrors) => {
      setFormError(null);
      const first = fields.find((path) => errors[path] !== undefined && errors[path] !== null);
      if (first) focusField(first);
    },
    [fields, focusField],
  );

  /** For a failed call: map it to fields where possible, otherwise show it next to the form. */
  const handleError = useCallback(
    (error: unknown) => {
      const payload = toErrorPayload(error);
      const issues = payload.code === 'VALIDATION' ? (payload.details?.fields ?? []) : [];
      const placed: string[] = [];
      let unplaced = false;
      for (const issue of issues) {
        if (!fields.includes(issue.path)) {
          unplaced = true;
        } else if (!placed.includes(issue.path)) {
          // A specific key (samePassword) says more than the issue's generic code.
          const text = payload.key === 'validation' ? fieldIssueText(t, issue) : errorText(t, payload, language);
          form.setFieldError(issue.path as never, text);
          placed.push(issue.path);
        }
      }
      if (placed.length > 0) {
        // Any issue without a field of its own still gets the general message.
        setFormError(unplaced ? payload : null);
        focusField(fields.find((path) => placed.includes(path)) ?? placed[0]!);
        return;
      }
      const keyField = keyFields?.[payload.key];
      const target = typeof keyField === 'string' ? { field: keyField, message: errorText(t, payload, language) } : keyField;
      if (target !== undefined && fields.includes(target.field)) {
        setFormError(null);
        form.setFieldError(target.field as never, target.message);
        focusField(target.field);
        return;
      }
      setFormError(payload);
      setFocusRequest({ target: 'alert' });
    },
    [fields, keyFields, form, focusField, t, language],
  );

  const clearFormError = useCallback(() => setFormError(null), []);

  return { formError, alertRef, handleError, onValidationFailure, clearFormError };
}
