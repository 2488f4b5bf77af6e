/** Attachments: metadata rows and their BLOBs (inside the encrypted database). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './connection';
import { attachmentContents, attachments } from './schema';

export type AttachmentRow = typeof attachments.$inferSelect;

export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  byId(id: string): AttachmentRow | undefined {
    return this.db.select().from(attachments).where(eq(attachments.id, id)).get();
  }

  of(personId: string): AttachmentRow[] {
    return this.db.select().from(attachments).where(eq(attachments.personId, personId)).orderBy(asc(attachments.addedAt)).all();
  }

  insert(row: AttachmentRow, content: Buffer): void {
    this.db.insert(attachments).values(row).run();
    this.db.insert(attachmentContents).values({ attachmentId: row.id, content }).run();
  }

  content(id: string): Buffer | undefined {
    return this.db.select({ content: attachmentContents.content }).from(attachmentContents).where(eq(attachmentContents.attachmentId, id)).get()?.content;
  }

  /** Deletes the metadata and the content (checklist answers pointing to it lose the link). */
  remove(id: string): void {
    this.db.delete(attachmentContents).where(eq(attachmentContents.attachmentId, id)).run();
    this.db.delete(attachments).where(eq(attachments.id, id)).run();
  }
}
