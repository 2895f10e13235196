/**
 * What proves a copy: the count of every node and relationship kind, and the data version an
 * export manifest would record for the whole graph (manifest.ts: sha256 over the canonical JSON
 * of every node and relationship, sorted by key), computed without holding the graph: each
 * table is read in id order (store-pages.ts) and the tables merged into key order as they are
 * hashed. When the engine orders some ids differently from JavaScript's string order (which the
 * data version sorts by), the merge notices and the digest is computed again holding the graph.
 */
import { createHash, type Hash } from 'node:crypto';
import { AppError } from '../errors.ts';
import { canonical, dataVersion } from '../export/manifest.ts';
import type { SerializedEdge, SerializedNode } from '../store/types.ts';
import { NODE_TABLES, REL_TABLES, pagesOf, relPattern, totalCounts, type Reader } from './store-pages.ts';

export interface StoreDigest {
  /** nodes of each kind, every kind listed */
  nodes: Record<string, number>;
  /** relationships of each kind, every kind listed */
  relationships: Record<string, number>;
  /** everything the store holds, kinds of the schema or not */
  total: { nodes: number; relationships: number };
  /** the export manifest's dataVersion of the whole graph */
  dataVersion: string;
  /** 'streamed': tables merged as read; 'held': the graph held in memory (the engine's id order differed) */
  method: 'streamed' | 'held';
}

export const DIGEST_PAGE = 5_000;

type Item = SerializedNode | SerializedEdge;

class OutOfOrder extends Error {}

/** Items of one table, in the engine's id order. */
async function* tableItems(read: Reader, pattern: string, variable: 'n' | 'r', pageSize: number): AsyncGenerator<Item> {
  for await (const page of pagesOf(read, pattern, variable, `${variable}.id AS key, ${variable}`, pageSize)) {
    const items: Item[] = variable === 'n' ? page.graph.nodes : page.graph.edges;
    // the graph holds each page's records in row order; the ends fetched for edges are nodes
    yield* items;
  }
}

/** Merges tables already in key order into one stream in key order (JavaScript's string order). */
async function* merged(streams: AsyncGenerator<Item>[]): AsyncGenerator<Item> {
  const heads: Array<{ item: Item; stream: AsyncGenerator<Item> } | undefined> = [];
  for (const stream of streams) {
    const next = await stream.next();
    heads.push(next.done ? undefined : { item: next.value, stream });
  }
  let previous: string | undefined;
  for (;;) {
    let min = -1;
    let least: { item: Item; stream: AsyncGenerator<Item> } | undefined;
    for (const [i, head] of heads.entries()) {
      if (head && (!least || head.item.key < least.item.key)) {
        min = i;
        least = head;
      }
    }
    if (!least) return;
    const { item, stream } = least;
    if (previous !== undefined && !(item.key > previous)) throw new OutOfOrder();
    previous = item.key;
    yield item;
    const next = await stream.next();
    heads[min] = next.done ? undefined : { item: next.value, stream };
  }
}

/** Hashes `items` as canonical() would write them inside a JSON array. */
async function hashArray(hash: Hash, items: AsyncGenerator<Item>, count: (item: Item) => void): Promise<void> {
  hash.update('[');
  let first = true;
  for await (const item of items) {
    if (!first) hash.update(',');
    first = false;
    hash.update(canonical(item));
    count(item);
  }
  hash.update(']');
}

function zeroCounts(kinds: readonly string[]): Record<string, number> {
  return Object.fromEntries(kinds.map((k) => [k, 0]));
}

/** Counts one item of `kind`; every table's items carry that table's kind, which zeroCounts listed. */
function bump(counts: Record<string, number>, kind: string): void {
  const count = counts[kind];
  if (count === undefined) throw new AppError('internal', `store digest read an item of unlisted kind ${kind}`);
  counts[kind] = count + 1;
}

const nodeStreams = (read: Reader, pageSize: number) =>
  NODE_TABLES.map((kind) => tableItems(read, `(n:${kind})`, 'n', pageSize));
const edgeStreams = (read: Reader, pageSize: number) =>
  REL_TABLES.map((t) => tableItems(read, relPattern(t), 'r', pageSize));

async function streamed(read: Reader, pageSize: number): Promise<Omit<StoreDigest, 'total' | 'method'>> {
  const nodes = zeroCounts(NODE_TABLES);
  const relationships = zeroCounts([...new Set(REL_TABLES.map((t) => t.kind))]);
  // canonical({ nodes, edges }) sorts the keys: edges come first.
  const hash = createHash('sha256');
  hash.update('{"edges":');
  await hashArray(hash, merged(edgeStreams(read, pageSize)), (e) => bump(relationships, e.attributes.kind));
  hash.update(',"nodes":');
  await hashArray(hash, merged(nodeStreams(read, pageSize)), (n) => bump(nodes, n.attributes.kind));
  hash.update('}');
  return { nodes, relationships, dataVersion: `sha256:${hash.digest('hex')}` };
}

/** The same digest with the whole graph in memory, for ids the engine orders otherwise. */
async function held(read: Reader, pageSize: number): Promise<Omit<StoreDigest, 'total' | 'method'>> {
  const nodes = zeroCounts(NODE_TABLES);
  const relationships = zeroCounts([...new Set(REL_TABLES.map((t) => t.kind))]);
  const graph = { nodes: [] as SerializedNode[], edges: [] as SerializedEdge[] };
  for (const stream of nodeStreams(read, pageSize))
    for await (const n of stream) {
      graph.nodes.push(n as SerializedNode);
      bump(nodes, n.attributes.kind);
    }
  for (const stream of edgeStreams(read, pageSize))
    for await (const e of stream) {
      graph.edges.push(e as SerializedEdge);
      bump(relationships, e.attributes.kind);
    }
  return { nodes, relationships, dataVersion: dataVersion(graph) };
}

/**
 * Counts and data version of everything `read` sees (a store, or a transaction writing one).
 * @example const { dataVersion } = await digestStore((q, p) => store.read(q, p, READ_ALL))
 */
export async function digestStore(read: Reader, pageSize = DIGEST_PAGE): Promise<StoreDigest> {
  const total = await totalCounts(read);
  try {
    return { ...(await streamed(read, pageSize)), total, method: 'streamed' };
  } catch (error) {
    if (!(error instanceof OutOfOrder)) throw error;
    return { ...(await held(read, pageSize)), total, method: 'held' };
  }
}
