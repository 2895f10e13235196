/**
 * The selected node: its properties, provenance (sources with publisher and date, Admiralty grade,
 * TLP, first/last seen, synthetic), degree by relationship kind — which is also the preview of an
 * expansion: the investigator sees what would come and picks relationship kinds before expanding.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api, type NodeDetails, type QuerySummary, type Source } from '../api/client.ts';
import { gradeColour } from '../core/filters/markings.ts';
import { nodeStyle } from '../core/style/palette.ts';
import { NotesSection } from './notes/NotesSection.tsx';
import { entityChanges } from '../state/entity-changes.ts';
import { SourceList } from './edit/SourceList.tsx';
import { ExpandControl, type ExpandAllRequest } from './expand/ExpandControl.tsx';
import type { ExpansionOrder } from '../state/expansion-order.ts';

interface Props {
  nodeId: string;
  /** bumped when the node changed on the server (an edit, a restore): the panel loads it again */
  reload?: number;
  onCanvasDegree: number;
  pinned: boolean;
  queries: QuerySummary[];
  onExpand(relKinds: string[] | undefined, order: ExpansionOrder): void;
  /** expand every neighbour, after the preview (ExpandControl) */
  onExpandAll(request: ExpandAllRequest): void;
  onCollapse(): void;
  onHide(): void;
  onPin(): void;
  onRemove(): void;
  onPathEnd(end: 'from' | 'to'): void;
  onOpenQuery(name: string, params: Record<string, string>): void;
  /** open a cited source's document, the excerpt highlighted */
  onReadSource?(source: Source, excerpt: string | null | undefined): void;
  /** the editing section (edit, link, delete, history), when the page offers it */
  editing?: ReactNode;
  onError(error: unknown): void;
}

const HIDDEN_PROPERTIES = new Set([
  'id',
  'name',
  'description',
  'aliases',
  'label',
  'kind',
  'sourceIds',
  'grade',
  'tlp',
  'firstSeen',
  'lastSeen',
  'synthetic',
  'excerpt',
  'x',
  'y',
  'fixed',
  'hiddenByUser',
]);

// The server sends null for a node stored without a marking or grade (a Neo4j graph written by
// other tools): say so rather than fail to draw the panel.
export function TlpBadge({ tlp }: { tlp: string | null }) {
  if (!tlp) return <span className="tlp tlp-none">TLP: none</span>;
  return <span className={`tlp tlp-${tlp.replace('+', '-').toLowerCase()}`}>TLP:{tlp}</span>;
}

export function GradeBadge({ grade }: { grade: string | null }) {
  if (!grade)
    return (
      <span className="grade" title="no Admiralty grade recorded">
        ungraded
      </span>
    );
  return (
    <span
      className="grade"
      style={{ borderColor: gradeColour(grade), color: gradeColour(grade) }}
      title="Admiralty grade: source reliability A–F, information credibility 1–6"
    >
      {grade}
    </span>
  );
}

/** Library queries that take one id parameter whose description names this kind's ids. */
function relatedQueries(queries: QuerySummary[], id: string): Array<{ query: QuerySummary; param: string }> {
  const prefix = `${id.split(':')[0]}:`;
  return queries.flatMap((query) => {
    const param = query.params.find((p) => p.type === 'id' && (p.description ?? '').includes(prefix));
    return param ? [{ query, param: param.name }] : [];
  });
}

export function DetailsPanel(props: Props) {
  const { nodeId, reload, onError } = props;
  const [details, setDetails] = useState<NodeDetails | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // a merge or its undo changed entities: read this one again
  const revision = useSyncExternalStore(entityChanges.subscribe, entityChanges.getSnapshot);

  useEffect(() => {
    // the page keys this panel by node, so a new node starts with empty state
    let current = true;
    api
      .node(nodeId)
      .then((d) => current && setDetails(d))
      .catch((e) => current && onError(e));
    return () => {
      current = false;
    };
  }, [nodeId, reload, onError, revision]);

  if (!details)
    return (
      <aside className="details" aria-busy="true">
        Loading {nodeId}…
      </aside>
    );
  const a = details.node.attributes;
  const style = nodeStyle(a.kind);
  const p = details.provenance;
  const properties = Object.entries(a).filter(
    ([k, v]) => !HIDDEN_PROPERTIES.has(k) && v !== null && !(Array.isArray(v) && v.length === 0),
  );
  const toggle = (kind: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const expandCount = chosen.size
    ? [...chosen].reduce((n, k) => n + (details.degreeByRelKind[k] ?? 0), 0)
    : details.degree;
  const related = relatedQueries(props.queries, nodeId);

  return (
    <aside className="details" aria-label="Details">
      <header>
        <span className="icon big" style={{ background: style.colour }}>
          {style.icon}
        </span>
        <div>
          <div className="kind">{style.label}</div>
          <h2 data-testid="details-title">{a.label}</h2>
          <code className="id">{nodeId}</code>
        </div>
      </header>
      {typeof a.description === 'string' && <p className="description">{a.description}</p>}

      <section className="provenance" aria-label="Provenance">
        <h3>Provenance</h3>
        <div className="badges">
          <GradeBadge grade={p.grade} />
          <TlpBadge tlp={p.tlp} />
          {p.synthetic ? <span className="synthetic">synthetic</span> : <span className="factual">from sources</span>}
        </div>
        <div className="seen">
          Seen {p.firstSeen ?? '?'} – {p.lastSeen ?? '?'}
        </div>
        <SourceList
          sources={p.sources}
          excerpt={p.excerpt}
          onRead={(source) => props.onReadSource?.(source, p.excerpt)}
        />
      </section>

      <section aria-label="Connections">
        <h3>
          Connections{' '}
          <span className="muted">
            ({details.degree} in the graph, {props.onCanvasDegree} on the canvas)
          </span>
        </h3>
        <ul className="rel-kinds">
          {Object.entries(details.degreeByRelKind).map(([kind, n]) => (
            <li key={kind}>
              <label>
                <input type="checkbox" checked={chosen.has(kind)} onChange={() => toggle(kind)} /> {kind}{' '}
                <span className="count">{n}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="muted small">
          Neighbours by kind:{' '}
          {Object.entries(details.degreeByKind)
            .map(([k, n]) => `${nodeStyle(k).label} ${n}`)
            .join(', ') || 'none'}
        </div>
        <ExpandControl
          nodeId={nodeId}
          relKinds={chosen.size ? [...chosen] : undefined}
          count={expandCount}
          onExpand={props.onExpand}
          onExpandAll={props.onExpandAll}
          onError={props.onError}
        />
        <div className="actions">
          <button onClick={props.onCollapse}>Collapse</button>
          <button onClick={props.onPin}>{props.pinned ? 'Unpin' : 'Pin'}</button>
          <button onClick={props.onHide}>Hide</button>
          <button onClick={props.onRemove}>Remove</button>
        </div>
        <div className="actions">
          <button onClick={() => props.onPathEnd('from')}>Path from here</button>
          <button onClick={() => props.onPathEnd('to')}>Path to here</button>
        </div>
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

      {props.editing}

      <NotesSection target={{ type: 'node', id: nodeId }} onError={onError} />

      {related.length > 0 && (
        <section aria-label="Related queries">
          <h3>Related queries</h3>
          <ul className="related">
            {related.map(({ query, param }) => (
              <li key={query.name}>
                <button className="link" onClick={() => props.onOpenQuery(query.name, { [param]: nodeId })}>
                  {query.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
