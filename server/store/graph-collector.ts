/**
 * Gathers the nodes, relationships and paths found anywhere in a result into one serialised
 * graph. Adapters translate their engine's values into `RawNode`/`RawRel` and hand them here, so
 * both stores produce exactly the same shape.
 */
import { SEARCH_PROPERTY } from '../model/schema.ts';
import type {
  EdgeCell,
  JsonValue,
  NodeCell,
  PathCell,
  QueryResult,
  SerializedEdge,
  SerializedGraph,
  SerializedNode,
} from './types.ts';

export interface RawNode {
  /** the engine's own identity, used to join relationships to their ends */
  ref: string;
  kind: string;
  properties: Record<string, JsonValue>;
}
export interface RawRel {
  ref: string;
  kind: string;
  startRef: string;
  endRef: string;
  properties: Record<string, JsonValue>;
}

function cleanProperties(properties: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(properties)) {
    // Nulls are dropped because Neo4j does not store them; the two stores must agree.
    if (value !== null && name !== SEARCH_PROPERTY) out[name] = value;
  }
  return out;
}

export class GraphCollector {
  private readonly nodes = new Map<string, SerializedNode>();
  private readonly keyByRef = new Map<string, string>();
  private readonly pendingEdges = new Map<string, RawRel>();

  addNode(raw: RawNode): NodeCell {
    const key = typeof raw.properties.id === 'string' ? raw.properties.id : raw.ref;
    this.keyByRef.set(raw.ref, key);
    let node = this.nodes.get(key);
    if (!node) {
      const properties = cleanProperties(raw.properties);
      const label = typeof properties.name === 'string' ? properties.name : key;
      node = { key, attributes: { kind: raw.kind, label, ...properties } };
      this.nodes.set(key, node);
    }
    return { $type: 'node', key, kind: raw.kind, label: node.attributes.label };
  }

  addRel(raw: RawRel): EdgeCell {
    const key = typeof raw.properties.id === 'string' ? raw.properties.id : raw.ref;
    if (!this.pendingEdges.has(key)) this.pendingEdges.set(key, raw);
    return {
      $type: 'edge',
      key,
      kind: raw.kind,
      source: this.keyByRef.get(raw.startRef) ?? raw.startRef,
      target: this.keyByRef.get(raw.endRef) ?? raw.endRef,
    };
  }

  addPath(nodes: RawNode[], rels: RawRel[]): PathCell {
    return {
      $type: 'path',
      nodes: nodes.map((n) => this.addNode(n).key),
      edges: rels.map((r) => this.addRel(r).key),
    };
  }

  /** Engine refs of relationship ends that were not themselves in the result. */
  missingEndRefs(): string[] {
    const missing = new Set<string>();
    for (const rel of this.pendingEdges.values()) {
      if (!this.keyByRef.has(rel.startRef)) missing.add(rel.startRef);
      if (!this.keyByRef.has(rel.endRef)) missing.add(rel.endRef);
    }
    return [...missing];
  }

  /**
   * The graph. Row cells were written before every end was known, so the adapter passes the
   * rows through `resolveCells` after fetching missing ends.
   */
  toGraph(): SerializedGraph {
    const edges: SerializedEdge[] = [];
    for (const [key, rel] of this.pendingEdges) {
      const source = this.keyByRef.get(rel.startRef);
      const target = this.keyByRef.get(rel.endRef);
      if (source === undefined || target === undefined) continue;
      edges.push({ key, source, target, attributes: { kind: rel.kind, ...cleanProperties(rel.properties) } });
    }
    return { nodes: [...this.nodes.values()], edges };
  }

  /** Rewrites edge cells whose ends were engine refs into node keys. */
  resolveCells(value: JsonValue): JsonValue {
    if (Array.isArray(value)) return value.map((v) => this.resolveCells(v));
    if (value && typeof value === 'object') {
      if (value.$type === 'edge') {
        return {
          ...value,
          source: this.keyByRef.get(value.source as string) ?? value.source ?? null,
          target: this.keyByRef.get(value.target as string) ?? value.target ?? null,
        };
      }
      if (value.$type === 'node' || value.$type === 'path') return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolveCells(v)]));
    }
    return value;
  }

  /** The normalised result, once every row is in and missing ends have been added. */
  result(columns: string[], rows: Record<string, JsonValue>[], truncated: boolean, startedAt: number): QueryResult {
    return {
      columns,
      rows: rows.map((row) => this.resolveCells(row) as Record<string, JsonValue>),
      graph: this.toGraph(),
      truncated,
      elapsedMs: Math.round(performance.now() - startedAt),
    };
  }
}
