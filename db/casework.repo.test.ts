/**
 * The search text to FTS5 query path against a real FTS5 index with the migration's tokenizer
 * (fast-check): no text a person can type is an FTS5 syntax error or an operator, every word of a
 * note finds that note, and the snippet parts give back the text around the hit with the hits marked.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ftsMatchExpression, HIT_END, HIT_START, searchWords, snippetParts } from '../shared/casework/fts-query';
import { MIGRATIONS_DIR } from './migrations-dir';

const db = new Database(':memory:');
afterAll(() => db.close());
// The table as the migration makes it, on a minimal content table.
db.exec('CREATE TABLE case_notes (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
for (const statement of readFileSync(join(MIGRATIONS_DIR, '0012_casework_notes_fts.sql'), 'utf8').split('--> statement-breakpoint')) {
  db.exec(statement);
}
const insert = db.prepare('INSERT INTO case_notes (body) VALUES (?)');
const search = db.prepare(
  `SELECT case_notes.seq AS seq, snippet(case_notes_fts, 0, char(2), char(3), '…', 16) AS snippet
     FROM case_notes_fts JOIN case_notes ON case_notes.seq = case_notes_fts.rowid
    WHERE case_notes_fts MATCH ? ORDER BY bm25(case_notes_fts)`,
);

const typed = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom('NOT', 'AND', 'OR', 'NEAR', '"', '*', '^', '-', '(', ')', ':', 'body:', "l'élève", '12,50€', '{body}', '+', 'x'), { maxLength: 8 }).map((a) => a.join(' ')),
);

describe('searching notes with FTS5', () => {
  it('never passes FTS5 syntax through: any typed text is a valid query', () => {
    insert.run("Rencontre avec l'élève Dupont-Muller : 12,50€ remboursés. NOT a problem (really).");
    fc.assert(
      fc.property(typed, (text) => {
        const match = ftsMatchExpression(searchWords(text, 12));
        if (match === null) return;
        expect(() => search.all(match)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('finds a note by any of its words, whatever their accents and case', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zàâçéèêëîïôûùüÿœæ]{2,12}$/), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (words, pick) => {
          const body = words.join(' ');
          const seq = Number(insert.run(body).lastInsertRowid);
          const word = words[pick % words.length] as string;
          const variant = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
          const rows = search.all(ftsMatchExpression(searchWords(variant, 12))) as { seq: number; snippet: string }[];
          const row = rows.find((r) => r.seq === seq);
          expect(row).toBeDefined();
          const parts = snippetParts(row?.snippet ?? '');
          expect(parts.some((p) => p.hit)).toBe(true);
          expect(parts.map((p) => p.text).join('')).toBe((row?.snippet ?? '').replaceAll(HIT_START, '').replaceAll(HIT_END, ''));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('splits any marked snippet into alternating parts that keep every other character', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(HIT_START, HIT_END)), { maxLength: 20 }), (pieces) => {
        const marked = pieces.join('');
        const parts = snippetParts(marked);
        expect(parts.map((p) => p.text).join('')).toBe(marked.replaceAll(HIT_START, '').replaceAll(HIT_END, ''));
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.hit).not.toBe(parts[i - 1]?.hit);
        for (const p of parts) expect(p.text.length).toBeGreaterThan(0);
      }),
    );
  });
});
