/**
 * Expanding the selected node (issue 14): the order its neighbours come in (remembered), the next
 * page of them, and "Expand all N…", which first shows what would come — distinct neighbours per
 * kind and links per kind, counted by the server at the reader's clearance — with a kind filter,
 * and says plainly when N is more than the canvas should take (the first EXPAND_ALL_CAP come, in
 * the chosen order). The leaves of the hub are folded into groups when it runs (state/actions.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { api, type NeighbourCounts } from '../../api/client.ts';
import { nodeStyle } from '../../core/style/palette.ts';
import { useExpansionOrder } from '../../hooks/useExpansionOrder.ts';
import { EXPAND_ALL_CAP, expandAllPlan, PAGE } from '../../state/actions.ts';
import { EXPANSION_ORDERS, ORDER_LABELS, type ExpansionOrder } from '../../state/expansion-order.ts';
import './expand.css';

export interface ExpandAllRequest {
  relKinds?: string[];
  kinds?: string[];
  order: ExpansionOrder;
  /** what the preview counted */
  total: number;
}

interface Props {
  nodeId: string;
  /** the relationship kinds chosen in the details panel (none: all) */
  relKinds: string[] | undefined;
  /** the neighbours an expansion with these kinds would reach, as the details say */
  count: number;
  onExpand(relKinds: string[] | undefined, order: ExpansionOrder): void;
  onExpandAll(request: ExpandAllRequest): void;
  onError(error: unknown): void;
}

const n = (x: number) => x.toLocaleString('en');

export function ExpandControl({ nodeId, relKinds, count, onExpand, onExpandAll, onError }: Props) {
  const [order, setOrder] = useExpansionOrder();
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="expand-control">
      <label className="order">
        Order{' '}
        <select aria-label="Expansion order" value={order} onChange={(e) => setOrder(e.target.value as ExpansionOrder)}>
          {EXPANSION_ORDERS.map((o) => (
            <option key={o} value={o}>
              {ORDER_LABELS[o].charAt(0).toUpperCase() + ORDER_LABELS[o].slice(1)}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button className="primary" onClick={() => onExpand(relKinds, order)} disabled={count === 0}>
          {count > PAGE ? `Expand ${PAGE} of ${n(count)}` : `Expand ${relKinds ? 'chosen' : 'all'} (${n(count)})`}
        </button>
        {count > PAGE && (
          <button onClick={() => setPreviewing((p) => !p)} aria-expanded={previewing}>
            Expand all {n(count)}…
          </button>
        )}
      </div>
      {previewing && (
        <ExpandAllPreview
          key={`${nodeId} ${relKinds?.join(',') ?? ''}`}
          nodeId={nodeId}
          relKinds={relKinds}
          order={order}
          onRun={(request) => {
            setPreviewing(false);
            onExpandAll(request);
          }}
          onCancel={() => setPreviewing(false)}
          onError={onError}
        />
      )}
    </div>
  );
}

function ExpandAllPreview(props: {
  nodeId: string;
  relKinds: string[] | undefined;
  order: ExpansionOrder;
  onRun(request: ExpandAllRequest): void;
  onCancel(): void;
  onError(error: unknown): void;
}) {
  const { nodeId, relKinds, order, onError } = props;
  const [counts, setCounts] = useState<NeighbourCounts | null>(null);
  // kinds the analyst left out (ticked off in the preview)
  const [without, setWithout] = useState<Set<string>>(new Set());
  useEffect(() => {
    let live = true;
    api.neighbourCounts(nodeId, { relKinds }).then(
      (c) => live && setCounts(c),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [nodeId, relKinds, onError]);
  const kinds = useMemo(() => counts?.byKind.filter((k) => !without.has(k.kind)) ?? [], [counts, without]);
  if (!counts)
    return (
      <section className="expand-preview" aria-label="Expand all preview" aria-busy="true">
        Counting the neighbours…
      </section>
    );
  const total = kinds.reduce((s, k) => s + k.count, 0);
  const { take, capped } = expandAllPlan(total);
  const filtered = without.size > 0;
  const toggle = (kind: string) =>
    setWithout((s) => {
      const next = new Set(s);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <section className="expand-preview" aria-label="Expand all preview">
      <h4 data-testid="expand-all-total">
        {n(counts.total)} neighbour{counts.total === 1 ? '' : 's'} in all
      </h4>
      <ul className="kinds" aria-label="Neighbours by kind">
        {counts.byKind.map((k) => (
          <li key={k.kind} data-kind={k.kind}>
            <label>
              <input type="checkbox" checked={!without.has(k.kind)} onChange={() => toggle(k.kind)} />{' '}
              {nodeStyle(k.kind).label} <span className="count">{n(k.count)}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="links muted small" aria-label="Links by kind">
        Links: {counts.byRelKind.map((r) => `${r.kind} ${n(r.count)}`).join(', ') || 'none'}
      </div>
      {capped && (
        <p className="warn" data-testid="expand-all-cap">
          {n(total)} is more than the canvas should take: the first {n(EXPAND_ALL_CAP)} ({ORDER_LABELS[order]}) will be
          added. Untick kinds to bring fewer.
        </p>
      )}
      <p className="muted small">Leaves (neighbours linked only to this node) are folded into a group per kind.</p>
      <div className="actions">
        <button
          className="primary"
          disabled={take === 0}
          onClick={() =>
            props.onRun({
              relKinds,
              ...(filtered ? { kinds: kinds.map((k) => k.kind) } : {}),
              order,
              total,
            })
          }
        >
          {capped ? `Add the first ${n(take)}` : `Expand all ${n(take)}`}
        </button>
        <button onClick={props.onCancel}>Cancel</button>
      </div>
    </section>
  );
}
