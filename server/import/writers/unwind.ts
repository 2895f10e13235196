/**
 * Writes records with UNWIND statements, upserting by id: Neo4j's bulk path (10,000 rows a
 * statement), and on both engines the path for records that already exist.
 */
import { nodeUpsert, relUpsert } from '../../store/batch-writer.ts';
import type { Dialect } from '../../store/dialect.ts';
import type { TransactionRunner } from '../../store/types.ts';
import type { NodeKind, NodeRecordValue, RelKind, RelRecordValue } from '../../model/schema.ts';

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Rows per statement: Ladybug infers a parameter's type from every row, so it takes smaller lists. */
export function unwindChunk(dialect: Dialect): number {
  return dialect.name === 'neo4j' ? 10_000 : 2_000;
}

export async function upsertNodes(
  tx: TransactionRunner,
  dialect: Dialect,
  kind: NodeKind,
  nodes: NodeRecordValue[],
  onRows?: (n: number) => void,
) {
  await writeNodes(tx, nodeUpsert(kind, dialect), dialect, nodes, onRows);
}

/** Nodes the import found not to be stored, inside its transaction: created without MERGE's lookup. */
export async function insertNodes(
  tx: TransactionRunner,
  dialect: Dialect,
  kind: NodeKind,
  nodes: NodeRecordValue[],
  onRows?: (n: number) => void,
) {
  await writeNodes(tx, nodeUpsert(kind, dialect, { create: true }), dialect, nodes, onRows);
}

async function writeNodes(
  tx: TransactionRunner,
  { query, encode }: ReturnType<typeof nodeUpsert>,
  dialect: Dialect,
  nodes: NodeRecordValue[],
  onRows?: (n: number) => void,
) {
  for (const chunk of chunks(nodes, unwindChunk(dialect))) {
    await tx.run(query, { rows: chunk.map(encode) });
    onRows?.(chunk.length);
  }
}

/** Replaces (or creates) relationships by id: the old one, wherever it points, goes first. */
export async function upsertRels(
  tx: TransactionRunner,
  dialect: Dialect,
  kind: RelKind,
  ends: [NodeKind, NodeKind],
  rels: RelRecordValue[],
  options: { replace: boolean; onRows?: (n: number) => void },
) {
  const { remove, query, encode } = relUpsert(kind, ends[0], ends[1], dialect);
  for (const chunk of chunks(rels, unwindChunk(dialect))) {
    if (options.replace) await tx.run(remove, { ids: chunk.map((r) => r.id) });
    const result = await tx.run(query, { rows: chunk.map(encode) });
    const written = Number(result.rows[0]?.written ?? 0);
    if (written !== chunk.length)
      throw new Error(`${kind}: wrote ${written} of ${chunk.length} relationships; an end vanished during the import`);
    options.onRows?.(chunk.length);
  }
}
