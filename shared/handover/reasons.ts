/**
 * Why a handover package or a receipt is refused: one code per reason, each with its message in the
 * three UI languages. The AppError (code PACKAGE_REJECTED, key 'packageRejected') carries the code in
 * `details.reason` and the English text in `params.reason`, so the CLI prints one clear English line
 * and the UI can show the message in the user's language from this table.
 *
 * The messages complete the sentence "The handover package was refused: …" ("Het overdrachtspakket
 * werd geweigerd: …", "Le paquet de transfert a été refusé : …"): lower case, no final full stop.
 * They never contain personal data.
 */
import type { Labels } from '../rules/rule.types';

export const PACKAGE_REJECTION_REASONS = [
  'oversize',
  'malformed',
  'unsupportedVersion',
  'algorithmNotAllowed',
  'criticalHeader',
  'wrongRecipient',
  'unknownSender',
  'unverifiedSender',
  'senderKeyChanged',
  'badSignature',
  'replay',
  'expired',
  'notYetValid',
  'consentNotCovered',
  'unsafeAttachmentName',
  'attachmentHashMismatch',
] as const;
export type PackageRejectionReason = (typeof PACKAGE_REJECTION_REASONS)[number];

/** Reasons only a receipt can be refused for. */
export const RECEIPT_ONLY_REJECTION_REASONS = ['unknownPackage', 'receiptFromWrongPartner'] as const;
export type ReceiptRejectionReason = PackageRejectionReason | (typeof RECEIPT_ONLY_REJECTION_REASONS)[number];
export const RECEIPT_REJECTION_REASONS: readonly ReceiptRejectionReason[] = [...PACKAGE_REJECTION_REASONS, ...RECEIPT_ONLY_REJECTION_REASONS];

/**
 * The reason a receiving organisation gives in a 'rejected' receipt: any refusal reason of the
 * package, or 'declined' when the package was fine but the organisation does not take the handover.
 */
export const RECEIPT_OUTCOME_REASONS = [...PACKAGE_REJECTION_REASONS, 'declined'] as const;
export type ReceiptOutcomeReason = (typeof RECEIPT_OUTCOME_REASONS)[number];

const L = (en: string, nl: string, fr: string): Labels => ({ en, nl, fr });

export const REJECTION_MESSAGES: Readonly<Record<ReceiptRejectionReason | 'declined', Labels>> = {
  oversize: L(
    'the file is larger than the size limit for handover packages',
    'het bestand is groter dan de maximale grootte voor overdrachtspakketten',
    'le fichier dépasse la taille maximale des paquets de transfert',
  ),
  malformed: L(
    'the file is damaged, cut short or altered, or it is not a handover package',
    'het bestand is beschadigd, onvolledig of gewijzigd, of het is geen overdrachtspakket',
    "le fichier est endommagé, incomplet ou modifié, ou ce n'est pas un paquet de transfert",
  ),
  unsupportedVersion: L(
    'it was made in a format version this version of Passerelle does not know; update Passerelle',
    'het werd gemaakt in een formaatversie die deze versie van Passerelle niet kent; werk Passerelle bij',
    "il a été créé dans une version de format que cette version de Passerelle ne connaît pas ; mettez Passerelle à jour",
  ),
  algorithmNotAllowed: L(
    'it uses a cryptographic algorithm that is not allowed',
    'het gebruikt een cryptografisch algoritme dat niet is toegestaan',
    "il utilise un algorithme cryptographique qui n'est pas autorisé",
  ),
  criticalHeader: L(
    'it requires an extension that Passerelle does not understand',
    'het vereist een uitbreiding die Passerelle niet begrijpt',
    'il exige une extension que Passerelle ne comprend pas',
  ),
  wrongRecipient: L(
    'it is addressed to another organisation',
    'het is aan een andere organisatie gericht',
    "il est adressé à une autre organisation",
  ),
  unknownSender: L(
    'the sender is not one of your partner organisations; import and verify their key card first',
    'de afzender is geen van uw partnerorganisaties; importeer en verifieer eerst hun sleutelkaart',
    "l'expéditeur ne fait pas partie de vos organisations partenaires ; importez et vérifiez d'abord sa carte de clés",
  ),
  unverifiedSender: L(
    "the sender's key card is not verified yet; compare its fingerprint with the sender by phone first",
    'de sleutelkaart van de afzender is nog niet geverifieerd; vergelijk eerst de vingerafdruk telefonisch met de afzender',
    "la carte de clés de l'expéditeur n'est pas encore vérifiée ; comparez d'abord son empreinte avec l'expéditeur par téléphone",
  ),
  senderKeyChanged: L(
    "the sender's keys changed since you verified them; compare the new fingerprint with the sender before importing",
    'de sleutels van de afzender zijn gewijzigd sinds u ze verifieerde; vergelijk de nieuwe vingerafdruk met de afzender vóór het importeren',
    "les clés de l'expéditeur ont changé depuis leur vérification ; comparez la nouvelle empreinte avec l'expéditeur avant l'import",
  ),
  badSignature: L(
    "the sender's signature is not valid, so the package may be forged",
    'de handtekening van de afzender is ongeldig, het pakket kan dus vervalst zijn',
    "la signature de l'expéditeur n'est pas valide, le paquet peut donc être falsifié",
  ),
  replay: L(
    'this package was already imported',
    'dit pakket werd al geïmporteerd',
    'ce paquet a déjà été importé',
  ),
  expired: L(
    'it has expired; ask the sender for a new package',
    'het is verlopen; vraag de afzender om een nieuw pakket',
    "il a expiré ; demandez un nouveau paquet à l'expéditeur",
  ),
  notYetValid: L(
    "it is dated in the future; check this computer's date and time",
    'het is gedateerd in de toekomst; controleer de datum en tijd van deze computer',
    "il est daté dans le futur ; vérifiez la date et l'heure de cet ordinateur",
  ),
  consentNotCovered: L(
    "the person's consent it names does not cover all the data it contains",
    'de toestemming van de persoon die erin vermeld staat, dekt niet alle gegevens die het bevat',
    "le consentement de la personne qu'il mentionne ne couvre pas toutes les données qu'il contient",
  ),
  unsafeAttachmentName: L(
    'an attachment has a name that is not allowed (it could be written outside its folder)',
    'een bijlage heeft een naam die niet is toegestaan (ze zou buiten haar map kunnen worden geschreven)',
    "une pièce jointe porte un nom non autorisé (elle pourrait être écrite hors de son dossier)",
  ),
  attachmentHashMismatch: L(
    "an attachment does not match the checksum the sender signed",
    'een bijlage komt niet overeen met de controlesom die de afzender ondertekende',
    "une pièce jointe ne correspond pas à la somme de contrôle signée par l'expéditeur",
  ),
  unknownPackage: L(
    'the receipt acknowledges a package this organisation did not send',
    'het ontvangstbewijs bevestigt een pakket dat deze organisatie niet verstuurde',
    "l'accusé de réception confirme un paquet que cette organisation n'a pas envoyé",
  ),
  receiptFromWrongPartner: L(
    'the receipt comes from an organisation the package was not sent to',
    'het ontvangstbewijs komt van een organisatie waaraan het pakket niet werd verstuurd',
    "l'accusé de réception provient d'une organisation à laquelle le paquet n'a pas été envoyé",
  ),
  declined: L(
    'the receiving organisation declined the handover',
    'de ontvangende organisatie weigerde de overdracht',
    "l'organisation destinataire a refusé le transfert",
  ),
};
