/**
 * The seed graph: the facts drawn from the five public documents plus a synthetic network built
 * around them, validated against the domain schema.
 *
 * @example
 *   const batch = buildSeedGraph({ seed: 7, scale: 0.5 });
 *   await writeBatch(store, batch);
 */
import { z } from 'zod';
import { parseBatch, type BatchIssue, type GraphBatch } from '../server/model/schema.ts';
import { buildFacts } from './facts/index.ts';
import { generateNetwork } from './generator/network.ts';
import { AppError } from '../server/errors.ts';

export { buildFacts } from './facts/index.ts';
export { generateNetwork, networkCounts, BASE_COUNTS } from './generator/network.ts';

export const SEED_DEFAULTS = { seed: 42, scale: 1 } as const;

export const SeedOptions = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(SEED_DEFAULTS.seed),
  scale: z.number().positive().max(2000).default(SEED_DEFAULTS.scale),
});

/** The seed code built a batch the schema rejects: a bug in seeds/, never bad user input. */
export class SeedGraphError extends AppError {
  constructor(readonly issues: BatchIssue[]) {
    super(
      'invalid_seed_graph',
      `the seed graph is invalid (${issues.length} issues):\n` +
        issues
          .slice(0, 20)
          .map((i) => `  ${i.path}: ${i.message}`)
          .join('\n'),
    );
    this.name = 'SeedGraphError';
  }
}

/** Relationships whose ends are missing from the batch (parseBatch checks kinds, not presence). */
function danglingEnds(batch: GraphBatch): BatchIssue[] {
  const ids = new Set(batch.nodes.map((n) => n.id));
  return batch.relationships.flatMap((r, i) =>
    [r.from, r.to]
      .filter((end) => !ids.has(end))
      .map((end) => ({ path: `relationships[${i}]`, message: `${r.kind} ${r.id} points at missing node ${end}` })),
  );
}

export function buildSeedGraph(options: { seed?: number; scale?: number } = {}): GraphBatch {
  const { seed, scale } = SeedOptions.parse({ seed: options.seed, scale: options.scale });
  const facts = buildFacts();
  const network = generateNetwork(facts, { seed, scale });
  const parsed = parseBatch({
    nodes: [...facts.nodes, ...network.nodes],
    relationships: [...facts.relationships, ...network.relationships],
  });
  if (!parsed.ok) throw new SeedGraphError(parsed.issues);
  const dangling = danglingEnds(parsed.batch);
  if (dangling.length > 0) throw new SeedGraphError(dangling);
  return parsed.batch;
}
