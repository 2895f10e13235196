/**
 * What the store already holds, read inside the import's transaction: which relationship ends
 * exist, and the stored values of the records being imported (to merge them).
 */
import type { NodeKind, RelKind } from '../model/schema.ts';
import { nodePropertiesOf, relPropertiesOf } from '../store/kind-lookup.ts';
import type { Dialect } from '../store/dialect.ts';
import type { JsonValue, TransactionRunner } from '../store/types.ts';

const LOOKUP_CHUNK = 10_000;

function* chunks<T>(items: T[], size = LOOKUP_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Looking ids up by primary key costs ~20 µs each here, reading a row in a scan ~10 µs: past
 * about a fifth of the table, one scan is cheaper than the lookups.
 */
function preferScan(wanted: number, stored: number): boolean {
  return wanted * 5 > stored;
}

export async function countOf(tx: TransactionRunner, pattern: string): Promise<number> {
  const rows = await tx.scan(`MATCH ${pattern} RETURN count(*) AS n`);
  return Number(rows[0]?.n ?? 0);
}

/** Ids of one node kind that exist in the store. */
export async function existingNodeIds(tx: TransactionRunner, kind: NodeKind, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const stored = ids.length === 0 ? 0 : await countOf(tx, `(n:${kind})`);
  if (stored === 0) return found;
  if (preferScan(ids.length, stored)) {
    const wanted = new Set(ids);
    for (const row of await tx.scan(`MATCH (n:${kind}) RETURN n.id AS id`))
      if (wanted.has(String(row.id))) found.add(String(row.id));
    return found;
  }
  for (const chunk of chunks(ids)) {
    const rows = await tx.scan(`UNWIND $ids AS i MATCH (n:${kind} {id: i}) RETURN n.id AS id`, { ids: chunk });
    for (const row of rows) found.add(String(row.id));
  }
  return found;
}

/** Stored nodes of one kind among `ids`, by id, with every property. */
export async function storedNodes(
  tx: TransactionRunner,
  kind: NodeKind,
  ids: string[],
): Promise<Map<string, Record<string, JsonValue>>> {
  const out = new Map<string, Record<string, JsonValue>>();
  const stored = ids.length === 0 ? 0 : await countOf(tx, `(n:${kind})`);
  if (stored === 0) return out;
  const columns = nodePropertiesOf(kind)
    .map((p) => `n.${p.name} AS ${p.name}`)
    .join(', ');
  if (preferScan(ids.length, stored)) {
    const wanted = new Set(ids);
    for (const row of await tx.scan(`MATCH (n:${kind}) RETURN ${columns}`))
      if (wanted.has(String(row.id))) out.set(String(row.id), row);
    return out;
  }
  for (const chunk of chunks(ids)) {
    const rows = await tx.scan(`UNWIND $ids AS i MATCH (n:${kind} {id: i}) RETURN ${columns}`, { ids: chunk });
    for (const row of rows) out.set(String(row.id), row);
  }
  return out;
}

/**
 * Stored relationships of one kind among `ids`, with their ends. Neo4j finds them by its id
 * index; Ladybug keeps no index on relationship properties, so one scan of the table answers
 * for all of them (cheaper than a scan per chunk of ids).
 */
export async function storedRels(
  tx: TransactionRunner,
  dialect: Dialect,
  kind: RelKind,
  ids: string[],
): Promise<Map<string, Record<string, JsonValue>>> {
  const out = new Map<string, Record<string, JsonValue>>();
  if (ids.length === 0 || (await countOf(tx, `()-[r:${kind}]->()`)) === 0) return out;
  const columns = ['a.id AS from', 'b.id AS to', ...relPropertiesOf(kind).map((p) => `r.${p.name} AS ${p.name}`)].join(
    ', ',
  );
  if (dialect.name === 'neo4j') {
    for (const chunk of chunks(ids)) {
      const rows = await tx.scan(`UNWIND $ids AS i MATCH (a)-[r:${kind} {id: i}]->(b) RETURN ${columns}`, {
        ids: chunk,
      });
      for (const row of rows) out.set(String(row.id), row);
    }
    return out;
  }
  const wanted = new Set(ids);
  const rows = await tx.scan(`MATCH (a)-[r:${kind}]->(b) RETURN ${columns}`);
  for (const row of rows) if (wanted.has(String(row.id))) out.set(String(row.id), row);
  return out;
}
