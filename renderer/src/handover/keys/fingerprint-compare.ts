/**
 * Comparing fingerprint digits group by group while a partner reads them out over the phone. Pure.
 * Spaces, dashes, dots and line breaks are ignored, as in shared/handover/fingerprint.ts.
 */
import { FINGERPRINT_GROUP_DIGITS, FINGERPRINT_GROUPS } from '../../../../shared/handover/fingerprint';

export interface GroupComparison {
  /** Complete groups typed so far that match, counted from the first. */
  matching: number;
  /** The number (1-12) of the first complete group that differs, or null. */
  firstMismatch: number | null;
  /** All 60 digits typed and equal. */
  complete: boolean;
  /** Something other than digits and separators was typed. */
  invalid: boolean;
}

export function compareGroups(typed: string, expectedDisplay: string): GroupComparison {
  const expected = expectedDisplay.replace(/\D/g, '');
  const cleaned = typed.replace(/[\s.\-_]/g, '');
  const invalid = /\D/.test(cleaned);
  const digits = cleaned.replace(/\D/g, '');
  let matching = 0;
  let firstMismatch: number | null = null;
  for (let g = 0; g < FINGERPRINT_GROUPS; g++) {
    const part = digits.slice(g * FINGERPRINT_GROUP_DIGITS, (g + 1) * FINGERPRINT_GROUP_DIGITS);
    if (part.length < FINGERPRINT_GROUP_DIGITS) break;
    if (part === expected.slice(g * FINGERPRINT_GROUP_DIGITS, (g + 1) * FINGERPRINT_GROUP_DIGITS)) {
      if (firstMismatch === null) matching++;
    } else if (firstMismatch === null) {
      firstMismatch = g + 1;
    }
  }
  const complete = !invalid && digits.length === expected.length && digits === expected && expected.length === FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS;
  return { matching, firstMismatch, complete, invalid: invalid || digits.length > FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS };
}
