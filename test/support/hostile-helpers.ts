/**
 * What "nothing happened" means for the hostile-input tests of POST /api/cypher: the size of the
 * graph, the engine's catalogue and the analyst lane's settings, and the files in a directory.
 * Also the graph those tests run on: the hand-checked small graph plus filler nodes, so that a
 * four-way cartesian product is big enough to outlast the timeout.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ErrorSchema } from '../../server/api/schemas.ts';
import { ERROR_STATUS, type ErrorCode } from '../../server/errors.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import type { GraphStore } from '../../server/store/types.ts';
import { smallGraph } from './small-graph.ts';

/** Filler ScamType nodes (no relationships) added to the small graph: 14 + 86 = 100 nodes. */
export const FILLER_NODES = 86;

export function hostileGraph(): GraphBatch {
  const base = smallGraph();
  const fillers = Array.from({ length: FILLER_NODES }, (_, i) => ({
    kind: 'ScamType',
    id: `scamtype:filler-${i}`,
    name: `Filler scam type ${i}`,
    grade: 'C3',
    tlp: 'CLEAR',
    sourceIds: ['source:doc-a'],
    firstSeen: '2024-03-01',
    lastSeen: '2024-09-30',
  }));
  const parsed = parseBatch({ nodes: fillers });
  if (!parsed.ok) throw new Error(`filler nodes are invalid: ${JSON.stringify(parsed.issues)}`);
  return { nodes: [...base.nodes, ...parsed.batch.nodes], relationships: base.relationships };
}

/** The parts of the store a hostile statement could change without adding files. */
export interface StoreState {
  nodes: number;
  relationships: number;
  tables: string;
  macros: string;
  sequences: string;
  projectedGraphs: string;
  attached: string;
  extensions: string;
  /** on the analyst lane, where ad-hoc Cypher runs */
  analystMaxDepth: string;
}

export async function storeState(store: GraphStore): Promise<StoreState> {
  const rows = async (query: string, lane?: 'analyst') =>
    JSON.stringify((await store.read(query, {}, lane ? { lane } : undefined)).rows);
  const count = async (query: string) => Number((await store.read(query)).rows[0]?.c);
  return {
    nodes: await count('MATCH (n) RETURN count(n) AS c'),
    relationships: await count('MATCH ()-[r]->() RETURN count(r) AS c'),
    tables: await rows('CALL show_tables() RETURN name, type ORDER BY name'),
    macros: await rows('CALL show_macros() RETURN *'),
    sequences: await rows('CALL show_sequences() RETURN *'),
    projectedGraphs: await rows('CALL show_projected_graphs() RETURN *'),
    attached: await rows('CALL show_attached_databases() RETURN *'),
    extensions: await rows('CALL show_loaded_extensions() RETURN *'),
    analystMaxDepth: await rows("CALL current_setting('var_length_extend_max_depth') RETURN *", 'analyst'),
  };
}

/**
 * Every file and directory under `dir` with its size and modification time. The embedded store
 * keeps `scamnet.lbug` and `scamnet.lbug.wal` there; neither changes when nothing is written
 * (checked: reads, EXPLAIN and refused statements leave both alone), so both are compared.
 */
export function dirSnapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      const stat = statSync(full);
      const rel = path.relative(dir, full);
      if (stat.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else {
        out.push(`${rel} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

/** The response is the typed error for `code`, with no stack trace or server path anywhere. */
export function expectErrorBody(res: { status: number; body: unknown; text: string }, code: ErrorCode): void {
  const parsed = ErrorSchema.safeParse(res.body);
  expect(parsed.success, `not an error body: ${res.text.slice(0, 300)}`).toBe(true);
  expect({ status: res.status, code: parsed.data?.error.code }, res.text.slice(0, 400)).toEqual({
    status: ERROR_STATUS[code],
    code,
  });
  expect(res.text).not.toMatch(/\n\s+at |\\n\s+at |node_modules|\.ts:\d+/);
}

export const repeat = (text: string, n: number) => Array.from({ length: n }, () => text).join('');

/**
 * Statements over the shape caps (server/cypher/shape.ts), each measured as slow or fatal for
 * LadybugDB's parser, with the cap its refusal names. Store-neutral: the caps hold on both stores.
 */
export const TOO_BIG: Array<[string, string, RegExp]> = [
  [
    '5,000 nested parentheses (overflows the parser stack)',
    `RETURN ${repeat('(', 5000)}1${repeat(')', 5000)} AS x`,
    /QUERY_MAX_(DEPTH|TOKENS)/,
  ],
  ['1,000 nested parentheses', `RETURN ${repeat('(', 1000)}1${repeat(')', 1000)} AS x`, /QUERY_MAX_DEPTH/],
  [
    '30 nested CASE (exponential parse time)',
    `RETURN ${repeat('CASE WHEN true THEN ', 30)}1${repeat(' END', 30)} AS x`,
    /QUERY_MAX_DEPTH/,
  ],
  ['100 nested lists', `RETURN ${repeat('[', 100)}1${repeat(']', 100)} AS x`, /QUERY_MAX_DEPTH/],
  ['60 nested maps', `RETURN ${repeat('{a: ', 60)}1${repeat('}', 60)} AS x`, /QUERY_MAX_DEPTH/],
  ['mixed nesting, 17 levels', `RETURN ${repeat('[{a: (', 6)}1${repeat(')}]', 6)} AS x`, /QUERY_MAX_DEPTH/],
  [
    '20 nested EXISTS subqueries',
    `MATCH (a) WHERE ${repeat('EXISTS { MATCH (a)--(b) WHERE ', 20)}true${repeat(' }', 20)} RETURN count(a) AS n`,
    /QUERY_MAX_DEPTH/,
  ],
  ['a 5,000-term sum', `RETURN ${Array.from({ length: 5000 }, () => '1').join('+')} AS x`, /QUERY_MAX_TOKENS/],
  [
    'a 20,000-item list literal',
    `RETURN [${Array.from({ length: 20000 }, () => '1').join(',')}] AS x`,
    /QUERY_MAX_(TOKENS|LENGTH)/,
  ],
  ['30,000 characters of comment', `RETURN 1 AS x // ${repeat('a', 30000)}`, /QUERY_MAX_LENGTH/],
];
