/**
 * Ranking the notes a search found, and the snippet around the hit, from the notes' text.
 *
 * FTS5 decides which notes match (fts-query.ts, db/casework.repo.ts). Its own bm25() and snippet()
 * are not used: each call with a different rowid opens a new FTS5 cursor, and every cursor merges the
 * whole doclist of a prefix query again (8 to 37 ms for a word in a third of a million notes), so
 * ranking a few hundred candidates took seconds (docs/casework.md "Searching notes"). The text of the
 * candidates is read in one statement and ranked here instead.
 *
 * Words are tokenized like the index's tokenizer (unicode61 remove_diacritics 2): runs of letters,
 * digits and marks, folded to lower case without accents. A search word such as `l'élève` is a
 * phrase of tokens ("l", "eleve"); the last token of each word is a prefix, as in the query.
 * Relevance is BM25 (k1 = 1.2, b = 0.75) summed over the words. Every candidate holds every word
 * (the words are ANDed), so each word weighs the same; the average length is the candidates'.
 * Within one person the notes are few and are matched here too (holdsEveryWord): opening an index
 * cursor costs more than reading them. A property test holds this matching to the index's on text
 * with accents, case, punctuation and apostrophes (db/casework.repo.test.ts). Should the folding
 * ever differ from the index's for some character, a note found through the index only ranks lower
 * and its snippet starts at the beginning, unmarked.
 */
import { HIT_END, HIT_START, SNIPPET_ELLIPSIS } from './fts-query';

interface Token {
  start: number;
  end: number;
  folded: string;
}

interface Hit {
  word: number;
  first: number;
  last: number;
}

const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const K1 = 1.2;
const B = 0.75;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const folded = fold(m[0]);
    if (folded.length > 0) out.push({ start: m.index, end: m.index + m[0].length, folded });
  }
  return out;
}

/** The folded tokens of each search word; words without a token are dropped. */
export function searchPhrases(words: readonly string[]): string[][] {
  return words.map((w) => tokenize(w).map((t) => t.folded)).filter((p) => p.length > 0);
}

function hitsIn(tokens: readonly Token[], phrases: readonly (readonly string[])[]): Hit[] {
  const hits: Hit[] = [];
  phrases.forEach((phrase, word) => {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      const matches = phrase.every((q, j) => {
        const token = tokens[i + j]?.folded ?? '';
        return j === phrase.length - 1 ? token.startsWith(q) : token === q;
      });
      if (matches) hits.push({ word, first: i, last: i + phrase.length - 1 });
    }
  });
  return hits.sort((a, b) => a.first - b.first || a.word - b.word);
}

/**
 * Whether `text` holds every word of `phrases` as the index would find it: used within one person,
 * whose notes are few, where opening an index cursor costs more than reading them all.
 */
export function holdsEveryWord(text: string, phrases: readonly (readonly string[])[]): boolean {
  const found = new Set(hitsIn(tokenize(text), phrases).map((h) => h.word));
  return phrases.every((_, word) => found.has(word));
}

export interface RankedNote<T> {
  note: T;
  score: number;
  /** The text around the best hit, hits between HIT_START and HIT_END, cut ends marked with an ellipsis. */
  snippet: string;
}

/**
 * The `limit` most relevant of `notes` for `phrases` (searchPhrases), best first; equal scores keep
 * the order given (the repository gives the most recent first). Snippets of `snippetTokens` words.
 */
export function rankNotes<T extends { body: string }>(
  notes: readonly T[],
  phrases: readonly (readonly string[])[],
  limit: number,
  snippetTokens: number,
): RankedNote<T>[] {
  const analysed = notes.map((note, order) => {
    const tokens = tokenize(note.body);
    return { note, order, tokens, hits: hitsIn(tokens, phrases) };
  });
  const averageLength = Math.max(1, analysed.reduce((sum, a) => sum + a.tokens.length, 0) / Math.max(1, analysed.length));
  const scored = analysed.map((a) => {
    const norm = K1 * (1 - B + (B * a.tokens.length) / averageLength);
    let score = 0;
    for (let word = 0; word < phrases.length; word++) {
      const tf = a.hits.filter((h) => h.word === word).length;
      score += (tf * (K1 + 1)) / (tf + norm);
    }
    return { ...a, score };
  });
  scored.sort((x, y) => y.score - x.score || x.order - y.order);
  return scored.slice(0, limit).map((a) => ({ note: a.note, score: a.score, snippet: snippetOf(a.note.body, a.tokens, a.hits, snippetTokens) }));
}

/** The window of `size` tokens holding the most different words, then the most hits, earliest first. */
function snippetOf(body: string, tokens: readonly Token[], hits: readonly Hit[], size: number): string {
  if (tokens.length === 0) return body.slice(0, 200);
  let best = 0;
  let bestWords = -1;
  let bestHits = -1;
  const starts = new Set<number>([0, ...hits.map((h) => Math.max(0, Math.min(h.first - 2, tokens.length - size)))]);
  for (const start of [...starts].sort((a, b) => a - b)) {
    const inside = hits.filter((h) => h.first >= start && h.last < start + size);
    const words = new Set(inside.map((h) => h.word)).size;
    if (words > bestWords || (words === bestWords && inside.length > bestHits)) {
      best = start;
      bestWords = words;
      bestHits = inside.length;
    }
  }
  const lastToken = Math.min(tokens.length, best + size) - 1;
  const marked = new Map<number, 'start' | 'end' | 'both'>();
  for (const h of hits) {
    if (h.first < best || h.last > lastToken) continue;
    marked.set(h.first, h.first === h.last ? 'both' : 'start');
    if (h.last !== h.first) marked.set(h.last, 'end');
  }
  let out = best > 0 ? SNIPPET_ELLIPSIS : '';
  let cursor = best > 0 ? (tokens[best]?.start ?? 0) : 0;
  for (let i = best; i <= lastToken; i++) {
    const token = tokens[i] as Token;
    const mark = marked.get(i);
    out += body.slice(cursor, token.start);
    out += `${mark === 'start' || mark === 'both' ? HIT_START : ''}${body.slice(token.start, token.end)}${mark === 'end' || mark === 'both' ? HIT_END : ''}`;
    cursor = token.end;
  }
  if (lastToken < tokens.length - 1) out += SNIPPET_ELLIPSIS;
  else out += body.slice(cursor);
  return out;
}
