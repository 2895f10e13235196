/**
 * A source's document text (GET /api/sources/:id/document) in a reader over the page, with the
 * excerpt the entity cites highlighted and scrolled to when it occurs in the text (and a word
 * saying so when it does not).
 */
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type SourceDocument } from '../../api/client.ts';
import { findExcerpt, splitAround } from '../../core/edit/excerpt.ts';
import './edit.css';

interface Props {
  sourceId: string;
  title: string;
  excerpt: string | null | undefined;
  onClose(): void;
  onError(error: unknown): void;
}

export function SourceReader({ sourceId, title, excerpt, onClose, onError }: Props) {
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    let current = true;
    api
      .sourceDocument(sourceId)
      .then((d) => current && setDoc(d))
      .catch((e) => {
        if (!current) return;
        if (e instanceof ApiError && e.status === 404) setMissing(e.message);
        else onError(e);
      });
    return () => {
      current = false;
    };
  }, [sourceId, onError]);

  const range = doc ? findExcerpt(doc.text, excerpt) : null;
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [doc]);
  const [before, hit, after] = doc ? splitAround(doc.text, range) : ['', '', ''];

  return (
    <div className="edit-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section
        className="source-reader"
        role="dialog"
        aria-modal="true"
        aria-label={`Source: ${title}`}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <div>
            <h2>{title}</h2>
            {doc && <code className="id">{doc.file}</code>}
          </div>
          <button className="close" aria-label="Close" onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        {excerpt && doc && (
          <p className="muted small" role="status">
            {range ? 'The cited excerpt is highlighted.' : 'The cited excerpt does not occur in this text as written.'}
          </p>
        )}
        {missing && <p className="muted">{missing}</p>}
        {!doc && !missing && <p aria-busy="true">Loading the document…</p>}
        {doc && (
          <pre className="document" data-testid="source-text">
            {before}
            {hit && <mark ref={mark}>{hit}</mark>}
            {after}
          </pre>
        )}
      </section>
    </div>
  );
}
