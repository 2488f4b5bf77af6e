/**
 * Why a handover package or a receipt is refused: one code per reason, each with its message in the
 * three UI languages. The AppError (code PACKAGE_REJECTED, key 'packageRejected') carries the code in
 * `details.reason` and the English text in `params.reason`, so the CLI prints one clear English line
 * and the UI can show the message in the user's language from this table.
 *
 * The messages complete the sentence "The handover package was refused: …" ("Het overdrachtspakket
 * werd geweigerd: …", "Le paquet de transfert a été refusé : …"): lower case, no final full stop.
 * They never contain personal data. The texts live in the translations (shared/i18n, section
 * `handoverReasons`), so translators find them with every other string; this table collects them.
 */
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { nl } from '../i18n/nl';
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

type ReasonCode = ReceiptRejectionReason | 'declined';
const ALL_REASON_CODES: readonly ReasonCode[] = [...RECEIPT_REJECTION_REASONS, 'declined'];

export const REJECTION_MESSAGES: Readonly<Record<ReasonCode, Labels>> = Object.fromEntries(
  ALL_REASON_CODES.map((code) => [code, { en: en.handoverReasons[code], nl: nl.handoverReasons[code], fr: fr.handoverReasons[code] }]),
) as Record<ReasonCode, Labels>;
