/**
 * The search text to FTS5 query path against a real FTS5 index with the migration's tokenizer
 * (fast-check): no text a person can type is an FTS5 syntax error or an operator, every word of a
 * note finds that note, and the snippet parts give back the text around the hit with the hits marked.
 * The ranking done in JavaScript on the notes the index found (note-relevance.ts) marks a hit in
 * the snippet of every one of them, and keeps snippets short whatever the note.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ftsMatchExpression, HIT_END, HIT_START, searchWords, snippetParts } from '../shared/casework/fts-query';
import { rankNotes, searchPhrases } from '../shared/casework/note-relevance';
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

  // Words as staff type them: accents precomposed and decomposed, case, apostrophes, hyphens, digits.
  const piece = fc.constantFrom('eleve', 'élève', 'E\u0301LE\u0300VE', 'hopital', 'HÔPITAL', 'coöperatie', 'cooperatie', 'l', "l'", 'dupont', 'Dupont-Muller', 'muller', '12', '12,50€', 'rdv', 'RDV', 'garçon', 'ça', 'naïve', 'afspraak', 'afspraken', 'ele', 'hop', 'a', 'de', 'van');
  const separator = fc.constantFrom(' ', ' ', ', ', '. ', '\n', ' - ', "'", '(', ') ', ': ');
  const text = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 14 }).map((a) => a.map(([p, sep]) => p + sep).join(''));
  // The rowid as a BigInt: a JS number is bound as REAL, and FTS5 ignores a REAL rowid constraint.
  const oneQuery = db.prepare('SELECT count(*) FROM case_notes_fts WHERE case_notes_fts MATCH ? AND rowid = ?').pluck();
  const one = { get: (match: string, seq: number) => oneQuery.get(match, BigInt(seq)) };

  it('keeps to the rowid only when it is bound as an integer (why the search never constrains the index by rowid)', () => {
    const first = Number(insert.run('rowid trap quetzal').lastInsertRowid);
    const second = Number(insert.run('rowid trap other').lastInsertRowid);
    expect(oneQuery.get('"quetzal"*', BigInt(second))).toBe(0);
    expect(oneQuery.get('"quetzal"*', BigInt(first))).toBe(1);
    // Bound as a JS number the constraint is dropped and another note comes back.
    expect(oneQuery.get('"quetzal"*', second)).toBe(1);
  });

  it('marks a hit in the snippet of every note the index finds, cut to the text around it', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), piece, (bodies, word) => {
        const seqs = bodies.map((b) => Number(insert.run(b).lastInsertRowid));
        const words = searchWords(word, 12);
        const match = ftsMatchExpression(words);
        if (match === null) return;
        const found = seqs.flatMap((seq, i) => ((one.get(match, seq) as number) > 0 ? [{ seq, body: bodies[i] as string }] : []));
        const ranked = rankNotes(found, searchPhrases(words), 20, 16);
        expect(ranked.map((r) => r.note.seq).sort((a, b) => a - b)).toEqual(found.map((f) => f.seq));
        for (const r of ranked) {
          const parts = snippetParts(r.snippet);
          expect(parts.some((p) => p.hit), `${r.note.body} / ${word}`).toBe(true);
          // Every piece of the snippet between the ellipses is text of the note.
          for (const piece of parts.map((p) => p.text).join('').split('…')) expect(r.note.body).toContain(piece);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranks a note holding the word more often, or in fewer words, first', () => {
    const notes = [
      { id: 'once-long', body: 'afspraak gemaakt met de advocaat over de verklaring bij de politie en de opvang volgende week' },
      { id: 'twice', body: 'afspraak bij de dokter, afspraak bij de advocaat volgende week' },
      { id: 'once-short', body: 'afspraak bij de dokter' },
    ];
    expect(rankNotes(notes, searchPhrases(['afspr']), 3, 16).map((r) => r.note.id)).toEqual(['twice', 'once-short', 'once-long']);
  });

  it('keeps a snippet short and marked for a note of one repeated word, a long token or long punctuation', () => {
    const cases: [string, string][] = [
      ['a', 'a '.repeat(10_000)],
      ['afspr', `${'x'.repeat(6000)} afspraak ${'-'.repeat(5000)}`],
      ['afspr', `afspraak ${'é'.repeat(9000)}`],
    ];
    for (const [word, body] of cases) {
      const [ranked] = rankNotes([{ body }], searchPhrases([word]), 1, 16);
      expect(Array.from(ranked?.snippet ?? '').length).toBeLessThanOrEqual(401);
      expect(snippetParts(ranked?.snippet ?? '').some((p) => p.hit)).toBe(true);
    }
    // One pair of marks around a run of words found together: "Jean-Pierre" is one hit.
    const [jp] = rankNotes([{ body: 'Afspraak met Jean-Pierre Dupont' }], searchPhrases(['jean-pierre', 'jean']), 1, 16);
    expect(snippetParts(jp?.snippet ?? '').filter((p) => p.hit).map((p) => p.text)).toEqual(['Jean-Pierre']);
  });
});
