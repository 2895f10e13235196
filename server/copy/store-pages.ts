/**
 * A whole store read in pages, table by table: every node kind, and every relationship kind
 * between each pair of end kinds the schema allows. Pages are keyed by id (`WHERE id > $after
 * ORDER BY id LIMIT n`), so no read holds more than one page, whatever the store's size, and each
 * table comes out in the engine's id order.
 */
import { AppError } from '../errors.ts';
import { NODE_KIND_NAMES, REL_KINDS, type NodeKind, type RelKind } from '../model/schema.ts';
import type { JsonValue, Params, QueryResult } from '../store/types.ts';

/** One statement against a store, or against the transaction that is writing it. */
export type Reader = (query: string, params: Params) => Promise<QueryResult>;

/** A relationship table: one kind between one pair of end kinds. */
export interface RelTable {
  kind: RelKind;
  from: NodeKind;
  to: NodeKind;
}

export const NODE_TABLES: readonly NodeKind[] = NODE_KIND_NAMES;
export const REL_TABLES: readonly RelTable[] = REL_KINDS.flatMap((k) =>
  k.endpoints.map(([from, to]) => ({ kind: k.kind, from, to })),
);

export const relPattern = (t: RelTable) => `(a:${t.from})-[r:${t.kind}]->(b:${t.to})`;

/** The rows of one table, page by page; `variable` is the pattern's variable whose id keys the pages. */
export async function* pagesOf(
  read: Reader,
  pattern: string,
  variable: 'n' | 'r',
  returns: string,
  pageSize: number,
): AsyncGenerator<QueryResult> {
  let after: string | null = null;
  for (;;) {
    const where = after === null ? '' : ` WHERE ${variable}.id > $after`;
    const result = await read(
      `MATCH ${pattern}${where} RETURN ${returns} ORDER BY ${variable}.id LIMIT ${pageSize}`,
      after === null ? {} : { after },
    );
    // A cut page would silently leave records out of the copy.
    if (result.truncated)
      throw new AppError(
        'too_large',
        `a page of ${pattern} was cut by the store's row or byte cap; nothing was copied`,
      );
    if (result.rows.length === 0) return;
    yield result;
    if (result.rows.length < pageSize) return;
    const last: JsonValue | undefined = result.rows[result.rows.length - 1]?.key;
    if (typeof last !== 'string')
      throw new AppError('internal', `a record of ${pattern} has no string id; it cannot be copied`);
    after = last;
  }
}

/** Nodes and relationships the store holds in all, whatever their labels. */
export async function totalCounts(read: Reader): Promise<{ nodes: number; relationships: number }> {
  const nodes = await read('MATCH (n) RETURN count(n) AS c', {});
  const relationships = await read('MATCH ()-[r]->() RETURN count(r) AS c', {});
  return { nodes: Number(nodes.rows[0]?.c ?? 0), relationships: Number(relationships.rows[0]?.c ?? 0) };
}
