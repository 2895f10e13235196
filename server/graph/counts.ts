/** How big the graph is: the health endpoint, the status page, the seed loader and the CLI ask it. */
import type { Tlp } from '../model/markings.ts';
import type { GraphStore } from '../store/types.ts';
import { seen, visibleParam } from './visibility.ts';

/**
 * Without `clearance`, everything (the operator's and the machine's own view: the seed loader, the
 * CLI); with it, only what a reader cleared so may see, links counted only between visible nodes.
 */
export async function graphCounts(
  store: GraphStore,
  clearance?: Tlp,
): Promise<{ nodes: number; relationships: number }> {
  if (!clearance) {
    const nodes = await store.read('MATCH (n) RETURN count(n) AS c');
    const relationships = await store.read('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: Number(nodes.rows[0]?.c ?? 0), relationships: Number(relationships.rows[0]?.c ?? 0) };
  }
  const visible = visibleParam(clearance);
  const nodes = await store.read(`MATCH (n) WHERE ${seen('n', clearance)} RETURN count(n) AS c`, visible);
  const relationships = await store.read(
    `MATCH (a)-[r]->(b) WHERE ${seen('a', clearance)} AND ${seen('r', clearance)} AND ${seen('b', clearance)} RETURN count(r) AS c`,
    visible,
  );
  return { nodes: Number(nodes.rows[0]?.c ?? 0), relationships: Number(relationships.rows[0]?.c ?? 0) };
}
