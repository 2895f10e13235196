/**
 * `npm run copy-store -- --from embedded|neo4j --to embedded|neo4j [--from-data DIR] [--to-data DIR] [--replace]`
 *
 * Copies a whole store into another: every node and relationship (through the import's bulk
 * paths, in one transaction of the target, checked before it commits: copy/copy-graph.ts), and
 * the saved queries and workspaces of the source's data dir into the target's when they differ
 * (copy/copy-files.ts). All or nothing: a refusal or failure leaves the target as it was.
 *
 * The embedded side's data dir is --from-data / --to-data (default DATA_DIR); the Neo4j side is
 * NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, as the server takes them, and its data
 * dir (for the files) --to-data / --from-data, default DATA_DIR. A target holding anything is
 * refused unless --replace, which replaces all of it, graph and files, or nothing.
 *
 * Prints the counts per kind and the data version (the export manifest's dataVersion) of both
 * sides. Exit 0 copied and verified, 1 refused or failed (target unchanged), 2 bad arguments.
 */
import path from 'node:path';
import { AppError } from '../errors.ts';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from '../config.ts';
import { CopyError, copyGraph, type CopyResult } from '../copy/copy-graph.ts';
import { FILE_FOLDERS, countFiles, stageFiles, type StagedFiles } from '../copy/copy-files.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/types.ts';
import { fail } from './dir-command.ts';

const USAGE =
  'usage: npm run copy-store -- --from embedded|neo4j --to embedded|neo4j [--from-data DIR] [--to-data DIR] [--replace]\n' +
  '  embedded: the data dir given (default DATA_DIR); neo4j: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE';

const Backend = z.enum(['embedded', 'neo4j']);
const Args = z.object({
  from: Backend,
  to: Backend,
  'from-data': z.string().min(1).optional(),
  'to-data': z.string().min(1).optional(),
  replace: z.boolean().default(false),
});

function readArgs(): z.infer<typeof Args> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'from-data': { type: 'string' },
        'to-data': { type: 'string' },
        replace: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success)
    return fail(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`, 2);
  return parsed.data;
}

const args = readArgs();
const defaultDataDir = (() => {
  try {
    return loadConfig().DATA_DIR;
  } catch {
    return process.env.DATA_DIR || './data';
  }
})();
const fromData = path.resolve(args['from-data'] ?? defaultDataDir);
const toData = path.resolve(args['to-data'] ?? defaultDataDir);
if (args.from === 'neo4j' && args.to === 'neo4j')
  fail('neo4j to neo4j is not a copy-store job: use neo4j-admin database dump and load', 2);
if (args.from === 'embedded' && args.to === 'embedded' && fromData === toData)
  fail(`--from-data and --to-data are the same data dir (${fromData}): copy into another one`, 2);

/** The side's configuration: the environment, with its backend and data dir. */
function sideConfig(backend: Config['GRAPH_BACKEND'], dataDir: string, side: string): Config {
  try {
    return loadConfig({ ...process.env, GRAPH_BACKEND: backend, DATA_DIR: dataDir });
  } catch (error) {
    return fail(`the ${side} (${backend}): ${(error as Error).message}`);
  }
}

async function open(config: Config, side: string): Promise<GraphStore> {
  const store = await createStore(config);
  try {
    await store.init();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    const where = config.GRAPH_BACKEND === 'neo4j' ? config.NEO4J_URI : config.DATA_DIR;
    const message = (error as Error).message;
    const hint =
      error instanceof AppError && error.code === 'store_locked' ? ': stop the scamnet that holds it, then copy' : '';
    return fail(
      `cannot open the ${side} store (${config.GRAPH_BACKEND}, ${where}): ${message}${hint}; nothing was copied`,
    );
  }
}

function report(result: CopyResult, filesLine: string): void {
  const rows: Array<[string, string, string]> = [];
  for (const [what, source, target] of [
    ['nodes', result.source.nodes, result.target.nodes],
    ['relationships', result.source.relationships, result.target.relationships],
  ] as const) {
    for (const kind of Object.keys(source))
      if (source[kind] || target[kind])
        rows.push([`${what} ${kind}`, String(source[kind] ?? 0), String(target[kind] ?? 0)]);
  }
  rows.push(['nodes in all', String(result.source.total.nodes), String(result.target.total.nodes)]);
  rows.push([
    'relationships in all',
    String(result.source.total.relationships),
    String(result.target.total.relationships),
  ]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const [sourceHead, targetHead] = [`source (${args.from})`, `target (${args.to})`] as const;
  console.log(`${''.padEnd(width)}  ${sourceHead.padStart(18)}  ${targetHead.padStart(18)}`);
  for (const [label, a, b] of rows) console.log(`${label.padEnd(width)}  ${a.padStart(18)}  ${b.padStart(18)}`);
  console.log(`data version (source)  ${result.source.dataVersion}`);
  console.log(`data version (target)  ${result.target.dataVersion}`);
  console.log(`files: ${filesLine}`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `copied and verified: source read and hashed in ${s(result.ms.digestSource)}, written in ${s(result.ms.write)}, target checked in ${s(result.ms.digestTarget)}`,
  );
}

const started = performance.now();
const sameFiles = fromData === toData;
// Refused before anything is opened or written: files the copy would replace, without --replace.
if (!sameFiles && !args.replace) {
  const held = countFiles(toData);
  if (FILE_FOLDERS.some((f) => held[f] > 0)) {
    fail(
      `${toData} already holds ${held.queries} saved queries and ${held.workspaces} workspaces: nothing was copied. Give --replace to replace them with the source's (all or nothing)`,
    );
  }
}
const source = await open(sideConfig(args.from, fromData, 'source'), 'source');
const target = await open(sideConfig(args.to, toData, 'target'), 'target');

let code = 0;
const files: { staged?: StagedFiles } = {};
try {
  const result = await copyGraph(source, target, {
    replace: args.replace,
    progress: (line) => console.error(line),
    // staged once the graph is proved, before it commits: a refused or failed copy never touches the files
    beforeCommit: () => {
      if (!sameFiles) files.staged = stageFiles(fromData, toData);
    },
  });
  let moved = true;
  try {
    files.staged?.commit();
  } catch (error) {
    // The graph has committed; only the rename of the staged folders is left to do by hand.
    moved = false;
    code = 1;
    console.error(
      `the graph was copied and verified, but the saved queries and workspaces could not be moved into ${toData}: ${(error as Error).message}; they are staged beside it in .queries.copy-* and .workspaces.copy-*`,
    );
  }
  const counts = files.staged?.counts;
  report(
    result,
    sameFiles
      ? `the saved queries and workspaces are already in ${toData} (the same data dir on both sides)`
      : moved && counts
        ? `${FILE_FOLDERS.map((f) => `${counts[f]} ${f === 'queries' ? 'saved queries' : f}`).join(', ')} copied to ${toData}`
        : 'not moved (see above)',
  );
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  code = 1;
  files.staged?.abort();
  files.staged = undefined;
  console.error(
    error instanceof CopyError
      ? error.message
      : `the copy failed; the target is as it was: ${(error as Error).message}`,
  );
} finally {
  await source.close().catch(() => undefined);
  await target.close().catch(() => undefined);
}
process.exit(code);
