/** A node (GET /api/nodes/:id) with its provenance spelled out and its degree by kind. */
import { type z } from 'zod';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore } from '../store/types.ts';
import { findNode, kindOfIdOr404 } from './find-node.ts';
import { seen, visibleParam } from './visibility.ts';
import { relTypesAt } from './graph-merge.ts';
import { SourceRefSchema, NodeDetailsSchema } from '../model/wire.ts';

export const SourceRef = SourceRefSchema;
export const NodeDetails = NodeDetailsSchema;
export type NodeDetails = z.infer<typeof NodeDetails>;

/**
 * The cited Sources as the reader may see them. `ids` come from a node already cleaned of withheld
 * citations (findNode), and the lookup filters again, so a withheld Source is named nowhere.
 */
export async function sourcesFor(
  store: GraphStore,
  ids: string[],
  clearance: Tlp,
): Promise<z.infer<typeof SourceRef>[]> {
  if (ids.length === 0) return [];
  const result = await store.read(
    `UNWIND $ids AS i MATCH (s:Source {id: i}) WHERE ${seen('s', clearance)} RETURN s.id AS id, s.name AS name, s.publisher AS publisher, s.published AS published, s.file AS file, s.url AS url`,
    { ids, ...visibleParam(clearance) },
  );
  const found = new Map(result.rows.map((row) => [String(row.id), row]));
  return ids.map((id) => {
    const row = found.get(id);
    const text = (key: string) => (row && row[key] != null ? String(row[key]) : null);
    return {
      id,
      name: text('name') ?? id,
      publisher: text('publisher'),
      published: text('published'),
      file: text('file'),
      url: text('url'),
    };
  });
}

/** The degrees count only visible links to visible nodes: they must not tell that RED links exist. */
export async function nodeDetails(store: GraphStore, id: string, clearance: Tlp): Promise<NodeDetails> {
  const node = await findNode(store, id, clearance);
  const kind = kindOfIdOr404(id);
  const { dialect } = store;
  // typed from the schema: an untyped pattern is planned over every relationship table
  const types = relTypesAt(kind) ?? '';
  const counts = await store.read(
    `MATCH (n:${kind} {id: $id})-[r${types}]-(m) WHERE ${seen('r', clearance)} AND ${seen('m', clearance)}
     RETURN ${dialect.kindOf('r', 'rel')} AS relKind, ${dialect.kindOf('m', 'node')} AS kind, count(*) AS c`,
    { id, ...visibleParam(clearance) },
  );
  const degreeByRelKind: Record<string, number> = {};
  const degreeByKind: Record<string, number> = {};
  let degree = 0;
  for (const row of counts.rows) {
    const c = Number(row.c);
    degree += c;
    degreeByRelKind[String(row.relKind)] = (degreeByRelKind[String(row.relKind)] ?? 0) + c;
    degreeByKind[String(row.kind)] = (degreeByKind[String(row.kind)] ?? 0) + c;
  }
  return {
    node,
    degree,
    degreeByRelKind,
    degreeByKind,
    provenance: await provenanceOf(store, node.attributes, clearance),
  };
}

/** The provenance of a node or link, its cited Sources looked up as the reader may see them. */
export async function provenanceOf(
  store: GraphStore,
  a: Record<string, unknown>,
  clearance: Tlp,
): Promise<NodeDetails['provenance']> {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    sources: await sourcesFor(store, Array.isArray(a.sourceIds) ? (a.sourceIds as string[]) : [], clearance),
    grade: text(a.grade),
    tlp: text(a.tlp),
    firstSeen: text(a.firstSeen),
    lastSeen: text(a.lastSeen),
    synthetic: a.synthetic === true,
    excerpt: text(a.excerpt),
  };
}
