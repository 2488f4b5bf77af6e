/**
 * Case codes: `<PREFIX>-<YEAR>-<NNNN>` (e.g. PAY-2026-0007), generated per organisation from a per-year
 * counter (db/case-code.repo.ts). The number has at least four digits and grows past 9999.
 * A case code identifies a person inside the organisation: it never goes into the audit trail or logs.
 */
import { z } from 'zod';
import { foldForSearch } from './search-text';

export const caseCodePrefixSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,5}$/, 'caseCodePrefix');

export const CASE_CODE_PATTERN = /^[A-Z]{2,5}-\d{4}-\d{4,}$/;
export const caseCodeSchema = z.string().trim().toUpperCase().regex(CASE_CODE_PATTERN, 'caseCode');

/** Fallback when an organisation name has fewer than two letters A-Z. */
export const DEFAULT_CASE_CODE_PREFIX = 'CASE';

/** A case code typed as a confirmation matches whatever its case and spacing ("pay-2026-0007 "). */
export function sameCaseCode(typed: string, caseCode: string): boolean {
  const norm = (code: string) => code.replace(/\s+/g, '').toUpperCase();
  return norm(typed) === norm(caseCode);
}

/**
 * A prefix from the organisation's name: its first three letters A-Z once accents are removed
 * ("Payoke" -> PAY, "Sürya" -> SUR, "Pag-Asa" -> PAG). Admins can change it in the settings.
 */
export function deriveCaseCodePrefix(organisationName: string): string {
  const letters = foldForSearch(organisationName).toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length >= 2 ? letters.slice(0, 3) : DEFAULT_CASE_CODE_PREFIX;
}

export function formatCaseCode(prefix: string, year: number, number: number): string {
  return `${prefix}-${String(year).padStart(4, '0')}-${String(number).padStart(4, '0')}`;
}

/**
 * The case-code prefix a search stands for ("pay-2026-00" -> "PAY-2026-00"), or null when the search
 * is a name. A search that starts like a case code (letters, a dash, a digit) is looked up by code only.
 */
export function caseCodeSearchPrefix(search: string): string | null {
  const s = search.trim().toUpperCase();
  return /^[A-Z]{2,5}-\d[\d-]*$/.test(s) ? s : null;
}
