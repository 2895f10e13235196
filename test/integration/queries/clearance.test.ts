/**
 * Every library query, run as a GREEN reader on a graph with items above GREEN (markedQueryGraph),
 * answers exactly what it answers a fully cleared reader on the same graph with those items never
 * written: rows, scalars, counts and graph alike. So nothing withheld reaches the answer, not even
 * as a count, and nothing visible is lost (a path search filtered after the fact would lose paths).
 * Each query runs with its sample parameters and with every id parameter set to each node of that
 * kind, withheld ones included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/model/access.ts';
import { nodeKindOfId } from '../../../server/model/schema.ts';
import { writeBatch } from '../../../server/store/batch-writer.ts';
import type { JsonValue, QueryResult } from '../../../server/store/types.ts';
import { startHarness, type Harness } from '../../support/app-harness.ts';
import { markedQueryGraph, splitAt } from '../../support/clearance-graph.ts';
import { SAMPLE_PARAMS, library, run } from '../../support/query-library.ts';

const GREEN: Actor = { name: 'green-reader', role: 'viewer', clearance: 'GREEN', rawCypher: false, via: 'session' };
const batch = markedQueryGraph();
const { visible, withheld } = splitAt(batch, 'GREEN');

/** Each query's parameter sets: the sample, then each id parameter set to every node of its kind. */
function paramSets(name: string): Record<string, unknown>[] {
  const sample = SAMPLE_PARAMS[name] ?? {};
  const sets = [sample];
  const query = library.find((q) => q.name === name);
  for (const spec of query?.params ?? []) {
    if (spec.type !== 'id' || typeof sample[spec.name] !== 'string') continue;
    const kind = nodeKindOfId(sample[spec.name] as string)?.kind;
    for (const node of batch.nodes.filter((n) => n.kind === kind))
      if (node.id !== sample[spec.name]) sets.push({ ...sample, [spec.name]: node.id });
  }
  return sets;
}

/** Cells in collected lists come in the engine's order: compare them as sets. */
function normalise(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    const cells = items.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && '$type' in v);
    return cells ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

const answer = (result: QueryResult) => ({
  columns: result.columns,
  rows: result.rows.map((row) => normalise(row)),
  nodes: [...result.graph.nodes].sort((a, b) => a.key.localeCompare(b.key)),
  edges: [...result.graph.edges].sort((a, b) => a.key.localeCompare(b.key)),
  truncated: result.truncated,
});

let h: Harness;
const asGreen = new Map<string, ReturnType<typeof answer>>();
const cases = library.flatMap((q) =>
  paramSets(q.name).map((params) => [`${q.name} ${JSON.stringify(params)}`, q.name, params] as const),
);

beforeAll(async () => {
  h = await startHarness(batch);
  for (const [label, name, params] of cases) asGreen.set(label, answer(await run(h, name, params, GREEN)));
  // the same graph as if the items above GREEN had never been written
  await h.store.write('MATCH (n) DETACH DELETE n');
  await writeBatch(h.store, visible);
});

afterAll(async () => {
  await h?.close();
});

describe('every library query at GREEN', () => {
  it('has a graph with items above GREEN, cited and linked by GREEN ones', () => {
    expect(withheld.ids.length).toBeGreaterThan(20);
    expect(batch.nodes.find((n) => n.id === 'source:qdoc1')?.tlp).toBe('RED');
    expect(cases.length).toBeGreaterThan(library.length * 2);
  });

  it.each(cases)('%s answers as on the graph without the withheld items', async (label, name, params) => {
    const green = asGreen.get(label);
    const full = answer(await run(h, name, params));
    expect(green).toEqual(full);
    const text = JSON.stringify(green);
    for (const id of withheld.ids) expect(text.includes(JSON.stringify(id)), `${label}: ${id}`).toBe(false);
    for (const n of withheld.names) expect(text.includes(JSON.stringify(n)), `${label}: ${n}`).toBe(false);
  });

  it('gives answers with something in them', () => {
    const nonEmpty = [...asGreen.values()].filter((a) => a.rows.length > 0);
    expect(nonEmpty.length).toBeGreaterThan(cases.length / 3);
  });
});
