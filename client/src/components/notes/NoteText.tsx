/**
 * A note's markdown, rendered by core/notes/markdown.ts: raw HTML shown as text, nothing live.
 * The renderer (markdown-it, ~100 kB) loads with the first note shown, not with the page; until
 * then the note is shown as plain text, which React escapes.
 */
import { useEffect, useState } from 'react';

type Render = (text: string) => string;
let renderer: Promise<Render> | null = null;
const loadRenderer = () => (renderer ??= import('../../core/notes/markdown.ts').then((m) => m.renderNote));

export function NoteText({ text }: { text: string }) {
  const [render, setRender] = useState<Render | null>(null);
  useEffect(() => {
    let live = true;
    void loadRenderer().then((r) => live && setRender(() => r));
    return () => {
      live = false;
    };
  }, []);
  if (!render) return <div className="note-text pending">{text}</div>;
  // the one place the client sets HTML from others' text: renderNote escapes all raw HTML and
  // keeps only safe links (client/test/core/notes/markdown.test.ts holds the hostile cases)
  return <div className="note-text" data-testid="note-text" dangerouslySetInnerHTML={{ __html: render(text) }} />;
}
