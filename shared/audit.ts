/**
 * The closed list of audit actions. Entries name the staff member and a pseudonymous
 * record id (a random uuid), never a person's name or details.
 */
export const AUDIT_ACTIONS = [
  'vault.create',
  'vault.rekey',
  'vault.backup',
  'vault.restore',
  'session.unlock',
  'session.unlockFailed',
  'session.lock',
  'session.recover',
  'user.add',
  'user.roleChange',
  'user.disable',
  'user.passwordChange',
  'user.passwordReset',
  'settings.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Audit details hold codes, counts and ids only: no free text that could carry personal data. */
export type AuditDetails = Record<string, string | number | boolean | null>;
