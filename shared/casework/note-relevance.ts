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
 * Which notes are found is always the index's answer; the tokenizing here only ranks them and marks
 * the words in the snippet. Where its folding differs from the index's (scripts other than Latin:
 * marks, some Greek and Cyrillic letters), a found note ranks lower and its snippet starts at the
 * beginning, unmarked. A property test holds the two together on Latin text with accents (also
 * decomposed), case, apostrophes and hyphens (db/casework.repo.test.ts).
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

/** At most this many hits are tried as the start of the snippet (a note of one repeated word). */
const SNIPPET_STARTS = 64;
/** Longer stretches between two words, and longer words, are cut in a snippet. */
const SNIPPET_GAP_CHARS = 40;
const SNIPPET_TOKEN_CHARS = 60;
/** A snippet never holds more characters than this. */
const SNIPPET_MAX_CHARS = 400;

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}${SNIPPET_ELLIPSIS}`;
}

/** The window of `size` tokens holding the most different words, then the most hits, earliest first. */
function snippetOf(body: string, tokens: readonly Token[], hits: readonly Hit[], size: number): string {
  if (tokens.length === 0) return cut(body, SNIPPET_MAX_CHARS);
  let best = 0;
  let bestWords = -1;
  let bestHits = -1;
  const starts = [...new Set([0, ...hits.slice(0, SNIPPET_STARTS).map((h) => Math.max(0, Math.min(h.first - 2, tokens.length - size)))])].sort((a, b) => a - b);
  let from = 0;
  for (const start of starts) {
    while (from < hits.length && (hits[from] as Hit).first < start) from++;
    const words = new Set<number>();
    let count = 0;
    for (let j = from; j < hits.length && (hits[j] as Hit).first < start + size; j++) {
      const h = hits[j] as Hit;
      if (h.last >= start + size) continue;
      words.add(h.word);
      count++;
    }
    if (words.size > bestWords || (words.size === bestWords && count > bestHits)) {
      best = start;
      bestWords = words.size;
      bestHits = count;
    }
  }
  const lastToken = Math.min(tokens.length, best + size) - 1;
  // Tokens inside a hit are marked; a run of marked tokens gets one pair of marks.
  const covered = new Set<number>();
  for (const h of hits) {
    if (h.first < best || h.last > lastToken) continue;
    for (let i = h.first; i <= h.last; i++) covered.add(i);
  }
  let out = best > 0 ? SNIPPET_ELLIPSIS : '';
  let cursor = best > 0 ? (tokens[best]?.start ?? 0) : 0;
  for (let i = best; i <= lastToken; i++) {
    const token = tokens[i] as Token;
    const gap = body.slice(cursor, token.start);
    out += covered.has(i) && covered.has(i - 1) ? gap : cut(gap, SNIPPET_GAP_CHARS);
    if (covered.has(i) && !covered.has(i - 1)) out += HIT_START;
    out += cut(body.slice(token.start, token.end), SNIPPET_TOKEN_CHARS);
    if (covered.has(i) && !covered.has(i + 1)) out += HIT_END;
    cursor = token.end;
  }
  out += lastToken < tokens.length - 1 ? SNIPPET_ELLIPSIS : cut(body.slice(cursor), SNIPPET_GAP_CHARS);
  return cut(out, SNIPPET_MAX_CHARS);
}
