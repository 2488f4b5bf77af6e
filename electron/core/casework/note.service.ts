/**
 * Case notes and the contact log (docs/casework.md). Who reaches a person's notes is decided as for
 * the person (person-access.ts): a caseworker only their own cases, also in search. The author may
 * change a note for NOTE_EDIT_WINDOW_MINUTES after writing it; afterwards a note is only corrected by a
 * new entry naming it, so what was written stays. Audited with uuids only (person, note), never text.
 * Searches are not audited: they read nothing the person's page would not show, and an audit entry per
 * keystroke would bury the trail.
 */
import { randomUUID } from 'node:crypto';
import { AttachmentsRepo } from '../../../db/attachments.repo';
import { CaseworkRepo, type NoteRow } from '../../../db/casework.repo';
import type { Db } from '../../../db/connection';
import { UsersRepo } from '../../../db/users.repo';
import { ftsMatchExpression, searchWords, snippetParts } from '../../../shared/casework/fts-query';
import { searchPhrases } from '../../../shared/casework/note-relevance';
import {
  NOTE_EDIT_WINDOW_MINUTES,
  NOTE_SEARCH_MAX_WORDS,
  type NoteAddInput,
  type NoteFields,
  type NoteHit,
  type NoteUpdateInput,
  type NoteView,
} from '../../../shared/casework/note.schema';
import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/ipc/contract';
import { personSubject, reachablePerson, seesEveryCase } from '../persons/person-access';
import type { Clock } from '../ports';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';

const WINDOW_MS = NOTE_EDIT_WINDOW_MINUTES * 60_000;

/** Until when `actor` may still change `row` (ISO), or null. */
export function editableUntil(row: Pick<NoteRow, 'authorId' | 'createdAt'>, actor: SessionUser, now: Date): string | null {
  if (row.authorId !== actor.id) return null;
  const until = Date.parse(row.createdAt) + WINDOW_MS;
  return now.getTime() < until ? new Date(until).toISOString() : null;
}

export class NoteService {
  constructor(
    private readonly vault: VaultService,
    private readonly clock: Clock,
  ) {}

  private views(db: Db, actor: SessionUser, rows: readonly NoteRow[]): NoteView[] {
    const repo = new CaseworkRepo(db);
    const users = new UsersRepo(db);
    const attachments = new AttachmentsRepo(db);
    const corrections = repo.corrections(rows.map((r) => r.id));
    const names = new Map<string, string | null>();
    const nameOf = (id: string | null) => {
      if (id === null) return null;
      if (!names.has(id)) names.set(id, users.byId(id)?.displayName ?? null);
      return names.get(id) ?? null;
    };
    const now = this.clock.now();
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      occurredOn: r.occurredOn,
      type: r.type,
      body: r.body,
      durationMinutes: r.durationMinutes ?? null,
      attachmentId: r.attachmentId ?? null,
      attachmentName: r.attachmentId ? (attachments.byId(r.attachmentId)?.fileName ?? null) : null,
      correctsId: r.correctsId ?? null,
      correctedBy: corrections.get(r.id) ?? [],
      authorId: r.authorId ?? null,
      authorName: nameOf(r.authorId ?? null),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      editableUntil: editableUntil(r, actor, now),
    }));
  }

  /** The attachment must belong to the same person (a note cannot point into another case). */
  private checkAttachment(db: Db, personId: string, attachmentId: string | null): void {
    if (attachmentId === null) return;
    const attachment = new AttachmentsRepo(db).byId(attachmentId);
    if (!attachment || attachment.personId !== personId) {
      throw new AppError('VALIDATION', 'noteAttachmentInvalid', undefined, {
        fields: [{ path: 'attachmentId', code: 'invalid_attachment', message: 'Not an attachment of this person' }],
      });
    }
  }

  list(input: { personId: string }): NoteView[] {
    const actor = this.vault.requireSession();
    return this.vault.read((db) => {
      const person = reachablePerson(db, actor, input.personId);
      return this.views(db, actor, new CaseworkRepo(db).notesOf(person.id));
    });
  }

  /** A new entry, or a correction of an earlier entry of the same person (`correctsId`). */
  add(input: NoteAddInput): NoteView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const person = reachablePerson(db, actor, input.personId);
      const repo = new CaseworkRepo(db);
      this.checkAttachment(db, person.id, input.attachmentId);
      if (input.correctsId !== null) {
        const corrected = repo.note(input.correctsId);
        if (!corrected || corrected.personId !== person.id) {
          throw new AppError('VALIDATION', 'noteCorrectsInvalid', undefined, {
            fields: [{ path: 'correctsId', code: 'invalid_note', message: 'Not a note of this person' }],
          });
        }
      }
      const id = randomUUID();
      repo.insertNote({
        id,
        personId: person.id,
        occurredOn: input.occurredOn,
        type: input.type,
        body: input.body,
        durationMinutes: input.durationMinutes,
        attachmentId: input.attachmentId,
        correctsId: input.correctsId,
        authorId: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      audit({
        ...personSubject(actor, person.id),
        action: 'note.add',
        details: input.correctsId ? { noteId: id, correctsId: input.correctsId } : { noteId: id },
      });
      return this.views(db, actor, [repo.note(id) as NoteRow])[0] as NoteView;
    });
  }

  /** A change by the author within the edit window; otherwise refused (a correction is the way). */
  update(input: NoteUpdateInput): NoteView {
    const actor = this.vault.requireSession();
    return this.vault.write(({ db, now, audit }) => {
      const repo = new CaseworkRepo(db);
      const row = repo.note(input.id);
      if (!row) throw new AppError('NOT_FOUND', 'notFound');
      reachablePerson(db, actor, row.personId);
      if (row.authorId !== actor.id) throw new AppError('FORBIDDEN', 'noteNotAuthor');
      // Only the author edits, but from more than one desktop (or window) at a time.
      checkVersion(db, input.expectedVersion, { version: row.version, changedBy: row.authorId ?? null, changedAt: row.updatedAt });
      if (editableUntil(row, actor, new Date(now)) === null) {
        throw new AppError('RULE_VIOLATION', 'noteEditWindowClosed', { minutes: NOTE_EDIT_WINDOW_MINUTES });
      }
      this.checkAttachment(db, row.personId, input.attachmentId);
      const fields = (['occurredOn', 'type', 'body', 'durationMinutes', 'attachmentId'] as const satisfies readonly (keyof NoteFields)[]).filter(
        (f) => (row[f] ?? null) !== input[f],
      );
      if (fields.length === 0) return this.views(db, actor, [row])[0] as NoteView;
      repo.updateNote(row.id, {
        occurredOn: input.occurredOn,
        type: input.type,
        body: input.body,
        durationMinutes: input.durationMinutes,
        attachmentId: input.attachmentId,
        updatedAt: now,
        version: row.version + 1,
      });
      audit({ ...personSubject(actor, row.personId), action: 'note.update', details: { noteId: row.id, fields: fields.join(',') } });
      return this.views(db, actor, [repo.note(row.id) as NoteRow])[0] as NoteView;
    });
  }

  /**
   * Notes matching every word (as a prefix, accents and case ignored), best first, with a snippet
   * around the hit. A caseworker's search covers their own cases only; with `personId`, that person.
   */
  search(input: { text: string; personId?: string | undefined; limit: number }): NoteHit[] {
    const actor = this.vault.requireSession();
    const words = searchWords(input.text, NOTE_SEARCH_MAX_WORDS);
    const match = ftsMatchExpression(words);
    if (match === null) {
      throw new AppError('VALIDATION', 'noteSearchEmpty', undefined, {
        fields: [{ path: 'text', code: 'no_words', message: 'No word to search for' }],
      });
    }
    return this.vault.read((db) => {
      if (input.personId !== undefined) reachablePerson(db, actor, input.personId);
      const rows = new CaseworkRepo(db).searchNotes(
        match,
        searchPhrases(words),
        { personId: input.personId, caseworkerId: seesEveryCase(actor) ? undefined : actor.id },
        input.limit,
      );
      return rows.map((r) => ({
        noteId: r.noteId,
        personId: r.personId,
        caseCode: r.caseCode,
        givenNames: r.givenNames,
        familyName: r.familyName,
        occurredOn: r.occurredOn,
        type: r.type,
        snippet: snippetParts(r.snippet),
      }));
    });
  }
}
