/**
 * The latency cases, each as an HTTP request to the server under test and the same Cypher for the
 * raw engine, in the store's dialect (server/store/dialect.ts), so both stores answer one list.
 */
import { bindVisible } from '../../server/queries/clearance.ts';
import type { Dialect } from '../../server/store/dialect.ts';
import type { BenchShape } from './data.ts';

export interface BenchCase {
  name: string;
  http: (i: number) => Promise<unknown>;
  cypher: string;
  params: (i: number) => Record<string, unknown>;
  /** the saved queries scan much of the graph: fewer runs keep the 1M size within minutes */
  maxRuns?: number;
}

export const CASE_NAMES = [
  'search',
  'node details',
  '1-hop',
  '2-hop',
  'shortest path',
  'saved: facilitator-network',
  'saved: shared-facilitators',
] as const;

/** GET (or `init`) a path of the server; a non-2xx answer throws with its body. */
export function client(url: string) {
  return async (p: string, init?: RequestInit) => {
    const res = await fetch(`${url}${p}`, init);
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.arrayBuffer();
  };
}

export async function benchCases(url: string, dialect: Dialect, shape: BenchShape): Promise<BenchCase[]> {
  const get = client(url);
  const id = (i: number) => `facilitator:b${(i * 104729) % shape.people}`;
  const centre = (i: number) => `centre:b${i % shape.centres}`;
  const ids = (i: number) => ({ id: id(i) });
  // the saved queries' text as the server runs them (its store's dialect), for the raw side too
  // with `$visible` bound as the runner binds it for a reader cleared to RED (on LadybugDB an
  // inlined list: the engine fails an assertion on a list parameter there)
  const savedText = async (name: string) =>
    bindVisible(
      ((await (await fetch(`${url}/api/queries/${name}`)).json()) as { query: string }).query,
      dialect.name,
      'RED',
    );
  const post = (name: string, params: Record<string, unknown>) =>
    get(`/api/queries/${name}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params }),
    });
  const network = await savedText('facilitator-network');
  const shared = await savedText('shared-facilitators');
  return [
    {
      name: 'search',
      http: (i) => get(`/api/search?q=Facilitator%20${i}&limit=10`),
      cypher: 'MATCH (n:Facilitator) WHERE n.searchKey CONTAINS $q RETURN n.id, n.name LIMIT 10',
      params: (i) => ({ q: `|facilitator ${i}` }),
    },
    {
      name: 'node details',
      http: (i) => get(`/api/nodes/${encodeURIComponent(id(i))}`),
      cypher: `MATCH (n:Facilitator {id: $id})-[r]-(m) RETURN n, ${dialect.kindOf('r', 'rel')}, ${dialect.kindOf('m', 'node')}, count(*)`,
      params: ids,
    },
    {
      name: '1-hop',
      http: (i) => get(`/api/nodes/${encodeURIComponent(id(i))}/neighbors?depth=1&limit=200`),
      cypher: 'MATCH (n:Facilitator {id: $id})-[r]-(m) RETURN n, r, m LIMIT 200',
      params: ids,
    },
    {
      name: '2-hop',
      http: (i) => get(`/api/nodes/${encodeURIComponent(id(i))}/neighbors?depth=2&limit=200`),
      cypher: 'MATCH (n:Facilitator {id: $id})-[r*1..2]-(m) RETURN m.id LIMIT 200',
      params: ids,
    },
    {
      name: 'shortest path',
      http: (i) => get(`/api/paths?from=${encodeURIComponent(id(i))}&to=${encodeURIComponent(id(i + 1))}&maxHops=4`),
      cypher: `MATCH (a:Facilitator {id: $a}), (b:Facilitator {id: $b}) ${dialect.allShortestPaths('p', 'a', 'b', [], 4, 'all')} RETURN p LIMIT 25`,
      params: (i) => ({ a: id(i), b: id(i + 1) }),
    },
    // two saved queries of the library, through HTTP and as the same text on the raw engine
    {
      name: 'saved: facilitator-network',
      http: (i) => post('facilitator-network', { centre: centre(i) }),
      cypher: network.text,
      params: (i) => ({ centre: centre(i), ...network.params }),
      maxRuns: 10,
    },
    {
      name: 'saved: shared-facilitators',
      http: () => post('shared-facilitators', { minCentres: 2 }),
      cypher: shared.text,
      params: () => ({ minCentres: 2, ...shared.params }),
      maxRuns: 10,
    },
  ];
}
