/**
 * Writes a validated batch of nodes and relationships in one transaction, upserting by id.
 * The statements are generated from the domain schema, so labels, types and property names come
 * from the allowlist and every value is a parameter.
 */
import { AppError } from '../errors.ts';
import {
  SEARCH_PROPERTY,
  type GraphBatch,
  type NodeKind,
  type NodeRecordValue,
  type RelKind,
  type RelRecordValue,
} from '../model/schema.ts';
import { searchKeyOf } from '../model/text.ts';
import type { Dialect } from './dialect.ts';
import { nodeKindOfValidId, nodePropertiesOf, relPropertiesOf } from './kind-lookup.ts';
import type { GraphStore, TransactionRunner } from './types.ts';

/** Rows per UNWIND statement: large enough to be quick, small enough for the engines' parameter limits. */
const CHUNK = 500;

export interface BatchSummary {
  nodes: number;
  relationships: number;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Items by key, in their order. */
export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The statement that writes rows of one node kind. `create` is for rows known, inside the same
 * transaction, not to be stored yet (an import has looked them up): CREATE skips MERGE's lookup
 * and lock per row, and a concurrent writer of the same id still fails on the key constraint.
 */
export function nodeUpsert(kind: NodeKind, dialect: Dialect, options: { create?: boolean } = {}) {
  const props = nodePropertiesOf(kind).filter((p) => p.name !== 'id');
  const sets = [
    ...props.map((p) => `n.${p.name} = ${dialect.cast(`row.${p.name}`, p.type)}`),
    `n.${SEARCH_PROPERTY} = ${dialect.cast(`row.${SEARCH_PROPERTY}`, 'STRING')}`,
  ];
  const write = options.create ? 'CREATE' : 'MERGE';
  const query = `UNWIND $rows AS row ${write} (n:${kind} {id: row.id}) SET ${sets.join(', ')} RETURN count(n) AS written`;
  const encode = (node: NodeRecordValue) => {
    const row: Record<string, unknown> = { id: node.id, [SEARCH_PROPERTY]: searchKeyOf(node.name, node.aliases) };
    const values = node as unknown as Record<string, unknown>;
    for (const p of props) row[p.name] = dialect.encode(values[p.name], p.type);
    return row;
  };
  return { query, encode };
}

/**
 * Relationship statements. Ladybug keeps no key on relationships, so MERGE on `{id}` between two
 * ends would add a second relationship with the same id when an import moves it to other ends;
 * instead the old one (wherever it points) is deleted and the new one created, which is also
 * what Neo4j's uniqueness constraint on the id requires.
 */
export function relUpsert(kind: RelKind, fromKind: NodeKind, toKind: NodeKind, dialect: Dialect) {
  const props = relPropertiesOf(kind).filter((p) => p.name !== 'id');
  const sets = props.map((p) => `r.${p.name} = ${dialect.cast(`row.${p.name}`, p.type)}`);
  const remove = `UNWIND $ids AS i MATCH ()-[r:${kind} {id: i}]->() DELETE r`;
  const query =
    `UNWIND $rows AS row MATCH (a:${fromKind} {id: row.from}) MATCH (b:${toKind} {id: row.to}) ` +
    `CREATE (a)-[r:${kind} {id: row.id}]->(b)${sets.length ? ` SET ${sets.join(', ')}` : ''} RETURN count(r) AS written`;
  const encode = (rel: RelRecordValue) => {
    const row: Record<string, unknown> = { id: rel.id, from: rel.from, to: rel.to };
    const values = rel as unknown as Record<string, unknown>;
    for (const p of props) row[p.name] = dialect.encode(values[p.name], p.type);
    return row;
  };
  return { remove, query, encode };
}

/** Ids among `ids` (all of one kind) that do not exist, as seen inside the transaction. */
async function missingIds(tx: TransactionRunner, kind: NodeKind, ids: string[]): Promise<string[]> {
  const result = await tx.run(`UNWIND $ids AS i MATCH (n:${kind} {id: i}) RETURN n.id AS id`, { ids });
  const found = new Set(result.rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

async function writeRelGroup(tx: TransactionRunner, dialect: Dialect, rels: RelRecordValue[]): Promise<void> {
  const [first] = rels;
  // groupBy never makes an empty group
  if (!first) throw new AppError('internal', 'empty relationship group');
  const fromKind = nodeKindOfValidId(first.from);
  const toKind = nodeKindOfValidId(first.to);
  const { remove, query, encode } = relUpsert(first.kind, fromKind, toKind, dialect);
  for (const chunk of chunks(rels)) {
    await tx.run(remove, { ids: chunk.map((r) => r.id) });
    const result = await tx.run(query, { rows: chunk.map(encode) });
    if (Number(result.rows[0]?.written ?? 0) === chunk.length) continue;
    // A relationship whose end does not exist would be silently skipped by MATCH; refuse the batch.
    const missingFrom = new Set(await missingIds(tx, fromKind, [...new Set(chunk.map((r) => r.from))]));
    const missingTo = new Set(await missingIds(tx, toKind, [...new Set(chunk.map((r) => r.to))]));
    const broken = chunk
      .filter((r) => missingFrom.has(r.from) || missingTo.has(r.to))
      .map((r) => ({ id: r.id, missing: [r.from, r.to].filter((id) => missingFrom.has(id) || missingTo.has(id)) }));
    throw new AppError('missing_endpoint', `${broken.length} relationship(s) point at nodes that do not exist`, {
      relationships: broken.slice(0, 50),
    });
  }
}

export interface WriteOptions {
  /** empty the store first, in the same transaction, so a failed batch keeps the old graph */
  replaceAll?: boolean;
}

/**
 * The in-transaction part of writeBatch: upserts the nodes, then the relationships, through `tx`.
 * Shared with the edit routes (server/graph/records.ts), which write one record inside a
 * transaction that also reads and checks it.
 */
export async function writeRecords(tx: TransactionRunner, dialect: Dialect, batch: GraphBatch): Promise<void> {
  for (const [kind, nodes] of groupBy(batch.nodes, (n) => n.kind)) {
    const { query, encode } = nodeUpsert(kind as NodeKind, dialect);
    for (const chunk of chunks(nodes)) await tx.run(query, { rows: chunk.map(encode) });
  }
  const byEnds = groupBy(
    batch.relationships,
    (r) => `${r.kind}|${nodeKindOfValidId(r.from)}|${nodeKindOfValidId(r.to)}`,
  );
  for (const rels of byEnds.values()) await writeRelGroup(tx, dialect, rels);
}

/**
 * Upserts the batch: nodes first, then relationships, all in one transaction.
 * @example await writeBatch(store, parsed.batch) // { nodes: 120, relationships: 480 }
 */
export async function writeBatch(
  store: GraphStore,
  batch: GraphBatch,
  options: WriteOptions = {},
): Promise<BatchSummary> {
  await store.transaction(async (tx) => {
    if (options.replaceAll) await tx.run('MATCH (n) DETACH DELETE n');
    await writeRecords(tx, store.dialect, batch);
  });
  return { nodes: batch.nodes.length, relationships: batch.relationships.length };
}
