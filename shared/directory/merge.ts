/**
 * The user's view of the directory: the shipped seed plus the user's own edits, kept apart, so a new seed (a corrected brochure, a newer edition) never overwrites what the user
 * changed, yet the user sees that the seed changed underneath their edit.
 *
 * - A field the user changed stays the user's value. The edit remembers the seed entry it was made on
 *   (`snapshot`); when the current seed value of a changed field differs from the snapshot's, the
 *   entry reports a `seedChange` for that field, and the user resolves it (`resolveSeedChange`: take
 *   the seed value or keep theirs).
 * - Fields the user did not change follow the seed.
 * - Hidden entries stay in the result with `hidden: true` (the UI filters them, and can show them).
 * - Entries the user added are theirs alone (`origin: 'user'`).
 * - A seed entry that disappears while the user has an edit on it stays, flagged `seedRemoved`; an
 *   unedited one disappears with the seed.
 * Pure: the edits are stored by db/ as data (directoryEditsSchema).
 */
import { z } from 'zod';
import type { Country } from '../domain';
import {
  CONTACT_FIELD_NAMES,
  contactFieldsSchema,
  contactIdSchema,
  contactPointSchema,
  seedContactSchema,
  type ContactCategory,
  type ContactFields,
  type ContactPoint,
  type DirectorySeed,
  type SeedContact,
} from './contact.schema';

export type ContactFieldName = keyof ContactFields;

const partialFields = contactFieldsSchema.partial();

export const contactChangeSchema = z.strictObject({
  id: contactIdSchema,
  /** The user's values of the fields they changed. */
  fields: partialFields,
  /**
   * The seed entry as the user last saw it (when they changed a field or confirmed a seed change):
   * `snapshot[f]` is the base of a changed field f; the whole entry survives the seed dropping it.
   */
  snapshot: seedContactSchema,
  /** The seed version the snapshot comes from. */
  seedVersion: z.number().int().positive(),
  at: z.iso.datetime(),
});
export type ContactChange = z.infer<typeof contactChangeSchema>;

export const directoryEditsSchema = z.strictObject({
  added: z.array(contactPointSchema.extend({ id: contactIdSchema.refine((id) => id.startsWith('user-')), source: z.null() })),
  changed: z.array(contactChangeSchema),
  hidden: z.array(z.strictObject({ id: contactIdSchema, at: z.iso.datetime() })),
});
export type DirectoryEdits = z.infer<typeof directoryEditsSchema>;

export const EMPTY_EDITS: DirectoryEdits = { added: [], changed: [], hidden: [] };

export interface SeedChange {
  field: ContactFieldName;
  /** The user's value, which is shown. */
  userValue: unknown;
  /** What the seed said when the user made the change. */
  baseValue: unknown;
  /** What the seed says now. */
  seedValue: unknown;
}

export type DirectoryEntry = ContactPoint & {
  origin: 'seed' | 'user';
  hidden: boolean;
  /** Fields that show the user's value instead of the seed's. */
  overridden: ContactFieldName[];
  /** Overridden fields whose seed value changed since the user's edit. */
  seedChanges: SeedChange[];
  /** The seed no longer has this entry; kept because the user edited it. */
  seedRemoved: boolean;
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldsOf(c: ContactPoint): ContactFields {
  const out: Partial<Record<ContactFieldName, unknown>> = {};
  for (const f of CONTACT_FIELD_NAMES) out[f] = c[f];
  return out as ContactFields;
}

export function mergeDirectory(seed: DirectorySeed, edits: DirectoryEdits): DirectoryEntry[] {
  const changes = new Map(edits.changed.map((c) => [c.id, c]));
  const hidden = new Set(edits.hidden.map((h) => h.id));
  const out: DirectoryEntry[] = [];
  const seen = new Set<string>();

  for (const s of seed.entries) {
    seen.add(s.id);
    const change = changes.get(s.id);
    const entry: DirectoryEntry = { ...s, origin: 'seed', hidden: hidden.has(s.id), overridden: [], seedChanges: [], seedRemoved: false };
    if (change) {
      for (const f of CONTACT_FIELD_NAMES) {
        if (!(f in change.fields)) continue;
        const userValue = change.fields[f];
        if (same(userValue, s[f])) continue; // the seed caught up with the user's value
        (entry as Record<ContactFieldName, unknown>)[f] = userValue;
        entry.overridden.push(f);
        if (!same(change.snapshot[f], s[f])) {
          entry.seedChanges.push({ field: f, userValue, baseValue: change.snapshot[f], seedValue: s[f] });
        }
      }
    }
    out.push(entry);
  }

  // Edited entries the seed no longer has: keep them, built from what the user last saw.
  for (const change of edits.changed) {
    if (seen.has(change.id)) continue;
    out.push({
      ...change.snapshot,
      ...change.fields,
      id: change.id,
      origin: 'seed',
      hidden: hidden.has(change.id),
      overridden: Object.keys(change.fields) as ContactFieldName[],
      seedChanges: [],
      seedRemoved: true,
    });
  }

  for (const a of edits.added) {
    out.push({ ...a, origin: 'user', hidden: hidden.has(a.id), overridden: [], seedChanges: [], seedRemoved: false });
  }
  return out;
}

/**
 * Records the user's change of a seed entry: keeps earlier changed fields, stores the new values, and
 * remembers the seed's current value of each newly changed field as its base (in the snapshot).
 * Changing a field back to the seed's value removes the override.
 */
export function changeSeedEntry(
  seed: DirectorySeed,
  edits: DirectoryEdits,
  id: string,
  fields: Partial<ContactFields>,
  at: string,
): DirectoryEdits {
  const s = seed.entries.find((e) => e.id === id);
  if (!s) throw new Error(`no seed entry ${id}`);
  const clean = partialFields.parse(fields);
  const previous = edits.changed.find((c) => c.id === id);
  const nextFields: Partial<Record<ContactFieldName, unknown>> = { ...previous?.fields };
  for (const f of Object.keys(clean) as ContactFieldName[]) {
    if (same(clean[f], s[f])) delete nextFields[f];
    else nextFields[f] = clean[f];
  }
  // The snapshot is the current seed entry, except that a field the user had already changed keeps
  // its old base, so a pending seed change on it is not silently confirmed by another edit.
  const snapshot: Record<string, unknown> = { ...s };
  for (const f of Object.keys(nextFields) as ContactFieldName[]) {
    if (previous && f in previous.fields) snapshot[f] = previous.snapshot[f];
  }
  const rest = edits.changed.filter((c) => c.id !== id);
  if (Object.keys(nextFields).length === 0) return { ...edits, changed: rest };
  const change = contactChangeSchema.parse({ id, fields: nextFields, snapshot, seedVersion: seed.seedVersion, at });
  return { ...edits, changed: [...rest, change] };
}

/**
 * The user answers a seed change on one field: 'takeSeed' drops their value (the field follows the
 * seed again); 'keepMine' keeps it and records the current seed value as the new base, so the same
 * seed change is not reported again.
 */
export function resolveSeedChange(
  seed: DirectorySeed,
  edits: DirectoryEdits,
  id: string,
  field: ContactFieldName,
  choice: 'takeSeed' | 'keepMine',
  at: string,
): DirectoryEdits {
  const s: SeedContact | undefined = seed.entries.find((e) => e.id === id);
  const change = edits.changed.find((c) => c.id === id);
  if (!s || !change || !(field in change.fields)) return edits;
  const fields: Partial<Record<ContactFieldName, unknown>> = { ...change.fields };
  const snapshot: Record<string, unknown> = { ...change.snapshot, [field]: s[field] };
  if (choice === 'takeSeed') delete fields[field];
  const rest = edits.changed.filter((c) => c.id !== id);
  if (Object.keys(fields).length === 0) return { ...edits, changed: rest };
  return { ...edits, changed: [...rest, contactChangeSchema.parse({ ...change, fields, snapshot, seedVersion: seed.seedVersion, at })] };
}

export function hideEntry(edits: DirectoryEdits, id: string, at: string): DirectoryEdits {
  if (edits.hidden.some((h) => h.id === id)) return edits;
  return { ...edits, hidden: [...edits.hidden, { id, at }] };
}

export function unhideEntry(edits: DirectoryEdits, id: string): DirectoryEdits {
  return { ...edits, hidden: edits.hidden.filter((h) => h.id !== id) };
}

/** Adds or replaces an entry of the user's own (id `user-…`, made by the caller from a random value). */
export function upsertUserEntry(edits: DirectoryEdits, entry: ContactPoint): DirectoryEdits {
  const [clean] = directoryEditsSchema.shape.added.parse([{ ...entry, source: null }]);
  if (!clean) return edits;
  return { ...edits, added: [...edits.added.filter((a) => a.id !== clean.id), clean] };
}

export function removeUserEntry(edits: DirectoryEdits, id: string): DirectoryEdits {
  return { ...edits, added: edits.added.filter((a) => a.id !== id), hidden: edits.hidden.filter((h) => h.id !== id) };
}

/** Lower case, without accents: "Sürya LIÈGE" -> "surya liege". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface DirectoryQuery {
  /** Words that must all occur in the name, address, e-mail, website or notes (case and accents ignored). */
  text?: string;
  country?: Country;
  category?: ContactCategory;
  includeHidden?: boolean;
}

export function searchDirectory(entries: readonly DirectoryEntry[], q: DirectoryQuery): DirectoryEntry[] {
  const words = foldText(q.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);
  return entries.filter((e) => {
    if (!q.includeHidden && e.hidden) return false;
    if (q.country && e.country !== q.country) return false;
    if (q.category && e.category !== q.category) return false;
    if (words.length === 0) return true;
    const hay = foldText([e.name, e.address ?? '', e.postalAddress ?? '', ...e.emails, ...e.websites, e.notes ?? ''].join(' | '));
    return words.every((w) => hay.includes(w));
  });
}

/** The fields of an entry, e.g. to prefill an edit form. */
export { fieldsOf as contactFieldsOf };
