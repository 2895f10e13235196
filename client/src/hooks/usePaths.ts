/** The path finder's state: its two ends, the hop limit, the paths found and the one highlighted. */
import { useCallback, useMemo, useState } from 'react';
import { api, type PathInfo } from '../api/client.ts';
import { findPaths } from '../state/actions.ts';
import type { GraphSession } from '../state/graph-session.ts';

export interface PathEnds {
  from: string | null;
  to: string | null;
}

export function usePaths(session: GraphSession, onError: (error: unknown) => void) {
  const [ends, setEnds] = useState<PathEnds>({ from: null, to: null });
  const [paths, setPaths] = useState<PathInfo[] | null>(null);
  const [active, setActive] = useState(0);
  const [maxHops, setMaxHops] = useState(6);
  const [busy, setBusy] = useState(false);

  const find = useCallback(async () => {
    if (!ends.from || !ends.to) return;
    setBusy(true);
    try {
      setPaths(await findPaths(session, api, ends.from, ends.to, maxHops));
      setActive(0);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }, [session, ends, maxHops, onError]);

  const setEnd = useCallback((end: keyof PathEnds, node: string) => setEnds((p) => ({ ...p, [end]: node })), []);
  const clearPaths = useCallback(() => setPaths(null), []);
  const reset = useCallback(() => {
    setPaths(null);
    setEnds({ from: null, to: null });
  }, []);

  const highlight = useMemo(() => {
    const p = paths?.[active];
    return p ? { nodes: new Set(p.nodes), edges: new Set(p.edges) } : null;
  }, [paths, active]);

  return { ends, paths, active, maxHops, busy, highlight, find, setEnd, setActive, setMaxHops, clearPaths, reset };
}
