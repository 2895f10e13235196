/** One relationship (GET /api/relationships/:id) with its provenance spelled out. */
import { AppError } from '../errors.ts';
import type { Tlp } from '../model/markings.ts';
import type { RelationshipDetails } from '../model/wire.ts';
import type { GraphStore } from '../store/types.ts';
import { provenanceOf } from './node-details.ts';
import { seen, visibleParam, withoutWithheldCitations } from './visibility.ts';

/** A link the reader may not see, or one with an end they may not see, is the same 404 as a missing one. */
export async function relationshipDetails(store: GraphStore, id: string, clearance: Tlp): Promise<RelationshipDetails> {
  const result = await store.read(
    `MATCH (a)-[r {id: $id}]->(b) WHERE ${seen('r', clearance)} AND ${seen('a', clearance)} AND ${seen('b', clearance)} RETURN a, r, b`,
    { id, ...visibleParam(clearance) },
  );
  const found = result.graph.edges.find((e) => e.key === id);
  if (!found) throw new AppError('not_found', `no relationship ${id}`, { id });
  const [edge = found] = (await withoutWithheldCitations(store, { nodes: [], edges: [found] }, clearance)).edges;
  return { edge, provenance: await provenanceOf(store, edge.attributes, clearance) };
}
