/**
 * `npm run seed -- [--seed N] [--scale X] [--reset] [--out FILE]`
 * Loads the seed graph into the configured store (DATA_DIR / GRAPH_BACKEND) — past scale 20
 * through the bulk importer (COPY FROM) — or with --out
 * writes it as a JSON batch without touching any store.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { graphCounts } from '../graph/counts.ts';
import { loadSeed } from '../seed/load-seed.ts';
import { writeRecords } from '../import/run-import.ts';
import type { ValidRecord } from '../import/types.ts';
import { createStore } from '../store/create-store.ts';
import { SEED_DEFAULTS, buildSeedGraph } from '../../seeds/index.ts';

const Args = z.object({
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(SEED_DEFAULTS.seed),
  // 650 is about 1M relationships; past 100 the graph goes through the bulk importer
  scale: z.coerce.number().positive().max(2000).default(SEED_DEFAULTS.scale),
  reset: z.boolean().default(false),
  out: z.string().optional(),
});

const USAGE = 'usage: npm run seed -- [--seed N] [--scale X] [--reset] [--out FILE]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function readArgs(): z.infer<typeof Args> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        seed: { type: 'string' },
        scale: { type: 'string' },
        reset: { type: 'boolean' },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success)
    fail(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`, 2);
  return parsed.data;
}

const args = readArgs();

/** Past this scale the seed goes through the import's bulk path (COPY FROM on the embedded store). */
const BULK_FROM_SCALE = 20;

/**
 * The seed graph through the bulk importer: validated by buildSeedGraph already, merged with what
 * the store holds, new records loaded with COPY FROM in one transaction. `--reset` empties the
 * store first, in a transaction of its own.
 */
async function bulkSeed(store: Awaited<ReturnType<typeof createStore>>) {
  let started = performance.now();
  const batch = buildSeedGraph(args);
  console.error(
    `generated ${batch.nodes.length} nodes and ${batch.relationships.length} relationships in ${Math.round(performance.now() - started)} ms`,
  );
  if (args.reset) await store.write('MATCH (n) DETACH DELETE n', {}, { timeoutMs: 600_000 });
  started = performance.now();
  const origin = { file: 'seed', line: 0 };
  const records: ValidRecord[] = [
    ...batch.nodes.map((record) => ({
      entity: 'node' as const,
      record,
      present: new Set(Object.keys(record)),
      origin,
    })),
    ...batch.relationships.map((record) => ({
      entity: 'rel' as const,
      record,
      present: new Set(Object.keys(record)),
      origin,
    })),
  ];
  await writeRecords(store, records, { onError: 'abort' });
  console.error(
    `loaded through the ${store.stagingDir ? 'COPY FROM' : 'UNWIND'} bulk path in ${Math.round(performance.now() - started)} ms`,
  );
  return { nodes: batch.nodes.length, relationships: batch.relationships.length };
}

if (args.out) {
  const batch = buildSeedGraph(args);
  writeFileSync(args.out, `${JSON.stringify(batch, null, 1)}\n`);
  console.log(`wrote ${batch.nodes.length} nodes and ${batch.relationships.length} relationships to ${args.out}`);
} else {
  const config = (() => {
    try {
      return loadConfig();
    } catch (error) {
      return fail((error as Error).message, 1);
    }
  })();
  const store = await createStore(config);
  try {
    await store.init();
    const started = performance.now();
    const summary =
      args.scale > BULK_FROM_SCALE
        ? await bulkSeed(store)
        : await loadSeed(store, { seed: args.seed, scale: args.scale, replaceAll: args.reset });
    const counts = await graphCounts(store);
    console.log(
      `seeded ${summary.nodes} nodes and ${summary.relationships} relationships (seed ${args.seed}, scale ${args.scale}) ` +
        `in ${Math.round(performance.now() - started)} ms; the ${store.backend} store now holds ${counts.nodes} nodes and ${counts.relationships} relationships`,
    );
  } catch (error) {
    await store.close();
    fail(`seeding failed: ${(error as Error).message}`, 1);
  }
  await store.close();
}
