/**
 * The selected link (a clicked edge): its kind and ends, properties, provenance with the cited
 * excerpt and sources, and the editing actions (edit, delete, history) as for an entity.
 */
import { NotesSection } from '../notes/NotesSection.tsx';
import { useEffect, useState } from 'react';
import { api, type EditResult, type RelationshipDetails, type Source } from '../../api/client.ts';
import { PROVENANCE_PROPERTIES } from '../../core/edit/form-model.ts';
import { GradeBadge, TlpBadge } from '../DetailsPanel.tsx';
import { EditActions } from './EditActions.tsx';
import { SourceList } from './SourceList.tsx';

interface Props {
  edgeId: string;
  /** bumped after each write: the panel loads again */
  version: number;
  labelOf(id: string): string;
  writeDenied: string | null;
  onSelectNode(id: string): void;
  onEdit(): void;
  onDeleted(result: EditResult): void;
  onRestored(result: EditResult): void;
  onRead(source: Source, excerpt: string | null | undefined): void;
  onClose(): void;
  onError(error: unknown): void;
}

const NOT_SHOWN = new Set(['id', 'kind', 'label', ...PROVENANCE_PROPERTIES]);

export function LinkDetailsPanel(p: Props) {
  const { edgeId, version, onError } = p;
  const [details, setDetails] = useState<RelationshipDetails | null>(null);

  useEffect(() => {
    let current = true;
    api
      .relationship(edgeId)
      .then((d) => current && setDetails(d))
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [edgeId, version, onError]);

  if (!details)
    return (
      <aside className="details" aria-busy="true">
        Loading {edgeId}…
      </aside>
    );
  const { edge, provenance } = details;
  const { excerpt } = provenance;
  const properties = Object.entries(edge.attributes).filter(
    ([k, v]) => !NOT_SHOWN.has(k) && v !== null && !(Array.isArray(v) && v.length === 0),
  );
  const label = `${edge.attributes.kind}: ${p.labelOf(edge.source)} → ${p.labelOf(edge.target)}`;
  return (
    <aside className="details link-details" aria-label="Link details">
      <header>
        <div>
          <div className="kind">Link</div>
          <h2 data-testid="link-title">{edge.attributes.kind}</h2>
          <code className="id">{edgeId}</code>
        </div>
        <button className="close" aria-label="Close the link details" onClick={p.onClose}>
          ×
        </button>
      </header>
      <p className="link-ends">
        <button className="link" onClick={() => p.onSelectNode(edge.source)}>
          {p.labelOf(edge.source)}
        </button>{' '}
        →{' '}
        <button className="link" onClick={() => p.onSelectNode(edge.target)}>
          {p.labelOf(edge.target)}
        </button>
      </p>
      <section className="provenance" aria-label="Provenance">
        <h3>Provenance</h3>
        <div className="badges">
          <GradeBadge grade={provenance.grade} />
          <TlpBadge tlp={provenance.tlp} />
          {provenance.synthetic ? (
            <span className="synthetic">synthetic</span>
          ) : (
            <span className="factual">from sources</span>
          )}
        </div>
        <div className="seen">
          Seen {provenance.firstSeen ?? '?'} – {provenance.lastSeen ?? '?'}
        </div>
        <SourceList sources={provenance.sources} excerpt={excerpt} onRead={(s) => p.onRead(s, excerpt)} />
      </section>
      {properties.length > 0 && (
        <section aria-label="Properties">
          <h3>Properties</h3>
          <table className="props">
            <tbody>
              {properties.map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{Array.isArray(v) ? v.join(', ') : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <EditActions
        entity="relationship"
        id={edgeId}
        label={label}
        writeDenied={p.writeDenied}
        version={version}
        onEdit={p.onEdit}
        onDeleted={p.onDeleted}
        onRestored={p.onRestored}
        onError={onError}
      />
      <NotesSection target={{ type: 'relationship', id: edgeId }} onError={onError} />
    </aside>
  );
}
