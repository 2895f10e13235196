/**
 * Turns LadybugDB's JavaScript values into plain JSON, feeding nodes, relationships and paths to
 * the graph collector. Ladybug marks them by shape: nodes carry `_label` and `_id`,
 * relationships also `_src` and `_dst`, recursive relationships (paths) `_nodes` and `_rels`.
 */
import type { GraphCollector, RawNode, RawRel } from '../graph-collector.ts';
import { bigintToJson, isoDate, propertyToJson } from '../json-values.ts';
import type { JsonValue } from '../types.ts';

interface InternalId {
  offset: number;
  table: number;
}
type LadybugObject = Record<string, unknown>;

export function refOf(id: InternalId): string {
  return `${id.table}:${id.offset}`;
}

function isInternalId(value: unknown): value is InternalId {
  if (!value || typeof value !== 'object') return false;
  const v = value as LadybugObject;
  return Object.keys(v).length === 2 && typeof v.offset === 'number' && typeof v.table === 'number';
}

export class LadybugValues {
  constructor(private readonly collector: GraphCollector) {}

  private properties(value: LadybugObject): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const [name, v] of Object.entries(value)) {
      if (!name.startsWith('_')) out[name] = propertyToJson(name, v as JsonValue | Date, (x) => this.toJson(x));
    }
    return out;
  }

  rawNode(value: LadybugObject): RawNode {
    return { ref: refOf(value._id as InternalId), kind: String(value._label), properties: this.properties(value) };
  }

  private rawRel(value: LadybugObject): RawRel {
    return {
      ref: `r${refOf(value._id as InternalId)}`,
      kind: String(value._label),
      startRef: refOf(value._src as InternalId),
      endRef: refOf(value._dst as InternalId),
      properties: this.properties(value),
    };
  }

  /** A cell of a result row; `columnType` is Ladybug's declared type of the column. */
  toJson(value: unknown, columnType?: string): JsonValue {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return bigintToJson(value);
    if (value instanceof Date) return columnType === 'DATE' ? isoDate(value) : value.toISOString();
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    // A list column's type is its element's followed by [] (DATE[]), which the elements need.
    if (Array.isArray(value)) return value.map((v) => this.toJson(v, columnType?.replace(/\[\d*\]$/, '')));
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), this.toJson(v)]));
    if (typeof value === 'object') {
      const obj = value as LadybugObject;
      // A user's map may have these keys too; the engine's paths hold node and rel objects.
      const isEngineValue = (v: unknown) => !!v && typeof v === 'object' && '_id' in v && '_label' in v;
      if (Array.isArray(obj._nodes) && Array.isArray(obj._rels) && [...obj._nodes, ...obj._rels].every(isEngineValue)) {
        return this.collector.addPath(
          (obj._nodes as LadybugObject[]).map((n) => this.rawNode(n)),
          (obj._rels as LadybugObject[]).map((r) => this.rawRel(r)),
        );
      }
      if (isInternalId(obj._src) && isInternalId(obj._dst) && isInternalId(obj._id) && typeof obj._label === 'string') {
        return this.collector.addRel(this.rawRel(obj));
      }
      if (isInternalId(obj._id) && typeof obj._label === 'string') return this.collector.addNode(this.rawNode(obj));
      if (isInternalId(obj)) return refOf(obj);
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, this.toJson(v)]));
    }
    return String(value);
  }
}
