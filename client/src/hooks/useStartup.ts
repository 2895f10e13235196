/** Once, on load: the saved queries, and the nodes of a shared link. */
import { useEffect, useRef, useState } from 'react';
import { api, type QuerySummary } from '../api/client.ts';
import type { GraphSession } from '../state/graph-session.ts';

export function useStartup(
  session: GraphSession,
  linkedNodes: string[],
  notify: (text: string, kind: 'error' | 'info') => void,
  onError: (error: unknown) => void,
): QuerySummary[] {
  const [queries, setQueries] = useState<QuerySummary[]>([]);
  // StrictMode runs effects twice in development; the link's nodes are fetched once
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    api
      .queries()
      .then((r) => {
        setQueries(r.queries);
        // a saved query whose file cannot be read is said once, not left out unseen
        if (r.damaged.length > 0)
          notify(
            `${r.damaged.length} saved query file(s) could not be read: ${r.damaged
              .slice(0, 3)
              .map((d) => `${d.name} (${d.reason})`)
              .join('; ')}`,
            'error',
          );
      })
      .catch(onError);
    if (linkedNodes.length === 0) return;
    api
      .subgraph(linkedNodes)
      .then((sub) => {
        session.addSubgraph(sub);
        if (sub.missing.length)
          notify(
            `${sub.missing.length} node(s) in the link no longer exist: ${sub.missing.slice(0, 5).join(', ')}`,
            'error',
          );
      })
      .catch(onError);
  }, [session, linkedNodes, notify, onError]);
  return queries;
}
