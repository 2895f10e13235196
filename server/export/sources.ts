/** The Source documents an export cites, for the briefing's list of documents. */
import type { Tlp } from '../model/provenance.ts';
import type { GraphStore, SerializedGraph, SerializedNode } from '../store/types.ts';
import { cleanGraph } from './clean-text.ts';
import type { SourceDocument } from './context.ts';
import { filterByTlp } from './tlp-filter.ts';

function toDocument(node: SerializedNode): SourceDocument {
  const text = (name: string) => (typeof node.attributes[name] === 'string' ? (node.attributes[name] as string) : null);
  return {
    id: node.key,
    name: node.attributes.label,
    publisher: text('publisher'),
    published: text('published'),
    url: text('url'),
  };
}

/** Every Source cited in `sourceIds` or present in the graph, read from the store, as the recipient may see them. */
export async function citedSources(
  store: GraphStore,
  graph: SerializedGraph,
  recipientTlp: Tlp | undefined,
): Promise<SourceDocument[]> {
  const ids = new Set<string>();
  for (const item of [...graph.nodes, ...graph.edges]) {
    const cited = item.attributes.sourceIds;
    if (Array.isArray(cited)) for (const id of cited) if (typeof id === 'string') ids.add(id);
  }
  for (const node of graph.nodes) if (node.attributes.kind === 'Source') ids.add(node.key);
  if (ids.size === 0) return [];
  const result = await store.read(
    'UNWIND $ids AS i MATCH (s:Source {id: i}) RETURN s',
    { ids: [...ids] },
    { maxRows: ids.size },
  );
  const visible = filterByTlp(cleanGraph(result.graph), recipientTlp).graph.nodes;
  return visible
    .map(toDocument)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
}
