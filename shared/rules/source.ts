/**
 * Building and reading the `source` of a rule (docs/legal-rules.md "How the brochure is quoted").
 *
 * The rule tables write a source as `src(cite(REF, quote, ...), ...)`, with `noted(note, ...)` when the
 * app adds a remark of its own. The one-line text (`citationText`) is what the engine puts in its
 * output, the error messages, the CLI's JSON and the audit-free logs: references and Dutch quotes as
 * printed, with the English note, exactly the form these strings had before quotes were translated.
 * The UI shows the structured source instead: the quote in the user's language, the Dutch on demand.
 */
import type { Language } from '../domain';
import type { Citation, Labels, Quote, Source } from './rule.types';

/** A place cited, with the brochure's words there (none: the reference alone). */
export function cite(ref: string, ...quotes: readonly Quote[]): Citation {
  return { ref, quotes };
}

/** A source citing these places (a bare string is a reference without a quote). */
export function src(...cites: readonly (string | Citation)[]): Source {
  return { cites: cites.map((c) => (typeof c === 'string' ? cite(c) : c)) };
}

/** A source with the app's own remark on how it reads the places cited. */
export function noted(note: Labels, ...cites: readonly (string | Citation)[]): Source {
  return { ...src(...cites), note };
}

/** Every quote of a source, in order. */
export function quotesOf(source: Source): readonly Quote[] {
  return source.cites.flatMap((c) => c.quotes);
}

/**
 * The source as one line: `ref: "nl quote" ... "nl quote"; ref (note)`. Language-neutral references and
 * the Dutch original: the stable text of the engine's output and the CLI's JSON. With `language`, the
 * note is in that language (the quotes stay Dutch: the words the law was published in).
 */
export function citationText(source: Source, language: Language = 'en'): string {
  const places = source.cites
    .map((c) => (c.quotes.length === 0 ? c.ref : `${c.ref}: ${c.quotes.map((q) => `"${q.nl}"`).join(' ... ')}`))
    .join('; ');
  const note = source.note?.[language];
  if (!note) return places;
  return places ? `${places} (${note})` : note;
}

/** The references alone, without quotes, and the note in `language`: the line under a translated quote. */
export function referenceText(source: Source, language: Language): string {
  const places = source.cites.map((c) => c.ref).join('; ');
  const note = source.note?.[language];
  if (!note) return places;
  return places ? `${places} (${note})` : note;
}

/** A quote in `language`, between the quotation marks of that language. */
export function quoted(text: string, language: Language): string {
  return language === 'fr' ? `« ${text} »` : `“${text}”`;
}

/**
 * The source in `language`: references, the brochure's words translated (Dutch as printed for nl) and
 * the note. For a refusal's message in the user's language; the Dutch original stays one click away in
 * the UI and in the one-line text of the engine's params.
 */
export function citationIn(source: Source, language: Language): string {
  const places = source.cites
    .map((c) => (c.quotes.length === 0 ? c.ref : `${c.ref}: ${c.quotes.map((q) => quoted(q[language], language)).join(' ... ')}`))
    .join('; ');
  const note = source.note?.[language];
  if (!note) return places;
  return places ? `${places} (${note})` : note;
}
