/**
 * Whole records, as import takes them (NodeRecordValue / RelRecordValue), read and written inside
 * a transaction: what the edit routes and merge read before a change, keep in the change log, and
 * write back. Both stores; every statement's label or type comes from the schema, values are parameters.
 */
import { AppError } from '../errors.ts';
import {
  NodeRecord,
  RelRecord,
  nodeKindOfId,
  type GraphBatch,
  type NodeRecordValue,
  type RelRecordValue,
} from '../model/schema.ts';
import { writeRecords as writeBatchRecords } from '../store/batch-writer.ts';
import type { Dialect } from '../store/dialect.ts';
import type { JsonValue, SerializedEdge, SerializedNode, TransactionRunner } from '../store/types.ts';

/** The attributes the store adds to a serialised item that are not properties. */
function propertiesOf(attributes: Record<string, JsonValue>, drop: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) if (!drop.includes(name)) out[name] = value;
  return out;
}

/**
 * A stored node as a record: its properties with the schema's defaults for the ones the store
 * left out (nulls are not stored). A node stored off the schema (another tool's writing) comes
 * back as it is, so its history still holds what was there.
 */
export function nodeRecordOf(node: SerializedNode): NodeRecordValue {
  const raw = propertiesOf(node.attributes, ['label']);
  raw.id = node.key;
  const parsed = NodeRecord.safeParse(raw);
  return parsed.success ? parsed.data : (raw as NodeRecordValue);
}

export function relRecordOf(edge: SerializedEdge): RelRecordValue {
  const raw = propertiesOf(edge.attributes, []);
  Object.assign(raw, { id: edge.key, from: edge.source, to: edge.target });
  const parsed = RelRecord.safeParse(raw);
  return parsed.success ? parsed.data : (raw as RelRecordValue);
}

/** The node with this id, or null (also for an id whose prefix names no kind). */
export async function readNodeRecord(tx: TransactionRunner, id: string): Promise<NodeRecordValue | null> {
  const kind = nodeKindOfId(id)?.kind;
  if (!kind) return null;
  const result = await tx.run(`MATCH (n:${kind} {id: $id}) RETURN n`, { id });
  const node = result.graph.nodes.find((n) => n.key === id);
  return node ? nodeRecordOf(node) : null;
}

/** The relationship with this id, or null. Relationship ids carry no kind, so every type is searched. */
export async function readRelRecord(tx: TransactionRunner, id: string): Promise<RelRecordValue | null> {
  const result = await tx.run('MATCH (a)-[r {id: $id}]->(b) RETURN a, r, b', { id });
  const edge = result.graph.edges.find((e) => e.key === id);
  return edge ? relRecordOf(edge) : null;
}

/** Every relationship of the node, either direction, each once (a loop too). */
export async function readRelRecordsOf(tx: TransactionRunner, nodeId: string): Promise<RelRecordValue[]> {
  const kind = nodeKindOfId(nodeId)?.kind;
  if (!kind) return [];
  const result = await tx.run(`MATCH (n:${kind} {id: $id})-[r]-(m) RETURN n, r, m`, { id: nodeId });
  // a node with more relationships than a result may hold cannot be handled whole here
  if (result.truncated)
    throw new AppError('too_large', `node ${nodeId} has more relationships than one change can carry`, {
      id: nodeId,
    });
  return result.graph.edges.map(relRecordOf);
}

/** Upserts the records by id, nodes first (store/batch-writer's statements, inside `tx`). */
export async function writeRecords(tx: TransactionRunner, dialect: Dialect, batch: GraphBatch): Promise<void> {
  await writeBatchRecords(tx, dialect, batch);
}

/** Removes the node and its relationships; true when there was one. */
export async function deleteNode(tx: TransactionRunner, id: string): Promise<boolean> {
  const kind = nodeKindOfId(id)?.kind;
  if (!kind) return false;
  const found = await tx.run(`MATCH (n:${kind} {id: $id}) RETURN count(n) AS c`, { id });
  if (Number(found.rows[0]?.c ?? 0) === 0) return false;
  await tx.run(`MATCH (n:${kind} {id: $id}) DETACH DELETE n`, { id });
  return true;
}

/** Removes the relationship; true when there was one. */
export async function deleteRel(tx: TransactionRunner, id: string): Promise<boolean> {
  const found = await tx.run('MATCH ()-[r {id: $id}]->() RETURN count(r) AS c', { id });
  if (Number(found.rows[0]?.c ?? 0) === 0) return false;
  await tx.run('MATCH ()-[r {id: $id}]->() DELETE r', { id });
  return true;
}
