/**
 * Turns neo4j-driver values into plain JSON, feeding nodes, relationships and paths to the graph
 * collector, and JavaScript parameters into what Neo4j expects. The output must match the
 * embedded store's byte for byte: integers as numbers, DATE properties as 'YYYY-MM-DD'.
 */
import neo4j from 'neo4j-driver';
import type { Node, Path, Relationship } from 'neo4j-driver';
import { NODE_KIND_NAMES, propertyTypes } from '../../model/schema.ts';
import type { GraphCollector, RawNode, RawRel } from '../graph-collector.ts';
import { bigintToJson, propertyToJson } from '../json-values.ts';
import type { JsonValue } from '../types.ts';

const NODE_KIND_SET = new Set<string>(NODE_KIND_NAMES);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The driver sends every JavaScript number as a float, so `range(1, $n)` or an INT64 property
 * would get 5.0; safe integers travel as `neo4j.int`, recursively through arrays and plain objects.
 * @example toDriverParams({ n: 5, x: 2.5 }) // { n: Integer(5), x: 2.5 }
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)]));
  return value;
}

export class Neo4jValues {
  constructor(private readonly collector: GraphCollector) {}

  private property(name: string, value: unknown): JsonValue {
    // A DATE property written as a datetime still reads back as its calendar date.
    if (propertyTypes.get(name) === 'DATE' && (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value))) {
      return new neo4j.types.Date(value.year, value.month, value.day).toString();
    }
    return propertyToJson(name, value as JsonValue | Date, (v) => this.toJson(v));
  }

  private properties(properties: Record<string, unknown>): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const [name, value] of Object.entries(properties)) out[name] = this.property(name, value);
    return out;
  }

  /** kind = the first label that is a domain node kind, so extra labels do not change it. */
  rawNode(node: Node): RawNode {
    const kind = node.labels.find((l) => NODE_KIND_SET.has(l)) ?? node.labels[0] ?? '';
    return { ref: node.elementId, kind, properties: this.properties(node.properties) };
  }

  rawRel(rel: Relationship): RawRel {
    return {
      ref: rel.elementId,
      kind: rel.type,
      startRef: rel.startNodeElementId,
      endRef: rel.endNodeElementId,
      properties: this.properties(rel.properties),
    };
  }

  private path(path: Path): JsonValue {
    const nodes = [path.start, ...path.segments.map((s) => s.end)];
    return this.collector.addPath(
      nodes.map((n) => this.rawNode(n)),
      path.segments.map((s) => this.rawRel(s.relationship)),
    );
  }

  /** A cell of a result row, or any value inside one. */
  toJson(value: unknown): JsonValue {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return bigintToJson(value);
    // toNumber where it is exact: a BigInt per integer made a 4M-item list take seconds
    if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : bigintToJson(value.toBigInt());
    if (Array.isArray(value)) return value.map((v) => this.toJson(v));
    if (neo4j.isNode(value)) return this.collector.addNode(this.rawNode(value));
    if (neo4j.isRelationship(value)) return this.collector.addRel(this.rawRel(value));
    if (neo4j.isPath(value)) return this.path(value);
    // the driver writes a duration without a time part with a dangling `T` ("P1MT"), which is
    // not ISO 8601; Neo4j's own toString() gives "P1M", and a zero duration "PT0S"
    if (neo4j.isDuration(value)) return value.toString().replace(/T$/, '').replace(/^P$/, 'PT0S');
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isDuration(value) ||
      neo4j.isUUID(value)
    ) {
      return value.toString();
    }
    if (neo4j.isPoint(value)) {
      const point: Record<string, JsonValue> = { srid: this.toJson(value.srid), x: value.x, y: value.y };
      if (value.z !== undefined && value.z !== null) point.z = value.z;
      return point;
    }
    if (neo4j.isVector(value)) return this.toJson(Array.from(value.asTypedArray() as ArrayLike<number | bigint>));
    // byte arrays arrive as Int8Array
    if (ArrayBuffer.isView(value)) return this.toJson(Array.from(value as unknown as ArrayLike<number | bigint>));
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.toJson(v)]));
    }
    return String(value);
  }
}
