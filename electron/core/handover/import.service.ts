/**
 * Handover packages on the receiving side: preview, accept, decline, and
 * the receipts that go back to the sender.
 *
 * - `preview` opens the package (openPackage: size cap first, strict JOSE, verified sender with
 *   unchanged keys, signature with the stored key, recipient, replay, validity, consent, names,
 *   hashes) and returns what it holds. It writes nothing, except one audit entry when it refuses
 *   a package (every refusal is audited, with the reason code only).
 * - `accept` opens the package again (the bytes the user previewed are not trusted to be the same)
 *   and then, in ONE transaction: re-checks the replay and the sender's partner record (they may have
 *   changed while the package was being decrypted), records the package id, creates the person with a
 *   new case code of this vault linked to the sender's case code, keeps the sender's sections as the
 *   read-only origin history, stores the attachments, stores the signed 'accepted' receipt, audits.
 *   Any refusal writes nothing but its audit entry.
 * - `decline` does the same checks and records the package id as declined (so it cannot be imported
 *   later by mistake), with a signed 'rejected' receipt (reason 'declined').
 * Administrators and coordinators import; the person created goes to the caseworker chosen (or none).
 */
import { randomUUID } from 'node:crypto';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import type { Db } from '../../../db/connection';
import { HandoverImportsRepo, type HandoverImportRow } from '../../../db/handover.repo';
import { PersonsRepo, type PersonRow } from '../../../db/persons.repo';
import { SettingsRepo } from '../../../db/settings.repo';
import { UsersRepo } from '../../../db/users.repo';
import { AppError, isAppError } from '../../../shared/errors';
import type { ImportPreview, ImportSummary, OriginHistory, OutputFile } from '../../../shared/handover/handover.ipc';
import { HANDOVER_PACKAGE_MAX_BYTES } from '../../../shared/handover/handover.ipc';
import type { Partner } from '../../../shared/handover/key-card.schema';
import { REJECTION_MESSAGES, type PackageRejectionReason } from '../../../shared/handover/reasons';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  bytesMatchMediaType,
  sanitiseFileName,
  type AttachmentMediaType,
} from '../../../shared/persons/attachment.schema';
import { deriveCaseCodePrefix, formatCaseCode } from '../../../shared/persons/case-code';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';
import { reachablePerson, todayOf } from '../persons/person-access';
import { fieldColumns } from '../persons/person-mapping';
import type { VaultService } from '../vault/vault.service';
import { decodeFileBase64, encodeFile } from './file-transfer';
import { personFieldsFromSections } from './handover-content';
import { HandoverKeysService, fingerprintView } from './keys.service';
import { canExchangeWith, fingerprintOf, type OrganisationKeys } from './org-keys';
import { openPackage, partyOf, type PackagePreview } from './package';
import type { PackageInput } from './package-source';
import { createReceipt } from './receipt';

export function receiptFileName(receiptId: string): string {
  return `receipt-${receiptId.slice(0, 8)}.handover-receipt`;
}

function storable(a: { mediaType: string; size: number; bytes?: Uint8Array }): a is { mediaType: AttachmentMediaType; size: number; bytes?: Uint8Array } {
  if (!(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(a.mediaType) || a.size > ATTACHMENT_MAX_BYTES || a.size === 0) return false;
  return a.bytes === undefined || bytesMatchMediaType(a.bytes, a.mediaType as AttachmentMediaType);
}

function rejected(reason: PackageRejectionReason): AppError {
  return new AppError('PACKAGE_REJECTED', 'packageRejected', { reason: REJECTION_MESSAGES[reason].en }, { reason });
}

export class HandoverImportService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
  ) {}

  /** Opens a package with this vault's keys, partners and seen ids. Reads only. */
  private async open(input: PackageInput, actor: SessionUser, stage: 'preview' | 'accept' | 'decline' | 'inspect'): Promise<PackagePreview> {
    const lookups = this.vault.read((db) => ({
      keys: this.keys.ownKeys(db),
      partners: new Map(this.keys.partners(db).map((p) => [p.orgId, p])),
    }));
    if (lookups.keys.length === 0) throw new AppError('CONFLICT', 'keysMissing');
    try {
      return await openPackage(input, {
        recipientKeys: lookups.keys,
        knownPartners: lookups.partners,
        seenPackageIds: { has: (id) => this.vault.read((db) => new HandoverImportsRepo(db).packageSeen(id)) },
        now: this.clock.now(),
        maxBytes: HANDOVER_PACKAGE_MAX_BYTES,
      });
    } catch (e) {
      if (isAppError(e) && e.code === 'PACKAGE_REJECTED') this.auditRefusal(actor, stage, e.details?.reason ?? 'malformed');
      throw e;
    }
  }

  private auditRefusal(actor: SessionUser, stage: string, reason: string): void {
    try {
      this.vault.write(({ audit }) =>
        audit({ actorId: actor.id, actorName: actor.username, action: 'handover.importRefused', details: { stage, reason } }),
      );
    } catch {
      // Locked meanwhile: the refusal still reaches the user.
    }
  }

  private previewOf(p: PackagePreview): ImportPreview {
    const m = p.manifest;
    return {
      packageId: m.packageId,
      bytes: p.bytes,
      createdAt: m.createdAt,
      expiresAt: m.expiresAt,
      sender: { orgId: m.sender.orgId, name: m.sender.name, country: m.sender.country, fingerprint: fingerprintView(fingerprintOf(p.sender.card)) },
      recipient: { orgId: m.recipient.orgId, name: m.recipient.name, country: m.recipient.country },
      purpose: { code: m.purpose.code, note: m.purpose.note },
      senderCaseCode: m.senderCaseCode,
      consent: { givenOn: m.consent.givenOn, categories: [...m.consent.categories] },
      sections: m.sections as Record<string, Record<string, unknown>>,
      attachments: p.attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256, storable: storable(a) })),
    };
  }

  /** What a package holds, verified, without writing anything (a refusal is audited). Administrators and coordinators. */
  async preview(input: { fileBase64: string }): Promise<ImportPreview> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.previewOf(await this.open(decodeFileBase64(input.fileBase64), actor, 'preview'));
  }

  /** The same for a file on disk (CLI `handover inspect`): the size is checked before it is read. */
  async previewFile(path: string): Promise<ImportPreview> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.previewOf(await this.open({ path }, actor, 'inspect'));
  }

  async accept(input: { fileBase64: string; caseworkerId: string | null }): Promise<{ importId: string; personId: string; caseCode: string; receipt: OutputFile }> {
    this.vault.requireRole('admin', 'coordinator');
    return this.acceptFrom(decodeFileBase64(input.fileBase64), input.caseworkerId);
  }

  /** Re-checks, inside the write transaction, what may have changed while the package was opened. */
  private recheck(db: Db, opened: PackagePreview, imports: HandoverImportsRepo): Partner {
    if (imports.packageSeen(opened.manifest.packageId)) throw rejected('replay');
    const partner = this.keys.partner(db, opened.sender.orgId);
    if (!partner) throw rejected('unknownSender');
    if (partner.status === 'keyChanged' || partner.fingerprint !== opened.sender.fingerprint) throw rejected('senderKeyChanged');
    if (!canExchangeWith(partner)) throw rejected('unverifiedSender');
    const own = this.keys.ownKeys(db).find((k) => k.card.organisation.id === opened.manifest.recipient.orgId && k.fingerprint.hex === opened.manifest.recipient.fingerprint);
    if (!own) throw rejected('wrongRecipient');
    return partner;
  }

  private async receiptFor(opened: PackagePreview, partner: Partner, own: OrganisationKeys, outcome: 'accepted' | 'rejected', at: Date): Promise<{ id: string; text: string }> {
    const id = randomUUID().replace(/-/g, '');
    const bytes = await createReceipt(
      { packageId: opened.manifest.packageId, to: partner, outcome, reason: outcome === 'accepted' ? null : 'declined', at, receiptId: id },
      own,
    );
    return { id, text: Buffer.from(bytes).toString('ascii') };
  }

  async acceptFrom(input: PackageInput, caseworkerId: string | null): Promise<{ importId: string; personId: string; caseCode: string; receipt: OutputFile }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const opened = await this.open(input, actor, 'accept');
    const m = opened.manifest;
    for (const a of opened.attachments) {
      if (!storable(a)) throw new AppError('VALIDATION', 'handoverAttachmentNotStorable', { mediaType: a.mediaType.slice(0, 80) }, { reason: 'handover.attachmentNotStorable' });
    }
    const fields = personFieldsFromSections(m.sections, m.senderCaseCode, todayOf(this.clock));
    // The receipt is signed before the transaction (signing is asynchronous); it is stored in it,
    // and handed out only after the commit.
    // Signed with the current key, also for a package sent to a key replaced since: the sender must
    // know the current card to exchange with us anyway.
    const own = this.vault.read((db) => this.keys.currentKeys(db));
    const receipt = await this.receiptFor(opened, opened.sender, own, 'accepted', this.clock.now());
    try {
      return this.vault.write(({ db, now, audit }) => {
        const session = this.vault.requireRole('admin', 'coordinator');
        const imports = new HandoverImportsRepo(db);
        this.recheck(db, opened, imports);
        if (caseworkerId) {
          const u = new UsersRepo(db).byId(caseworkerId);
          if (!u || u.status !== 'active') {
            throw new AppError('VALIDATION', 'caseworkerInvalid', undefined, {
              fields: [{ path: 'caseworkerId', code: 'invalid_assignee', message: 'Not an active staff member' }],
            });
          }
        }
        imports.insertSeenPackage({ packageId: m.packageId, senderOrgId: m.sender.orgId, outcome: 'accepted', at: now });
        const persons = new PersonsRepo(db);
        const org = new SettingsRepo(db).organisation();
        const prefix = org?.caseCodePrefix ?? deriveCaseCodePrefix(org?.name ?? '');
        const year = Number(todayOf(this.clock).slice(0, 4));
        const caseCode = formatCaseCode(prefix, year, persons.nextCaseNumber(year));
        const personId = randomUUID();
        persons.insert({
          id: personId,
          caseCode,
          ...fieldColumns(caseCode, fields),
          caseworkerId,
          isOpen: true,
          createdAt: now,
          createdBy: session.id,
          updatedAt: now,
          updatedBy: session.id,
        });
        const attachments = new AttachmentsRepo(db);
        for (const a of opened.attachments) {
          attachments.insert(
            {
              id: randomUUID(),
              personId,
              kind: 'other',
              mediaType: a.mediaType as AttachmentMediaType,
              fileName: sanitiseFileName(a.name),
              sizeBytes: a.size,
              documentDate: null,
              addedAt: now,
              addedBy: session.id,
            },
            Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
          );
        }
        const importId = randomUUID();
        const row: HandoverImportRow = {
          id: importId,
          packageId: m.packageId,
          outcome: 'accepted',
          personId,
          senderOrgId: m.sender.orgId,
          senderName: m.sender.name,
          senderCountry: m.sender.country,
          senderFingerprint: m.sender.fingerprint,
          senderCaseCode: m.senderCaseCode,
          packageCreatedAt: m.createdAt,
          consent: { givenOn: m.consent.givenOn, categories: [...m.consent.categories] },
          origin: m.sections as Record<string, unknown>,
          importedAt: now,
          importedBy: session.id,
          receipt: receipt.text,
          receiptId: receipt.id,
        };
        imports.insert(row);
        audit({
          actorId: session.id,
          actorName: session.username,
          action: 'handover.import',
          subjectType: 'person',
          subjectId: personId,
          details: {
            importId,
            packageId: m.packageId,
            senderOrgId: m.sender.orgId,
            sections: Object.keys(m.sections).join(','),
            attachments: opened.attachments.length,
            receiptId: receipt.id,
          },
        });
        return {
          importId,
          personId,
          caseCode,
          receipt: encodeFile(receiptFileName(receipt.id), Buffer.from(receipt.text, 'ascii')),
        };
      });
    } catch (e) {
      if (isAppError(e) && e.code === 'PACKAGE_REJECTED') this.auditRefusal(actor, 'accept', e.details?.reason ?? 'malformed');
      throw e;
    }
  }

  async decline(input: { fileBase64: string }): Promise<{ importId: string; receipt: OutputFile }> {
    this.vault.requireRole('admin', 'coordinator');
    return this.declineFrom(decodeFileBase64(input.fileBase64));
  }

  /** Declines a package that opened fine: records it as seen (declined) and makes a signed 'rejected' receipt. */
  async declineFrom(input: PackageInput): Promise<{ importId: string; receipt: OutputFile }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const opened = await this.open(input, actor, 'decline');
    const m = opened.manifest;
    // Signed with the current key, also for a package sent to a key replaced since: the sender must
    // know the current card to exchange with us anyway.
    const own = this.vault.read((db) => this.keys.currentKeys(db));
    const receipt = await this.receiptFor(opened, opened.sender, own, 'rejected', this.clock.now());
    try {
      return this.vault.write(({ db, now, audit }) => {
        const session = this.vault.requireRole('admin', 'coordinator');
        const imports = new HandoverImportsRepo(db);
        this.recheck(db, opened, imports);
        imports.insertSeenPackage({ packageId: m.packageId, senderOrgId: m.sender.orgId, outcome: 'declined', at: now });
        const importId = randomUUID();
        imports.insert({
          id: importId,
          packageId: m.packageId,
          outcome: 'declined',
          personId: null,
          senderOrgId: m.sender.orgId,
          senderName: m.sender.name,
          senderCountry: m.sender.country,
          senderFingerprint: m.sender.fingerprint,
          senderCaseCode: m.senderCaseCode,
          packageCreatedAt: m.createdAt,
          consent: { givenOn: m.consent.givenOn, categories: [...m.consent.categories] },
          origin: null,
          importedAt: now,
          importedBy: session.id,
          receipt: receipt.text,
          receiptId: receipt.id,
        });
        audit({
          actorId: session.id,
          actorName: session.username,
          action: 'handover.decline',
          details: { importId, packageId: m.packageId, senderOrgId: m.sender.orgId, receiptId: receipt.id },
        });
        return { importId, receipt: encodeFile(receiptFileName(receipt.id), Buffer.from(receipt.text, 'ascii')) };
      });
    } catch (e) {
      if (isAppError(e) && e.code === 'PACKAGE_REJECTED') this.auditRefusal(actor, 'decline', e.details?.reason ?? 'malformed');
      throw e;
    }
  }

  /** The signed receipt of an import, again (to send it another way). */
  receipt(input: { importId: string }): OutputFile {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, audit }) => {
      const row = new HandoverImportsRepo(db).byId(input.importId);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      audit({ actorId: actor.id, actorName: actor.username, action: 'handover.receiptExport', details: { importId: row.id, receiptId: row.receiptId } });
      return encodeFile(receiptFileName(row.receiptId), Buffer.from(row.receipt, 'ascii'));
    });
  }

  /** The receipt of the import of a package id (CLI `handover receipt`). */
  importIdOfPackage(packageId: string): string {
    this.vault.requireRole('admin', 'coordinator');
    const row = this.vault.read((db) => new HandoverImportsRepo(db).all().find((r) => r.packageId === packageId.toLowerCase()));
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    return row.id;
  }

  imports(): ImportSummary[] {
    this.vault.requireRole('admin', 'coordinator');
    return this.vault.read((db) => {
      const persons = new PersonsRepo(db);
      return new HandoverImportsRepo(db).all().map((r) => ({
        importId: r.id,
        packageId: r.packageId,
        outcome: r.outcome,
        personId: r.personId ?? null,
        caseCode: r.personId ? (persons.byId(r.personId)?.caseCode ?? null) : null,
        senderOrgId: r.senderOrgId,
        senderName: r.senderName,
        senderCountry: r.senderCountry,
        senderCaseCode: r.senderCaseCode,
        importedAt: r.importedAt,
      }));
    });
  }

  /** The read-only origin history of an imported person (null for a person registered here). Audited as a view. */
  origin(input: { personId: string }): OriginHistory | null {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, audit }) => {
      const person: PersonRow = reachablePerson(db, actor, input.personId);
      const row = new HandoverImportsRepo(db).ofPerson(person.id);
      if (!row || !row.origin) return null;
      audit({ actorId: actor.id, actorName: actor.username, action: 'person.view', subjectType: 'person', subjectId: person.id, details: { origin: row.id } });
      return {
        importId: row.id,
        senderName: row.senderName,
        senderCountry: row.senderCountry,
        senderCaseCode: row.senderCaseCode,
        packageCreatedAt: row.packageCreatedAt,
        importedAt: row.importedAt,
        consent: row.consent,
        sections: row.origin as Record<string, Record<string, unknown>>,
        readOnly: true,
      };
    });
  }

  /** The party this vault answers as (tests). */
  ownParty(): ReturnType<typeof partyOf> {
    return this.vault.read((db) => partyOf(this.keys.currentKeys(db)));
  }
}
