/**
 * Shortest paths between two nodes, each with its confidence: the weakest Admiralty grade of the
 * nodes and links along it, so a route resting on one F6 rumour is visibly weak.
 */
import type { PathInfo } from '../api/client.ts';
import { GradeBadge } from './DetailsPanel.tsx';

interface Props {
  from: { id: string; label: string } | null;
  to: { id: string; label: string } | null;
  maxHops: number;
  paths: PathInfo[] | null;
  active: number;
  busy: boolean;
  labelOf(id: string): string;
  onMaxHops(n: number): void;
  onFind(): void;
  onShow(index: number): void;
  onClear(): void;
}

export function PathPanel(props: Props) {
  const { from, to, paths } = props;
  return (
    <div className="panel" aria-label="Paths">
      <p className="muted small">Pick the ends from the details panel (“Path from here”, “Path to here”).</p>
      <div className="path-ends">
        <div>
          From: <b data-testid="path-from">{from?.label ?? '—'}</b>
        </div>
        <div>
          To: <b data-testid="path-to">{to?.label ?? '—'}</b>
        </div>
      </div>
      <label>
        At most
        <input
          type="number"
          min={1}
          max={8}
          value={props.maxHops}
          onChange={(e) => props.onMaxHops(Number(e.target.value))}
        />{' '}
        hops
      </label>
      <div className="actions">
        <button className="primary" disabled={!from || !to || props.busy} onClick={props.onFind}>
          {props.busy ? 'Finding…' : 'Find shortest paths'}
        </button>
        <button onClick={props.onClear}>Clear</button>
      </div>
      {paths && paths.length === 0 && <p>No path within {props.maxHops} hops.</p>}
      {paths && paths.length > 0 && (
        <ol className="paths" data-testid="paths">
          {paths.map((p, i) => (
            <li key={i} className={i === props.active ? 'active' : ''}>
              <button className="link" onClick={() => props.onShow(i)}>
                {p.hops} hops · weakest <GradeBadge grade={p.weakestGrade} />
                {p.synthetic && <span className="synthetic">synthetic</span>}
              </button>
              <div className="small muted">{p.nodes.map(props.labelOf).join(' → ')}</div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
