/**
 * Reminders fired while the vault was locked, remembered across a quit ("each reminder once
 * per lead time and never again after a restart").
 *
 * The fired table lives in the encrypted vault, which cannot be written while locked. The scheduler
 * keeps firing from its cache while locked; MirroredFiredStore holds those ids in memory and writes
 * them at the next unlock. If the app quits before that unlock, they would fire once more after the
 * restart. This journal closes that gap: it keeps, beside the vault (like lockout.json), a SHA-256
 * (with a fixed domain prefix) of each such id, never the id itself. A reminder id holds an item id with a random uuid, a
 * kind, a date and a lead; the hash reveals none of it, only how many reminders fired while locked.
 *
 * At the next unlock the hashes are matched against the reminder ids of the deadlines then known,
 * written to the fired table, and the file is removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../ports';
import { writeFileAtomic } from '../vault/atomic-file';
import type { FiredStore, MirroredFiredStore } from './reminder-ports';

export const FIRED_JOURNAL_FILE = 'reminders-fired-locked.json';
const MAX_ENTRIES = 50_000;

const journalSchema = z.object({
  format: z.literal('passerelle-fired-journal'),
  version: z.literal(1),
  hashes: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(MAX_ENTRIES),
});

export function journalHash(reminderId: string): string {
  return createHash('sha256').update(`passerelle-fired\u0000${reminderId}`).digest('hex').slice(0, 32);
}

/** The hashed ids in a file of the vault folder. Reading a damaged file yields nothing (at worst a repeat). */
export class FiredJournal {
  private hashes: Set<string> | null = null;

  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  private get path(): string {
    return join(this.dir, FIRED_JOURNAL_FILE);
  }

  private load(): Set<string> {
    if (this.hashes) return this.hashes;
    this.hashes = new Set();
    try {
      if (existsSync(this.path)) {
        const parsed = journalSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
        if (parsed.success) for (const h of parsed.data.hashes) this.hashes.add(h);
        else this.logger?.warn('reminders.journalUnreadable');
      }
    } catch {
      this.logger?.warn('reminders.journalUnreadable');
    }
    return this.hashes;
  }

  get size(): number {
    return this.load().size;
  }

  has(reminderId: string): boolean {
    const hashes = this.load();
    return hashes.size > 0 && hashes.has(journalHash(reminderId));
  }

  add(reminderIds: readonly string[]): void {
    const hashes = this.load();
    const before = hashes.size;
    for (const id of reminderIds) if (hashes.size < MAX_ENTRIES) hashes.add(journalHash(id));
    if (hashes.size !== before) this.save();
  }

  /** The ids among `candidates` that the journal holds. */
  matching(candidates: Iterable<string>): string[] {
    const hashes = this.load();
    if (hashes.size === 0) return [];
    const out: string[] = [];
    for (const id of candidates) if (hashes.has(journalHash(id))) out.push(id);
    return out;
  }

  clear(): void {
    this.hashes = new Set();
    try {
      if (existsSync(this.path)) unlinkSync(this.path);
    } catch {
      this.logger?.warn('reminders.journalNotRemoved');
    }
  }

  private save(): void {
    try {
      const body = { format: 'passerelle-fired-journal', version: 1, hashes: [...this.load()] };
      writeFileAtomic(this.path, JSON.stringify(body));
    } catch {
      this.logger?.warn('reminders.journalNotWritten', { count: this.load().size });
    }
  }
}

/**
 * The scheduler's FiredStore: the vault table (through MirroredFiredStore), and the journal for what
 * fired while the table could not be written.
 */
export class JournaledFiredStore implements FiredStore {
  constructor(
    readonly table: MirroredFiredStore,
    readonly journal: FiredJournal,
  ) {}

  has(reminderId: string): boolean {
    return this.table.has(reminderId) || this.journal.has(reminderId);
  }

  add(reminderIds: readonly string[]): void {
    this.table.add(reminderIds);
    // Not written to the vault (locked): keep a trace that survives a quit.
    if (this.table.pendingCount > 0) this.journal.add(reminderIds);
  }
}
