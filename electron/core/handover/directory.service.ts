/**
 * The contact-point directory: the seed data shipped in shared/directory, merged
 * with the user's edits, which are stored apart (table directory_edits), so a new seed never
 * overwrites an edit and the user sees where the seed changed under one (merge.ts).
 *
 * Reading and searching: anyone signed in. Editing, hiding, adding and removing entries: administrators
 * and coordinators (a shared list the whole organisation relies on to call the right authority).
 * Contact points are organisations, never supported persons; edits are audited with the contact id.
 */
import { randomUUID } from 'node:crypto';
import { DirectoryEditsRepo, type DirectoryEditRow } from '../../../db/handover.repo';
import type { Db } from '../../../db/connection';
import {
  DIRECTORY_SEED,
  changeSeedEntry,
  contactChangeSchema,
  contactPointSchema,
  directoryEditsSchema,
  hideEntry,
  mergeDirectory,
  removeUserEntry,
  resolveSeedChange,
  searchDirectory,
  unhideEntry,
  upsertUserEntry,
  type ContactFieldName,
  type ContactFields,
  type DirectoryEdits,
  type DirectoryEntry,
  type DirectorySeed,
} from '../../../shared/directory';
import type { Country } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { DirectoryEntryView, DirectoryList } from '../../../shared/handover/handover.ipc';
import { checkVersion } from '../record-version';
import type { VaultService } from '../vault/vault.service';

/** Reads the stored rows back into the pure module's shape; a row that no longer parses is dropped. */
export function editsFromRows(rows: DirectoryEditRow[]): DirectoryEdits {
  const edits: DirectoryEdits = { added: [], changed: [], hidden: [] };
  const addedSchema = directoryEditsSchema.shape.added.element;
  for (const r of rows) {
    if (r.added) {
      const a = addedSchema.safeParse(r.added);
      if (a.success) edits.added.push(a.data);
    }
    if (r.changed) {
      const c = contactChangeSchema.safeParse(r.changed);
      if (c.success) edits.changed.push(c.data);
    }
    if (r.hiddenAt) edits.hidden.push({ id: r.contactId, at: r.hiddenAt });
  }
  return edits;
}

/**
 * The rows for `edits`. A row whose content changed gets `changedBy`, `now` and the next version (an
 * entry without a row had version 1); a row whose content did not change keeps its time and version.
 */
export function rowsFromEdits(edits: DirectoryEdits, now: string, before: Map<string, DirectoryEditRow>, changedBy: string | null = null): DirectoryEditRow[] {
  const rows = new Map<string, DirectoryEditRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { contactId: id, added: null, changed: null, hiddenAt: null, updatedAt: now, updatedBy: changedBy, version: (before.get(id)?.version ?? 1) + 1 }));
    return r;
  };
  for (const a of edits.added) row(a.id).added = a as unknown as Record<string, unknown>;
  for (const c of edits.changed) row(c.id).changed = c as unknown as Record<string, unknown>;
  for (const h of edits.hidden) row(h.id).hiddenAt = h.at;
  // A row whose content did not change keeps its time.
  for (const r of rows.values()) {
    const old = before.get(r.contactId);
    if (old && JSON.stringify([old.added, old.changed, old.hiddenAt]) === JSON.stringify([r.added, r.changed, r.hiddenAt])) {
      r.updatedAt = old.updatedAt;
      r.updatedBy = old.updatedBy;
      r.version = old.version;
    }
  }
  return [...rows.values()];
}

/** An entry with the version of its edits (1 for a seed entry nobody edited). */
function view(e: DirectoryEntry, rows: ReadonlyMap<string, DirectoryEditRow>): DirectoryEntryView {
  return { ...e, version: rows.get(e.id)?.version ?? 1 };
}

function rowMap(rows: readonly DirectoryEditRow[]): Map<string, DirectoryEditRow> {
  return new Map(rows.map((r) => [r.contactId, r]));
}

export class DirectoryService {
  constructor(
    private readonly vault: VaultService,
    /** The shipped seed; tests pass another one to show a seed update. */
    private readonly seed: DirectorySeed = DIRECTORY_SEED,
  ) {}

  private edits(db: Db): DirectoryEdits {
    return editsFromRows(new DirectoryEditsRepo(db).all());
  }

  list(query: { text: string; country?: Country | undefined; category?: DirectoryEntry['category'] | undefined; includeHidden: boolean }): DirectoryList {
    this.vault.requireSession();
    const rows = this.vault.read((db) => rowMap(new DirectoryEditsRepo(db).all()));
    const all = mergeDirectory(this.seed, editsFromRows([...rows.values()]));
    return {
      seed: { version: this.seed.seedVersion, date: this.seed.seedDate, sourceDate: this.seed.sourceDate, document: this.seed.document },
      entries: searchDirectory(all, { text: query.text, country: query.country, category: query.category, includeHidden: query.includeHidden }).map((e) => view(e, rows)),
      pendingSeedChanges: all.filter((e) => e.seedChanges.length > 0).length,
    };
  }

  /** The name of an entry (hidden ones too: a consent may name one), or null; for a consent that picks it. */
  entryName(id: string): string | null {
    this.vault.requireSession();
    return this.vault.read((db) => mergeDirectory(this.seed, this.edits(db))).find((e) => e.id === id)?.name ?? null;
  }

  /** Applies a change of the edits in one transaction, audits it, and returns the entry as now merged. */
  /**
   * Applies a change of the edits in one transaction, audits it, and returns the entry as now merged.
   * A change made on an older version of the entry is refused (docs/team-server.md "Concurrent edits").
   */
  private change(
    id: string,
    what: string,
    fn: (edits: DirectoryEdits, at: string) => DirectoryEdits,
    expectedVersion: number | undefined,
  ): DirectoryEntryView | null {
    const actor = this.vault.requireRole('admin', 'coordinator');
    return this.vault.write(({ db, now, audit }) => {
      const repo = new DirectoryEditsRepo(db);
      const beforeRows = repo.all();
      const before = rowMap(beforeRows);
      const current = before.get(id);
      checkVersion(db, expectedVersion, { version: current?.version ?? 1, changedBy: current?.updatedBy ?? null, changedAt: current?.updatedAt ?? null });
      const next = fn(editsFromRows(beforeRows), now);
      const rows = rowsFromEdits(next, now, before, actor.id);
      repo.replaceAll(rows);
      audit({ actorId: actor.id, actorName: actor.username, action: 'directory.edit', subjectType: 'contact', subjectId: id, details: { change: what } });
      const entry = mergeDirectory(this.seed, next).find((e) => e.id === id);
      return entry ? view(entry, rowMap(rows)) : null;
    });
  }

  private requireEntry(id: string): DirectoryEntry {
    const entry = this.vault.read((db) => mergeDirectory(this.seed, this.edits(db))).find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_FOUND', 'notFound');
    return entry;
  }

  /** Changes fields of an entry: a seed entry keeps the seed apart (changeSeedEntry); the user's own entry is replaced. */
  update(input: { id: string; fields: Partial<ContactFields>; expectedVersion?: number | undefined }): DirectoryEntryView {
    this.vault.requireRole('admin', 'coordinator');
    const entry = this.requireEntry(input.id);
    const out = this.change(input.id, 'update', (edits, at) => {
      if (entry.origin === 'user') {
        const own = edits.added.find((a) => a.id === input.id);
        if (!own) throw new AppError('NOT_FOUND', 'notFound');
        return upsertUserEntry(edits, contactPointSchema.parse({ ...own, ...input.fields }));
      }
      if (entry.seedRemoved) {
        // The seed dropped it; the user's change lives on in the snapshot-based record.
        const c = edits.changed.find((x) => x.id === input.id);
        if (!c) throw new AppError('NOT_FOUND', 'notFound');
        return { ...edits, changed: edits.changed.map((x) => (x.id === input.id ? contactChangeSchema.parse({ ...x, fields: { ...x.fields, ...input.fields }, at }) : x)) };
      }
      return changeSeedEntry(this.seed, edits, input.id, input.fields, at);
    }, input.expectedVersion);
    if (!out) throw new AppError('NOT_FOUND', 'notFound');
    return out;
  }

  add(input: ContactFields & { country: Country }): DirectoryEntryView {
    const id = `user-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const out = this.change(id, 'add', (edits) => upsertUserEntry(edits, contactPointSchema.parse({ ...input, id, source: null })), undefined);
    if (!out) throw new AppError('NOT_FOUND', 'notFound');
    return out;
  }

  setHidden(input: { id: string; hidden: boolean; expectedVersion?: number | undefined }): DirectoryEntryView {
    this.vault.requireRole('admin', 'coordinator');
    this.requireEntry(input.id);
    const out = this.change(
      input.id,
      input.hidden ? 'hide' : 'unhide',
      (edits, at) => (input.hidden ? hideEntry(edits, input.id, at) : unhideEntry(edits, input.id)),
      input.expectedVersion,
    );
    if (!out) throw new AppError('NOT_FOUND', 'notFound');
    return out;
  }

  /** Removes an entry the user added (seed entries are hidden instead). */
  remove(input: { id: string; expectedVersion?: number | undefined }): void {
    this.vault.requireRole('admin', 'coordinator');
    const entry = this.requireEntry(input.id);
    if (entry.origin !== 'user') throw new AppError('CONFLICT', 'directoryEntryNotRemovable');
    this.change(input.id, 'remove', (edits) => removeUserEntry(edits, input.id), input.expectedVersion);
  }

  resolveSeedChange(input: {
    id: string;
    field: ContactFieldName;
    choice: 'takeSeed' | 'keepMine';
    expectedVersion?: number | undefined;
  }): DirectoryEntryView {
    this.vault.requireRole('admin', 'coordinator');
    this.requireEntry(input.id);
    const out = this.change(
      input.id,
      input.choice,
      (edits, at) => resolveSeedChange(this.seed, edits, input.id, input.field, input.choice, at),
      input.expectedVersion,
    );
    if (!out) throw new AppError('NOT_FOUND', 'notFound');
    return out;
  }
}
