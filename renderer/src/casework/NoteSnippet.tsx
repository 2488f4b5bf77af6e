/**
 * A search hit's snippet: the parts come from the service as plain text with the matched words
 * flagged, and are drawn as text and <mark> elements. Note text is never parsed as HTML.
 */
import type { SnippetPart } from '../../../shared/casework/note.schema';

export function NoteSnippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="note-snippet">
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
