/**
 * The legend: each node kind and relationship kind on the canvas with its colour (and icon), how
 * many are shown of how many loaded; a click switches a kind off or on, and "select" beside a node
 * kind selects every shown node of it.
 */
import type { DataGraph } from '../core/graph/data-graph.ts';
import { edgePasses, nodePasses, type Filters } from '../core/filters/filters.ts';
import { edgeColour, nodeStyle } from '../core/style/palette.ts';
import { isAggregateEdge, isGroupNode } from '../core/groups/groups.ts';

interface Props {
  graph: DataGraph;
  version: number;
  filters: Filters;
  onToggleKind(kind: string): void;
  onToggleRelKind(kind: string): void;
  /** select every shown node of this kind (shift: add to the selection) */
  onSelectKind?(kind: string, add: boolean): void;
}

function tally(entries: Array<[string, boolean]>): Map<string, { shown: number; total: number }> {
  const counts = new Map<string, { shown: number; total: number }>();
  for (const [kind, shown] of entries) {
    const c = counts.get(kind) ?? { shown: 0, total: 0 };
    c.total++;
    if (shown) c.shown++;
    counts.set(kind, c);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

export function Legend({ graph, filters, onToggleKind, onToggleRelKind, onSelectKind }: Props) {
  // group nodes are the analyst's drawing, not a kind; grouped members count as shown (in their group)
  const nodes = tally(
    graph
      .filterNodes((_, a) => !isGroupNode(a))
      .map((n) => {
        const a = graph.getNodeAttributes(n);
        return [a.kind, nodePasses(a, filters) && !a.hiddenByUser];
      }),
  );
  const edges = tally(
    graph
      .filterEdges((_, a) => !isAggregateEdge(a))
      .map((e) => {
        const a = graph.getEdgeAttributes(e);
        return [a.kind, edgePasses(a, filters)];
      }),
  );
  if (nodes.size === 0) return null;
  return (
    <div className="legend" aria-label="Legend">
      {[...nodes].map(([kind, c]) => {
        const style = nodeStyle(kind);
        const off = filters.hiddenKinds.includes(kind);
        const toggle = (
          <button
            key={kind}
            className={`legend-item${off ? ' off' : ''}`}
            onClick={() => onToggleKind(kind)}
            title={off ? `Show ${style.label}` : `Hide ${style.label}`}
          >
            <span className="icon" style={{ background: style.colour }}>
              {style.icon}
            </span>
            {style.label} <span className="count">{c.shown === c.total ? c.total : `${c.shown}/${c.total}`}</span>
          </button>
        );
        if (!onSelectKind) return toggle;
        return (
          <span key={kind} className="legend-entry">
            {toggle}
            <button
              className="legend-select"
              aria-label={`Select every ${style.label}`}
              title={`Select every shown ${style.label} (shift: add to the selection)`}
              disabled={off || c.shown === 0}
              onClick={(e) => onSelectKind(kind, e.shiftKey || e.ctrlKey || e.metaKey)}
            >
              select
            </button>
          </span>
        );
      })}
      {edges.size > 0 && <div className="legend-sep" />}
      {[...edges].map(([kind, c]) => {
        const off = filters.hiddenRelKinds.includes(kind);
        return (
          <button key={kind} className={`legend-item rel${off ? ' off' : ''}`} onClick={() => onToggleRelKind(kind)}>
            <span className="swatch" style={{ background: edgeColour(kind) }} />
            {kind} <span className="count">{c.shown === c.total ? c.total : `${c.shown}/${c.total}`}</span>
          </button>
        );
      })}
    </div>
  );
}
