/**
 * "Connect" for a selection (i2's find connecting network): asks the server for the shortest
 * paths between every pair of the selected nodes, adds them to the canvas, and keeps the answer
 * for the Paths tab, with which pair (if any) is highlighted. App passes `connect` on as the
 * bulk-action bar's `onConnect(ids)`.
 */
import { useCallback, useMemo, useState } from 'react';
import { api, type ConnectingResponse } from '../api/client.ts';
import { connectingHighlight } from '../core/analysis/connecting.ts';
import type { GraphSession } from '../state/graph-session.ts';

export function useConnecting(session: GraphSession, onError: (error: unknown) => void) {
  const [result, setResult] = useState<ConnectingResponse | null>(null);
  /** the highlighted pair, by index into result.pairs; null: all of them */
  const [pair, setPair] = useState<number | null>(null);
  const [maxHops, setMaxHops] = useState(4);
  const [busy, setBusy] = useState(false);

  const connect = useCallback(
    async (ids: readonly string[]) => {
      setBusy(true);
      try {
        const answer = await api.connecting(ids, maxHops);
        session.addSubgraph(answer);
        setResult(answer);
        setPair(null);
      } catch (error) {
        onError(error);
      } finally {
        setBusy(false);
      }
    },
    [session, maxHops, onError],
  );

  const clear = useCallback(() => setResult(null), []);
  const highlight = useMemo(() => (result ? connectingHighlight(result, pair) : null), [result, pair]);

  return { result, pair, maxHops, busy, highlight, connect, setPair, setMaxHops, clear };
}
export type Connecting = ReturnType<typeof useConnecting>;
