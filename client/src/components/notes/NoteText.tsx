/** A note's markdown, rendered by core/notes/markdown.ts: raw HTML shown as text, nothing live. */
import { useMemo } from 'react';
import { renderNote } from '../../core/notes/markdown.ts';

export function NoteText({ text }: { text: string }) {
  const html = useMemo(() => renderNote(text), [text]);
  // the one place the client sets HTML from others' text: renderNote escapes all raw HTML and
  // keeps only safe links (client/test/core/notes/markdown.test.ts holds the hostile cases)
  return <div className="note-text" data-testid="note-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
