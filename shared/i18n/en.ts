/**
 * English strings. This file defines the shape every language must have:
 * nl.ts and fr.ts are typed against it, and a test checks that no key is missing or empty.
 * Keys are grouped by screen; `errors` holds the messages behind AppError keys.
 */
export const en = {
  errors: {
    validation: 'Some fields are not valid. Check the highlighted fields.',
    notFound: 'This item was not found.',
    vaultExists: 'A vault already exists in this folder.',
    vaultMissing: 'No vault was found in this folder.',
    vaultBusy: 'Another Passerelle program is using this vault. Close it first.',
    locked: 'The vault is locked. Unlock it to continue.',
    wrongCredentials: 'Unknown user name or wrong password.',
    tooManyAttempts: 'Too many failed attempts. Wait {{seconds}} seconds before trying again.',
    forbidden: 'Your role does not allow this action.',
    keySlotsDamaged: "The vault's key file is damaged. Restore the vault from a backup.",
    keySlotsTampered: "The vault's key file was altered outside Passerelle. Restore the vault from a backup.",
    databaseDamaged: 'The vault database is damaged or was altered. Restore the latest backup.',
    databaseRolledBack:
      'The vault database is older than its key file: it may have been replaced by an older copy. Restore the latest backup.',
    usernameTaken: 'This user name is already in use.',
    lastAdmin: 'The last active administrator cannot be disabled or lose the administrator role.',
    cannotDisableSelf: 'You cannot disable your own account.',
    userDisabled: 'This account is disabled.',
    wrongRecoveryKey: 'The recovery key is not correct.',
    recoveryNotAdmin: "The recovery key can only reset an administrator's password.",
    samePassword: 'The new password must differ from the current one.',
    auditBroken: 'The audit trail is broken at entry {{seq}}.',
    backupInvalid: 'This file is not a valid Passerelle backup.',
    targetNotEmpty: 'The target folder is not empty.',
    fileExists: 'A file with this name already exists. Choose another name.',
    ruleViolation: 'Not allowed: {{rule}} (source: {{source}}).',
    packageRejected: 'The handover package was refused: {{reason}}.',
    internal: 'Something went wrong. The details were written to the log, without personal data.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every translation must have. */
export type Translation = Widen<typeof en>;
