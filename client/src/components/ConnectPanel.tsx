/**
 * "Connect N selected" (i2's find connecting network), in the Paths tab: the hop limit, the
 * button, and the answer — each connected pair with its hop count and grade (click one to
 * highlight only its paths, "All pairs" for the whole network), the pairs not connected within
 * the limit, and a word when the server listed fewer paths than exist or ran out of time.
 */
import type { ConnectingResponse } from '../api/client.ts';
import { MAX_CONNECT_HOPS, pairGrade, pairsInOrder } from '../core/analysis/connecting.ts';
import { GradeBadge } from './DetailsPanel.tsx';

interface Props {
  /** the selected nodes on the canvas */
  count: number;
  /** why Connect cannot run now (too few or too many selected), or null */
  reason: string | null;
  maxHops: number;
  busy: boolean;
  result: ConnectingResponse | null;
  /** the highlighted pair's index in result.pairs; null: all */
  pair: number | null;
  labelOf(id: string): string;
  onMaxHops(n: number): void;
  onConnect(): void;
  onPair(index: number | null): void;
  onClear(): void;
}

export function ConnectPanel(props: Props) {
  const { result, labelOf } = props;
  return (
    <section className="panel connect" aria-label="Connecting network" data-testid="connect-panel">
      <h3>Connecting network</h3>
      <p className="muted small">The shortest paths between every pair of the selected nodes.</p>
      <label>
        At most
        <input
          type="number"
          min={1}
          max={MAX_CONNECT_HOPS}
          value={props.maxHops}
          aria-label="Connect within hops"
          onChange={(e) => props.onMaxHops(Math.min(MAX_CONNECT_HOPS, Math.max(1, Number(e.target.value) || 1)))}
        />{' '}
        hops
      </label>
      <div className="actions">
        <button
          className="primary"
          data-testid="connect-selected"
          disabled={Boolean(props.reason) || props.busy}
          title={props.reason ?? undefined}
          onClick={props.onConnect}
        >
          {props.busy ? 'Connecting…' : `Connect ${props.count} selected`}
        </button>
        {result && <button onClick={props.onClear}>Clear</button>}
      </div>
      {result && (
        <div data-testid="connect-result">
          <p className="small">
            {result.pairs.length} of {result.pairs.length + result.unconnected.length} pairs connected within{' '}
            {result.maxHops} hops
            {result.pairs.length > 0 && (
              <>
                {' · '}
                <button className={`link${props.pair === null ? ' on' : ''}`} onClick={() => props.onPair(null)}>
                  All pairs
                </button>
              </>
            )}
          </p>
          {(result.limited || result.pairs.some((p) => p.truncated)) && (
            <p className="small muted" data-testid="connect-cut">
              Some pairs have more shortest paths than listed ({result.pathsPerPair} per pair at most
              {result.limited ? ', fewer than usual because so many pairs were asked for' : ''}).
            </p>
          )}
          <ol className="paths" data-testid="connect-pairs">
            {pairsInOrder(result).map(({ pair, index }) => (
              <li key={index} className={index === props.pair ? 'active' : ''}>
                <button className="link" onClick={() => props.onPair(index)}>
                  {labelOf(pair.from)} ↔ {labelOf(pair.to)}
                </button>
                <div className="small">
                  {pair.paths[0]?.hops} hops · {pair.paths.length} path{pair.paths.length === 1 ? '' : 's'}
                  {pair.truncated ? '+' : ''} · best <GradeBadge grade={pairGrade(pair)} />
                </div>
                <ul className="small muted">
                  {pair.paths.map((p, i) => (
                    <li key={i}>
                      <GradeBadge grade={p.weakestGrade} /> {p.nodes.map(labelOf).join(' → ')}
                      {p.synthetic && <span className="synthetic">synthetic</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {result.unsearched.length > 0 && (
            <p className="small refusal" data-testid="connect-unsearched">
              {result.unsearched.length} pair{result.unsearched.length === 1 ? ' was' : 's were'} not searched: the
              search ran out of time. Connect fewer nodes, or fewer hops.
            </p>
          )}
          {result.unconnected.length > 0 && (
            <div className="small" data-testid="connect-unconnected">
              Not connected within {result.maxHops} hops:
              <ul className="muted">
                {result.unconnected.map((u) => (
                  <li key={`${u.from} ${u.to}`}>
                    {labelOf(u.from)} ↔ {labelOf(u.to)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
