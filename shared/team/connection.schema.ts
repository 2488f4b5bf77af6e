/**
 * A desktop's connection to the office server, as the set-up screen and the settings see it
 * (docs/team-server.md "On the desktop"). Pure: the handshake and the pinning live in
 * electron/remote; this module only says what a typed address and typed digits mean.
 */
import { z } from 'zod';
import { FINGERPRINT_DIGITS, formatFingerprint, parseFingerprintInput } from '../handover/fingerprint';

const MAX_URL_CHARS = 300;

/**
 * The server's address as a person types it: `https://host:port`, or `host:port` (https is added).
 * Only an https origin is accepted (no user, path, query or fragment); null otherwise.
 */
export function normaliseServerUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_CHARS) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  if (url.search !== '' || url.hash !== '' || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

/**
 * The digits as typed so far, shown in groups of five: spaces, dashes and dots are dropped, other
 * characters too (a pasted "12345-67890" and "12345 67890" look the same), at most 60 digits.
 */
export function groupFingerprintDigits(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, FINGERPRINT_DIGITS);
  return (digits.match(/\d{1,5}/g) ?? []).join(' ');
}

/** How many digits were typed (for "27 of 60 digits"). */
export function countFingerprintDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** 60 digits as 12 groups of five, or null. */
export function displayFingerprint(text: string): string | null {
  const digits = parseFingerprintInput(text);
  return digits ? formatFingerprint(digits) : null;
}

export const connectionStatusSchema = z.object({
  /** `embedded`: this computer's own vault (or none yet); `server`: connected to an office server. */
  mode: z.enum(['embedded', 'server']),
  url: z.string().nullable(),
  /** The pinned certificate's fingerprint, 12 groups of 5 digits. */
  fingerprint: z.string().nullable(),
  /**
   * What the last check of the server's certificate found: `changed` blocks the desktop until an
   * administrator confirms the new fingerprint; null in embedded mode.
   */
  certificate: z.enum(['pinned', 'changed', 'unreachable']).nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionConnectInputSchema = z.strictObject({
  url: z.string().max(MAX_URL_CHARS),
  fingerprint: z.string().max(200),
});

export const connectionConfirmInputSchema = z.strictObject({
  fingerprint: z.string().max(200),
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
