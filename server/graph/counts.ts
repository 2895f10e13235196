/** How big the graph is: the health endpoint, the status page, the seed loader and the CLI ask it. */
import type { GraphStore } from '../store/types.ts';

export async function graphCounts(store: GraphStore): Promise<{ nodes: number; relationships: number }> {
  const nodes = await store.read('MATCH (n) RETURN count(n) AS c');
  const relationships = await store.read('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(nodes.rows[0]?.c ?? 0), relationships: Number(relationships.rows[0]?.c ?? 0) };
}
