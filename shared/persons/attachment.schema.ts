/**
 * Attachments (scans, PDFs, photos of documents), stored inside the encrypted database.
 * They cross IPC as base64; the service checks the size on the base64 length before it
 * decodes anything, and checks the bytes match the declared type.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';

export const ATTACHMENT_KINDS = ['identityDocument', 'residenceDocument', 'statement', 'medical', 'legal', 'photo', 'other'] as const;
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** 25 MB (MiB) per file. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENT_MAX_MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);
/** The longest base64 text of a file within the cap. */
export const ATTACHMENT_MAX_BASE64_LENGTH = 4 * Math.ceil(ATTACHMENT_MAX_BYTES / 3);

export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export const attachmentMediaTypeSchema = z.enum(ATTACHMENT_MEDIA_TYPES);

const FILE_NAME_MAX = 120;

/**
 * A file name safe to store and to offer back in a save dialog: no folders, no control or reserved
 * characters, no leading dots, at most 120 characters (the extension is kept).
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean.length > FILE_NAME_MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, FILE_NAME_MAX - ext.length).trimEnd() + ext;
  }
  return clean.length > 0 ? clean : 'attachment';
}

/** Whether the first bytes match the declared media type (a renamed executable is not a PDF). */
export function bytesMatchMediaType(bytes: Uint8Array, mediaType: AttachmentMediaType): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (mediaType) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/webp':
      return starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50;
    case 'image/tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
  }
}

export const attachmentAddInputSchema = z.strictObject({
  personId: z.uuid(),
  kind: attachmentKindSchema,
  mediaType: attachmentMediaTypeSchema,
  fileName: z.string().max(1000).transform(sanitiseFileName),
  /** The date on the document (issue date), if known. */
  documentDate: calendarDateSchema.nullable().default(null),
  /**
   * The file as base64 (standard alphabet, padding optional). Its length is checked against
   * ATTACHMENT_MAX_BASE64_LENGTH by the service, which answers `attachmentTooLarge`.
   */
  contentBase64: z.string().min(1),
});
export type AttachmentAddInput = z.input<typeof attachmentAddInputSchema>;

export const attachmentIdInputSchema = z.strictObject({ attachmentId: z.uuid() });

export const attachmentMetaSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: attachmentKindSchema,
  mediaType: attachmentMediaTypeSchema,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  documentDate: calendarDateSchema.nullable(),
  addedAt: z.string(),
  addedBy: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

export const attachmentContentSchema = z.object({ attachment: attachmentMetaSchema, contentBase64: z.string() });
