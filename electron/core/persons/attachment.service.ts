/**
 * Attachments: scans, PDFs and photos kept as BLOBs inside the encrypted database,
 * never as files on disk. The size is checked on the base64 text before anything is decoded.
 */
import { randomUUID } from 'node:crypto';
import { AttachmentsRepo, type AttachmentRow } from '../../../db/attachments.repo';
import { AppError } from '../../../shared/errors';
import {
  ATTACHMENT_MAX_BASE64_LENGTH,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_MEGABYTES,
  bytesMatchMediaType,
  type AttachmentMeta,
} from '../../../shared/persons/attachment.schema';
import type { z } from 'zod';
import type { attachmentAddInputSchema } from '../../../shared/persons/attachment.schema';
import type { VaultService } from '../vault/vault.service';
import { personSubject, reachablePerson } from './person-access';

export type AttachmentAddInput = z.output<typeof attachmentAddInputSchema>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toAttachmentMeta(row: AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind,
    mediaType: row.mediaType,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    documentDate: row.documentDate ?? null,
    addedAt: row.addedAt,
    addedBy: row.addedBy ?? null,
  };
}

function tooLarge(): AppError {
  return new AppError('VALIDATION', 'attachmentTooLarge', { maxMb: ATTACHMENT_MAX_MEGABYTES }, {
    fields: [{ path: 'contentBase64', code: 'too_big', message: `The file is larger than ${ATTACHMENT_MAX_MEGABYTES} MB`, maximum: ATTACHMENT_MAX_BYTES }],
  });
}

function unreadable(): AppError {
  return new AppError('VALIDATION', 'attachmentUnreadable', undefined, {
    fields: [{ path: 'contentBase64', code: 'invalid_base64', message: 'Not base64' }],
  });
}

/** Decodes the base64 text, refusing it by its length before decoding when it would exceed the cap. */
export function decodeAttachment(contentBase64: string): Buffer {
  if (contentBase64.length > ATTACHMENT_MAX_BASE64_LENGTH) throw tooLarge();
  if (!BASE64.test(contentBase64)) throw unreadable();
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw unreadable();
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
  return bytes;
}

export class AttachmentService {
  constructor(private readonly vault: VaultService) {}

  add(input: AttachmentAddInput): AttachmentMeta {
    const actor = this.vault.requireSession();
    const bytes = decodeAttachment(input.contentBase64);
    if (!bytesMatchMediaType(bytes, input.mediaType)) {
      throw new AppError('VALIDATION', 'attachmentTypeMismatch', { mediaType: input.mediaType }, {
        fields: [{ path: 'mediaType', code: 'type_mismatch', message: 'The content does not match the media type' }],
      });
    }
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const row: AttachmentRow = {
        id: randomUUID(),
        personId: person.id,
        kind: input.kind,
        mediaType: input.mediaType,
        fileName: input.fileName,
        sizeBytes: bytes.length,
        documentDate: input.documentDate,
        addedAt: now,
        addedBy: actor.id,
      };
      new AttachmentsRepo(db).insert(row, bytes);
      audit({
        ...personSubject(actor, person.id),
        action: 'attachment.add',
        details: { attachmentId: row.id, kind: row.kind, mediaType: row.mediaType, sizeBytes: row.sizeBytes },
      });
      return toAttachmentMeta(row);
    });
  }

  private reachable(db: Parameters<Parameters<VaultService['read']>[0]>[0], attachmentId: string): AttachmentRow {
    const actor = this.vault.requireSession();
    const row = new AttachmentsRepo(db).byId(attachmentId);
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    reachablePerson(db, actor, row.personId);
    return row;
  }

  /** The file, for viewing or saving: written to the audit trail as a view. */
  get(input: { attachmentId: string }): { attachment: AttachmentMeta; contentBase64: string } {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, audit }) => {
      const row = this.reachable(db, input.attachmentId);
      const content = new AttachmentsRepo(db).content(row.id);
      if (!content) throw new AppError('NOT_FOUND', 'notFound');
      audit({ ...personSubject(actor, row.personId), action: 'attachment.view', details: { attachmentId: row.id } });
      return { attachment: toAttachmentMeta(row), contentBase64: content.toString('base64') };
    });
  }

  remove(input: { attachmentId: string }): void {
    const actor = this.vault.requireSession();
    this.vault.write(({ db, audit }) => {
      const row = this.reachable(db, input.attachmentId);
      new AttachmentsRepo(db).remove(row.id);
      audit({ ...personSubject(actor, row.personId), action: 'attachment.remove', details: { attachmentId: row.id, kind: row.kind } });
    });
  }
}
