/**
 * Turning what a person types into an SQLite FTS5 query, and the snippet FTS5 returns into parts the
 * UI can draw. FTS5's own syntax (AND, OR, NOT, NEAR, column filters, '-', '^', quotes) must never be
 * reached by user text: `l'élève`, `dupont-muller`, `NOT` or `12,50€` would be syntax errors or, worse,
 * operators (docs/casework.md "Searching notes"). So every word is quoted (a '"' inside doubled) and
 * searched as a prefix with the star outside the quotes: `"dup"*`. Words are ANDed.
 * Accents and case are handled by the index's tokenizer (unicode61 remove_diacritics 2).
 */
import { DIRECTION_MARKS, type SnippetPart } from './note.schema';

/** Marks around a hit in FTS5's snippet(): control characters a note can never hold (note.schema.ts). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
export const SNIPPET_ELLIPSIS = '…';

/** The words of a search text, at most `maxWords`, each holding at least one letter or digit. */
export function searchWords(text: string, maxWords: number): string[] {
  return text
    .replace(DIRECTION_MARKS, '')
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, maxWords);
}

/** The FTS5 MATCH expression for `words`; null when there is nothing to search for. */
export function ftsMatchExpression(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}

/** Splits a snippet marked with HIT_START / HIT_END into plain and hit parts (never HTML). */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      push(rest.replaceAll(HIT_END, ''), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(HIT_END, ''), false);
    const afterStart = rest.slice(start + 1);
    const end = afterStart.indexOf(HIT_END);
    const hit = end < 0 ? afterStart : afterStart.slice(0, end);
    push(hit.replaceAll(HIT_START, ''), true);
    rest = end < 0 ? '' : afterStart.slice(end + 1);
  }
  return parts;
}
