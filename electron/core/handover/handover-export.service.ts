/**
 * Exporting a handover (see handover.service.ts for who may and the consent rule): the package, as
 * one file in memory (IPC) or streamed to a new file (CLI), and the printable summary. Every check is
 * made in one read before anything is built; refusals are audited.
 */
import { rmSync } from 'node:fs';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { ConsentsRepo } from '../../../db/consents.repo';
import type { Db } from '../../../db/connection';
import { HandoversRepo, type HandoverRow } from '../../../db/handover.repo';
import { type PersonRow } from '../../../db/persons.repo';
import type { Country } from '../../../shared/domain';
import { AppError, isAppError, type ErrorKey } from '../../../shared/errors';
import { HANDOVER_PACKAGE_MAX_BYTES, type HandoverView, type OutputFile } from '../../../shared/handover/handover.ipc';
import type { HandoverSection } from '../../../shared/handover/package.schema';
import type { SessionUser } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';
import { personSubject } from '../persons/person-access';
import type { VaultService } from '../vault/vault.service';
import { encodeFile } from './file-transfer';
import { writeNewFile } from '../files/exclusive-file';
import { sectionsOf } from './handover-content';
import { HandoverKeysService } from './keys.service';
import { canExchangeWith, type OrganisationKeys } from './org-keys';
import { buildManifest, packageParts, type AttachmentInput, type HandoverContent } from './package';
import { summaryPdf } from './summary-pdf';
import { HandoverReader } from './handover-reader';
import { consentForPartner, missingCategories } from './handover-consent';

/** The attachments of one package, in bytes: base64url makes the file 4/3 as large, under the 96 MiB cap. */
export const HANDOVER_MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

const EXPORT_ERROR_KEYS: Record<string, ErrorKey> = {
  'handover.recipientNotVerified': 'handoverRecipientNotVerified',
  'handover.recipientIsSelf': 'handoverRecipientIsSelf',
  'handover.consentNotCovered': 'handoverConsentNotCovered',
  'handover.unsafeAttachmentName': 'handoverUnsafeAttachmentName',
  'handover.invalidContent': 'handoverInvalidContent',
};

/** The pure parts' VALIDATION `handover.<reason>` errors, with their own message key. */
function withExportMessage(e: unknown): unknown {
  if (isAppError(e) && e.code === 'VALIDATION' && e.details?.reason && EXPORT_ERROR_KEYS[e.details.reason]) {
    return new AppError('VALIDATION', EXPORT_ERROR_KEYS[e.details.reason] as ErrorKey, { categories: '' }, e.details);
  }
  return e;
}

export function packageFileName(packageId: string): string {
  return `handover-${packageId.slice(0, 8)}.handover`;
}

export function summaryFileName(handoverId: string): string {
  return `handover-summary-${handoverId.replace(/-/g, '').slice(0, 8)}.pdf`;
}

export interface ExportChoice {
  handoverId: string;
  sections: HandoverSection[];
  attachmentIds: string[];
  note: string | null;
  validityDays: number;
}

interface PreparedExport {
  handover: HandoverRow;
  person: PersonRow;
  content: HandoverContent;
  /** Name, type and size of each chosen attachment (also when their bytes are not read). */
  attachmentMeta: { name: string; mediaType: string; size: number }[];
  sender: OrganisationKeys;
}

export class HandoverExportService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
    private readonly keys: HandoverKeysService,
    private readonly reader: HandoverReader,
  ) {}

  /**
   * Everything an export needs, checked in one read: the handover (open), the partner (verified,
   * unchanged), the consent (covers the choice and names the partner), the attachments (of this person,
   * within the size cap). Throws the refusal; builds nothing.
   */
  private prepare(db: Db, actor: SessionUser, choice: ExportChoice, forPdf: boolean): PreparedExport {
    const { handover, person } = this.reader.reachable(db, actor, choice.handoverId);
    this.reader.editable(handover);
    const partner = this.reader.partnerOf(db, handover.partnerOrgId);
    if (!canExchangeWith(partner)) throw new AppError('CONFLICT', 'handoverRecipientNotVerified', undefined, { reason: 'handover.recipientNotVerified' });
    const today = this.reader.today();
    const consent = consentForPartner(new ConsentsRepo(db).of(person.id), partner, today);
    if (!consent) throw new AppError('RULE_VIOLATION', 'handoverNoConsent', undefined, { reason: 'handover.noConsent' });
    const missing = missingCategories(consent, choice.sections, choice.attachmentIds.length > 0);
    if (missing.length > 0) {
      throw new AppError('RULE_VIOLATION', 'handoverConsentNotCovered', { categories: missing.join(', ') }, { reason: 'handover.consentNotCovered' });
    }
    const attachments: AttachmentInput[] = [];
    const attachmentMeta: PreparedExport['attachmentMeta'] = [];
    const repo = new AttachmentsRepo(db);
    let total = 0;
    for (const id of choice.attachmentIds) {
      const row = repo.byId(id);
      if (!row || row.personId !== person.id) throw new AppError('NOT_FOUND', 'notFound');
      total += row.sizeBytes;
      if (total > HANDOVER_MAX_ATTACHMENT_BYTES) {
        throw new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' });
      }
      attachmentMeta.push({ name: row.fileName, mediaType: row.mediaType, size: row.sizeBytes });
      // The printable summary lists attachments by name only: their bytes are not read for it.
      if (forPdf) continue;
      const bytes = repo.content(id);
      if (!bytes) throw new AppError('NOT_FOUND', 'notFound');
      attachments.push({ name: row.fileName, mediaType: row.mediaType, bytes });
    }
    const created = this.clock.now();
    const content: HandoverContent = {
      recipient: partner,
      purpose: { code: 'handover', note: choice.note },
      senderCaseCode: person.caseCode,
      consent: { givenOn: consent.givenOn, categories: [...consent.categories] },
      sections: sectionsOf(db, person, choice.sections, today),
      attachments,
      createdAt: created,
      expiresAt: new Date(created.getTime() + choice.validityDays * 24 * 60 * 60 * 1000),
    };
    return { handover, person, content, attachmentMeta, sender: this.keys.currentKeys(db) };
  }

  /** Audits a refused export in its own transaction (the export wrote nothing) and rethrows it with its message. */
  private refuseExport(actor: SessionUser, choice: ExportChoice, e: unknown): never {
    const err = withExportMessage(e);
    if (isAppError(err) && err.code !== 'NOT_FOUND' && err.code !== 'LOCKED' && err.code !== 'FORBIDDEN') {
      try {
        this.vault.write(({ db, audit }) => {
          const h = new HandoversRepo(db).byId(choice.handoverId);
          audit({
            actorId: actor.id,
            actorName: actor.username,
            action: 'handover.exportRefused',
            subjectType: h ? 'person' : null,
            subjectId: h?.personId ?? null,
            details: { handoverId: choice.handoverId, reason: err.details?.reason ?? err.key },
          });
        });
      } catch {
        // Locked meanwhile: the refusal itself still reaches the user.
      }
    }
    throw err;
  }

  /** Records an exported package and moves the handover to 'sent'. */
  private recordExport(p: PreparedExport, packageId: string, bytes: number, sections: HandoverSection[]): HandoverView {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const repo = new HandoversRepo(db);
      const handover = repo.byId(p.handover.id);
      if (!handover) throw new AppError('NOT_FOUND', 'notFound');
      this.reader.editable(handover);
      const expiresAt = (p.content.expiresAt as Date).toISOString();
      repo.insertSentPackage({
        packageId,
        handoverId: handover.id,
        recipientOrgId: p.content.recipient.orgId,
        recipientFingerprint: p.content.recipient.fingerprint,
        createdAt: p.content.createdAt.toISOString(),
        expiresAt,
        sections,
        attachmentCount: p.content.attachments.length,
        bytes,
        exportedBy: actor.id,
        receiptId: null,
        receiptOutcome: null,
        receiptReason: null,
        receiptAt: null,
        closedAt: null,
        deletionDueOn: null,
      });
      repo.update(handover.id, { status: 'sent', updatedAt: now });
      audit({
        ...personSubject(actor, p.person.id),
        action: 'handover.export',
        details: {
          handoverId: handover.id,
          packageId,
          partnerOrgId: p.content.recipient.orgId,
          sections: sections.join(','),
          attachments: p.content.attachments.length,
          bytes,
        },
      });
      return this.reader.view(db, repo.byId(handover.id) as HandoverRow, p.person);
    });
  }

  /** The package as one file in memory (IPC). */
  async export(choice: ExportChoice): Promise<{ file: OutputFile; packageId: string; expiresAt: string; handover: HandoverView }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    let prepared: PreparedExport;
    let packageId: string;
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, choice, false));
      packageId = buildManifest(prepared.content, prepared.sender).packageId;
    } catch (e) {
      this.refuseExport(actor, choice, e);
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const part of packageParts({ ...prepared.content, packageId }, prepared.sender)) {
      size += part.length;
      if (size > HANDOVER_PACKAGE_MAX_BYTES) this.refuseExport(actor, choice, new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' }));
      parts.push(part);
    }
    const bytes = Buffer.concat(parts);
    parts.length = 0;
    const handover = this.recordExport(prepared, packageId, bytes.length, choice.sections);
    return { file: encodeFile(packageFileName(packageId), bytes), packageId, expiresAt: (prepared.content.expiresAt as Date).toISOString(), handover };
  }

  /**
   * The package streamed to a new file (CLI, bench): created exclusively (an existing file or a
   * planted symbolic link at `path` is refused, never replaced or followed), then recorded.
   */
  async exportToFile(choice: ExportChoice, path: string): Promise<{ packageId: string; bytes: number; expiresAt: string }> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    let prepared: PreparedExport;
    let packageId: string;
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, choice, false));
      packageId = buildManifest(prepared.content, prepared.sender).packageId;
    } catch (e) {
      this.refuseExport(actor, choice, e);
    }
    let size = 0;
    // Written beside the target and published only if nothing has the target's name by then
    // (core/files/exclusive-file.ts); a refused or failed export leaves no file behind.
    await writeNewFile(path, async (fh) => {
      for await (const part of packageParts({ ...prepared.content, packageId }, prepared.sender)) {
        size += part.length;
        if (size > HANDOVER_PACKAGE_MAX_BYTES) {
          this.refuseExport(actor, choice, new AppError('VALIDATION', 'handoverTooLarge', { maxMb: HANDOVER_MAX_ATTACHMENT_BYTES / (1024 * 1024) }, { reason: 'handover.tooLarge' }));
        }
        await fh.write(part);
      }
    }).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST' ? new AppError('CONFLICT', 'fileExists') : e;
    });
    try {
      this.recordExport(prepared, packageId, size, choice.sections);
    } catch (e) {
      // Not recorded (e.g. locked meanwhile): the file this call just created goes too.
      rmSync(path, { force: true });
      throw e;
    }
    return { packageId, bytes: size, expiresAt: (prepared.content.expiresAt as Date).toISOString() };
  }

  /**
   * The printable summary (PDF) of the same minimised content, with this organisation's fingerprint,
   * for police or magistrates without Passerelle. Same checks as an export; audited; the file name
   * carries no personal data.
   */
  async summary(choice: Omit<ExportChoice, 'note' | 'validityDays'>): Promise<OutputFile> {
    const actor = this.vault.requireRole('admin', 'coordinator');
    const full: ExportChoice = { ...choice, note: null, validityDays: 14 };
    let prepared: PreparedExport;
    let org: { name: string; country: Country };
    try {
      prepared = this.vault.read((db) => this.prepare(db, actor, full, true));
      org = prepared.sender.card.organisation;
    } catch (e) {
      this.refuseExport(actor, full, e);
    }
    const bytes = await summaryPdf({
      sender: { name: org.name, country: org.country, fingerprint: prepared.sender.fingerprint.display, fingerprintHex: prepared.sender.fingerprint.hex },
      recipient: { name: prepared.content.recipient.card.organisation.name, country: prepared.content.recipient.card.organisation.country },
      caseCode: prepared.person.caseCode,
      createdAt: prepared.content.createdAt,
      consent: prepared.content.consent,
      sections: prepared.content.sections,
      attachments: prepared.attachmentMeta,
    });
    this.vault.write(({ audit }) =>
      audit({
        ...personSubject(actor, prepared.person.id),
        action: 'handover.summaryPdf',
        details: { handoverId: prepared.handover.id, sections: choice.sections.join(','), attachments: choice.attachmentIds.length },
      }),
    );
    return encodeFile(summaryFileName(prepared.handover.id), bytes);
  }
}
