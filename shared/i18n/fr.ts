import type { Translation } from './en';

export const fr: Translation = {
  errors: {
    validation: 'Certains champs ne sont pas valides. Vérifiez les champs signalés.',
    notFound: 'Cet élément est introuvable.',
    vaultExists: 'Un coffre existe déjà dans ce dossier.',
    vaultMissing: "Aucun coffre n'a été trouvé dans ce dossier.",
    vaultBusy: 'Un autre programme Passerelle utilise ce coffre. Fermez-le d’abord.',
    locked: 'Le coffre est verrouillé. Déverrouillez-le pour continuer.',
    wrongCredentials: "Nom d'utilisateur inconnu ou mot de passe incorrect.",
    tooManyAttempts: 'Trop de tentatives échouées. Attendez {{seconds}} secondes avant de réessayer.',
    forbidden: "Votre rôle ne permet pas cette action.",
    keySlotsDamaged: 'Le fichier de clés du coffre est endommagé. Restaurez le coffre à partir d’une sauvegarde.',
    keySlotsTampered: 'Le fichier de clés du coffre a été modifié en dehors de Passerelle. Restaurez le coffre à partir d’une sauvegarde.',
    databaseDamaged: 'La base de données du coffre est endommagée ou a été modifiée. Restaurez la dernière sauvegarde.',
    databaseRolledBack:
      'La base de données du coffre est plus ancienne que son fichier de clés : elle a peut-être été remplacée par une copie antérieure. Restaurez la dernière sauvegarde.',
    usernameTaken: "Ce nom d'utilisateur est déjà utilisé.",
    lastAdmin: 'Le dernier administrateur actif ne peut pas être désactivé ni perdre le rôle d’administrateur.',
    cannotDisableSelf: 'Vous ne pouvez pas désactiver votre propre compte.',
    userDisabled: 'Ce compte est désactivé.',
    wrongRecoveryKey: "La clé de récupération n'est pas correcte.",
    recoveryNotAdmin: 'La clé de récupération ne peut réinitialiser que le mot de passe d’un administrateur.',
    samePassword: 'Le nouveau mot de passe doit être différent de l’actuel.',
    auditBroken: "Le journal d'audit est rompu à l'entrée {{seq}}.",
    backupInvalid: "Ce fichier n'est pas une sauvegarde Passerelle valide.",
    targetNotEmpty: "Le dossier cible n'est pas vide.",
    fileExists: 'Un fichier portant ce nom existe déjà. Choisissez un autre nom.',
    ruleViolation: 'Non autorisé : {{rule}} (source : {{source}}).',
    packageRejected: 'Le paquet de transfert a été refusé : {{reason}}.',
    internal: "Une erreur s'est produite. Les détails ont été écrits dans le journal, sans données personnelles.",
  },
};
