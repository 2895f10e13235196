/**
 * The sources an entity or link cites, as the details panel lists them: title, publisher and date,
 * the document's file with a button that opens it in the reader, and the cited excerpt, quoted.
 */
import type { Source } from '../../api/client.ts';

interface Props {
  sources: Source[];
  excerpt: string | null | undefined;
  onRead(source: Source): void;
}

export function SourceList({ sources, excerpt, onRead }: Props) {
  return (
    <>
      {excerpt && (
        <blockquote className="excerpt" data-testid="excerpt" title="the passage of the source that supports this">
          {excerpt}
        </blockquote>
      )}
      {sources.length > 0 ? (
        <ul className="sources">
          {sources.map((s) => (
            <li key={s.id}>
              <b>{s.name}</b>
              <div>
                {s.publisher ?? 'unknown publisher'}, {s.published ?? 'undated'}
                {s.file && (
                  <>
                    {' '}
                    · <code>{s.file}</code>{' '}
                    <button className="link" onClick={() => onRead(s)} aria-label={`Read ${s.name}`}>
                      read
                    </button>
                  </>
                )}
                {!s.file && s.url && (
                  <>
                    {' '}
                    · <span className="reference">{s.url}</span>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No source documents: generated for illustration.</p>
      )}
    </>
  );
}
