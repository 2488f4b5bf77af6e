/**
 * Receipts on the sending side: the partner's signed answer to a package closes the handover (or
 * reopens it when declined) and sets the day the sender's copy is due for deletion.
 */
import { HandoversRepo, type HandoverRow } from '../../../db/handover.repo';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { addDays } from '../../../shared/dates/calendar-date';
import { AppError, isAppError } from '../../../shared/errors';
import { type HandoverView } from '../../../shared/handover/handover.ipc';
import { REJECTION_MESSAGES } from '../../../shared/handover/reasons';
import { en } from '../../../shared/i18n/en';
import type { Clock } from '../ports';
import type { VaultService } from '../vault/vault.service';
import { decodeFileBase64 } from './file-transfer';
import { HandoverKeysService } from './keys.service';
import { canExchangeWith } from './org-keys';
import { openReceipt, type ReceiptPreview } from './receipt';
import { type PackageInput } from './package-source';
import { HandoverReader } from './handover-reader';
import { HandoverSettingsService } from './handover-settings.service';

function receiptRejected(e: unknown): unknown {
  if (isAppError(e) && e.code === 'PACKAGE_REJECTED') {
    const reason = e.details?.reason as keyof typeof REJECTION_MESSAGES | undefined;
    // 'replay' of a receipt has its own words (the package text says "package").
    const text = reason === 'replay' ? en.handoverReasons.receiptReplay : reason && REJECTION_MESSAGES[reason] ? REJECTION_MESSAGES[reason].en : String(e.params?.reason ?? '');
    return new AppError('PACKAGE_REJECTED', 'receiptRejected', { reason: text }, e.details);
  }
  return e;
}

export class HandoverReceiptService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
    private readonly reader: HandoverReader,
    private readonly settings: HandoverSettingsService,
  ) {}

  /** Imports the recipient's receipt (base64 over IPC). */
  importReceipt(input: { fileBase64: string }): Promise<HandoverView> {
    this.vault.requireRole('admin', 'coordinator');
    return this.importReceiptFrom(decodeFileBase64(input.fileBase64));
  }

  /**
   * Opens a receipt (openReceipt: signature of the verified partner the package was sent to, the
   * package one of ours, not seen before) and, in one transaction, re-checks the replay and the
   * partner, records the receipt id, closes the package and the handover, and sets the day the
   * sender's copy is due for deletion (accepted receipts: receipt day + retention days). Refusals and
   * the import are audited.
   */
  async importReceiptFrom(input: PackageInput): Promise<HandoverView> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const lookups = this.vault.read((db) => ({ keys: this.keys.ownKeys(db), partners: new Map(this.keys.partners(db).map((p) => [p.orgId, p])) }));
    let opened: ReceiptPreview;
    try {
      opened = await openReceipt(input, {
        ownKeys: lookups.keys,
        knownPartners: lookups.partners,
        sentPackages: {
          get: (packageId) => this.vault.read((db) => {
            const r = new HandoversRepo(db).sentPackage(packageId);
            return r ? { recipientOrgId: r.recipientOrgId, createdAt: r.createdAt } : undefined;
          }),
        },
        seenReceiptIds: { has: (id) => this.vault.read((db) => new HandoversRepo(db).receiptSeen(id)) },
        now: this.clock.now(),
      });
    } catch (e) {
      const err = receiptRejected(e);
      if (isAppError(err) && err.code === 'PACKAGE_REJECTED') {
        this.vault.write(({ audit }) =>
          audit({ actorId: actor.id, actorName: actor.username, action: 'handover.receiptRefused', details: { reason: err.details?.reason ?? 'malformed' } }),
        );
      }
      throw err;
    }
    const r = opened.receipt;
    return this.vault.write(({ db, now, audit }) => {
      const session = this.vault.requireRole('admin', 'coordinator');
      const repo = new HandoversRepo(db);
      const refuse = (reason: 'replay' | 'senderKeyChanged' | 'unknownPackage') => {
        throw receiptRejected(new AppError('PACKAGE_REJECTED', 'packageRejected', { reason: REJECTION_MESSAGES[reason].en }, { reason }));
      };
      // Re-checked inside the transaction: nothing may have changed while the receipt was being opened.
      if (repo.receiptSeen(r.receiptId)) refuse('replay');
      const partner = this.keys.partner(db, opened.signer.orgId);
      if (!partner || !canExchangeWith(partner) || partner.fingerprint !== opened.signer.fingerprint) refuse('senderKeyChanged');
      const sent = repo.sentPackage(r.packageId);
      if (!sent) return refuse('unknownPackage');
      if (sent.receiptId) throw new AppError('CONFLICT', 'handoverReceiptExists');
      const handover = repo.byId(sent.handoverId);
      if (!handover) return refuse('unknownPackage');
      const accepted = r.outcome === 'accepted';
      repo.insertSeenReceipt(r.receiptId, r.packageId, now);
      repo.updateSentPackage(sent.packageId, {
        receiptId: r.receiptId,
        receiptOutcome: r.outcome,
        receiptReason: r.reason,
        receiptAt: r.at,
        closedAt: now,
        // Counted from the day the receipt is imported here (the day the handover closes).
        deletionDueOn: accepted ? addDays(this.reader.today(), this.settings.retentionDays(db)) : null,
      });
      // An accepted receipt closes the handover; a rejected one leaves it open ('preparing' again) for a new package or a cancellation.
      repo.update(handover.id, accepted ? { status: 'closed', closedAt: now, updatedAt: now } : { status: 'preparing', updatedAt: now });
      audit({
        actorId: session.id,
        actorName: session.username,
        action: 'handover.receiptImport',
        subjectType: 'person',
        subjectId: handover.personId,
        details: { handoverId: handover.id, packageId: r.packageId, receiptId: r.receiptId, outcome: r.outcome, reason: r.reason },
      });
      const person = new PersonsRepo(db).byId(handover.personId) as PersonRow;
      return this.reader.view(db, repo.byId(handover.id) as HandoverRow, person);
    });
  }
}
