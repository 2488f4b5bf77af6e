/** Domain vocabulary shared by every layer. Pure data, no behaviour. */
import { z } from 'zod';

export const COUNTRIES = ['BE', 'NL', 'LU'] as const;
export const countrySchema = z.enum(COUNTRIES);
export type Country = z.infer<typeof countrySchema>;

/**
 * Staff roles. admin: users, keys, settings. coordinator: every case, handovers.
 * caseworker: the cases assigned to them.
 */
export const ROLES = ['admin', 'coordinator', 'caseworker'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'username');
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);
export const displayNameSchema = z.string().trim().min(1).max(80);
export const organisationNameSchema = z.string().trim().min(2).max(120);

export const AUTO_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;
export const autoLockMinutesSchema = z
  .number()
  .int()
  .min(AUTO_LOCK_MINUTES.min)
  .max(AUTO_LOCK_MINUTES.max);
