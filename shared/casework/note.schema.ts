/**
 * Case notes and the contact log: dated entries about one person, written by a staff member, with a
 * type, an optional duration and an optional attachment of the same person. A note can be changed by
 * its author for a short time after it was written (NOTE_EDIT_WINDOW_MINUTES), to fix a typo; after
 * that it stays as written and is corrected by a new entry that names the one it corrects, so the
 * record keeps what was known when (docs/casework.md).
 */
import { z } from 'zod';
import { calendarDateSchema } from '../dates/calendar-date';
import { expectedVersionSchema, recordVersionSchema } from '../record-version';

export const NOTE_TYPES = ['meeting', 'phoneCall', 'visit', 'accompaniment', 'message', 'other'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];
export const noteTypeSchema = z.enum(NOTE_TYPES);

/** How long the author may still change a note after writing it; afterwards only a correction. */
export const NOTE_EDIT_WINDOW_MINUTES = 30;
export const NOTE_BODY_MAX = 20_000;
/** A contact of more than a day is two entries. */
export const NOTE_DURATION_MAX_MINUTES = 24 * 60;

/**
 * Invisible direction marks (LRM, RLM, ALM, embeddings, overrides, isolates). Phones put them around
 * names when text is copied from a chat; the search index's tokenizer takes them for letters, so a
 * name wrapped in them would never be found as a word. Dropped from notes and from search text.
 */
export const DIRECTION_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

function isDroppedControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && ch !== '\n' && ch !== '\t' && ch !== '\r') || c === 0x7f;
}

/**
 * Control characters other than line breaks and tabs are dropped (the search marks hits with two of
 * them), and so are direction marks (DIRECTION_MARKS).
 */
const bodySchema = z
  .string()
  .transform((s) => [...s.replace(DIRECTION_MARKS, '')].filter((ch) => !isDroppedControl(ch)).join('').trim())
  .pipe(z.string().min(1).max(NOTE_BODY_MAX));
const durationSchema = z.number().int().min(1).max(NOTE_DURATION_MAX_MINUTES).nullable();

/** What a note says; the same fields for a new note, a change within the window and a correction. */
export const noteFieldsSchema = z.strictObject({
  occurredOn: calendarDateSchema,
  type: noteTypeSchema,
  body: bodySchema,
  durationMinutes: durationSchema.default(null),
  attachmentId: z.uuid().nullable().default(null),
});
export type NoteFields = z.output<typeof noteFieldsSchema>;

export const noteAddInputSchema = noteFieldsSchema.extend({
  personId: z.uuid(),
  /** The note this entry corrects (same person); null for a new entry. */
  correctsId: z.uuid().nullable().default(null),
});
export type NoteAddInput = z.output<typeof noteAddInputSchema>;

export const noteUpdateInputSchema = noteFieldsSchema.extend({ id: z.uuid(), expectedVersion: expectedVersionSchema });
export type NoteUpdateInput = z.output<typeof noteUpdateInputSchema>;

export const noteListInputSchema = z.strictObject({ personId: z.uuid() });

export const noteSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  occurredOn: calendarDateSchema,
  type: noteTypeSchema,
  body: z.string(),
  durationMinutes: z.number().int().nullable(),
  attachmentId: z.string().nullable(),
  attachmentName: z.string().nullable(),
  correctsId: z.string().nullable(),
  /** The entries that correct this one, oldest first. */
  correctedBy: z.array(z.string()),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Raised by every change (the author's, from any desktop); sent back as expectedVersion. */
  version: recordVersionSchema,
  /** Until when the signed-in user may still change it; null: they may not (not the author, or too late). */
  editableUntil: z.string().nullable(),
});
export type NoteView = z.infer<typeof noteSchema>;

export const NOTE_SEARCH_MAX_WORDS = 12;
export const NOTE_SEARCH_LIMIT_MAX = 100;

export const noteSearchInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(200),
  /** Within one person; absent: every person the user may reach. */
  personId: z.uuid().optional(),
  limit: z.number().int().min(1).max(NOTE_SEARCH_LIMIT_MAX).default(20),
});

/**
 * A piece of the snippet: the hit words are `hit: true`. The renderer draws them as <mark> elements
 * from these parts, so note text is never parsed as HTML.
 */
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const noteHitSchema = z.object({
  noteId: z.uuid(),
  personId: z.uuid(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  occurredOn: calendarDateSchema,
  type: noteTypeSchema,
  snippet: z.array(snippetPartSchema),
});
export type NoteHit = z.infer<typeof noteHitSchema>;
