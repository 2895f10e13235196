/**
 * The source a copy-store test copies: the seed graph (scale 1), the TLP-marked export graph
 * (every marking, hostile ids and names), and written for these tests: enough ScamType nodes and
 * USES_METHOD links with awkward text (quotes, commas, line breaks, list elements the staging CSV
 * cannot carry) that both the COPY FROM path and its UNWIND fallback run, and ids whose order
 * differs between JavaScript strings and code points. Plus a workspace and a saved query. All
 * synthetic; no real person's name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { buildSeedGraph } from '../../seeds/index.ts';
import { WorkspaceStore } from '../../server/workspaces/workspace-store.ts';
import { dataVersion } from '../../server/export/manifest.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import { UserQueryStore } from '../../server/queries/user-queries.ts';
import { writeBatch } from '../../server/store/batch-writer.ts';
import { EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import type { GraphStore, StoreLimits } from '../../server/store/types.ts';
import { markedGraph } from './export-marked-graph.ts';
import { provWith } from './fixtures.ts';
import { REPO_ROOT } from './server-process.ts';

/** More than the import's bulk threshold (500), so these go through COPY FROM on the embedded store. */
export const FILLERS = 620;

/** `centre:Ａ…` (U+FF21) sorts after `centre:😀…` as JavaScript strings, before it by code point. */
export const ORDER_IDS = ['scamtype:\uFF21-fullwidth', 'scamtype:\u{1F600}-emoji', 'scamtype:zz-plain'];

const prov = provWith({ grade: 'C3', tlp: 'AMBER', sourceIds: [], synthetic: true });

export function awkwardGraph(): GraphBatch {
  const nodes: object[] = [
    { kind: 'Method', id: 'method:copy-test', name: 'Copy test method', stage: 'control', ...prov() },
  ];
  const relationships: object[] = [];
  for (let i = 0; i < FILLERS; i++) {
    const id = `scamtype:copy-${String(i).padStart(4, '0')}`;
    nodes.push({
      kind: 'ScamType',
      id,
      name: i % 3 === 0 ? `Scam "${i}", with\nline break` : `Scam type ${i}, plain`,
      // every tenth has aliases the engine's CSV list syntax cannot carry: UNWIND instead of COPY
      aliases: i % 10 === 0 ? ['comma, inside', 'quote " inside', '[bracket]'] : [`alias-${i}`],
      description: i % 7 === 0 ? 'tab\there; =cmd|" /C calc"!A0; <script>x</script>' : null,
      ...prov(),
      tlp: (['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const)[i % 5],
    });
    relationships.push({ kind: 'USES_METHOD', id: `uses:copy-${i}`, from: id, to: 'method:copy-test', ...prov() });
  }
  for (const id of ORDER_IDS) nodes.push({ kind: 'ScamType', id, name: `Order ${id}`, ...prov() });
  const parsed = parseBatch({ nodes, relationships });
  if (!parsed.ok) throw new Error(`awkward graph is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.batch;
}

/** Writes the whole test source into `store`, and a workspace and a saved query into `dataDir`. */
export async function fillSource(store: GraphStore, dataDir: string): Promise<void> {
  await writeBatch(store, buildSeedGraph({ seed: 42, scale: 1 }));
  await writeBatch(store, markedGraph());
  await writeBatch(store, awkwardGraph());
  const graph = {
    nodes: [{ key: 'centre:alpha', attributes: { kind: 'Centre', label: 'Alpha "quoted"', x: 1, y: 2 } }],
    edges: [],
  };
  await new WorkspaceStore(dataDir).save('case-1', {
    title: 'Case one',
    graph,
    view: 'network',
    filters: { tlpCeiling: 'AMBER' },
    selected: null,
  });
  await new UserQueryStore(dataDir).save(
    {
      name: 'all-centres',
      title: 'All centres',
      description: 'every centre',
      params: [],
      returns: '',
      query: 'MATCH (c:Centre) RETURN c',
    },
    'ladybug',
    false,
  );
}

const BIG = { maxRows: 10_000_000, maxBytes: 2_000_000_000, timeoutMs: 600_000 };

/** The data version of everything in the store, from one read of all of it (the plain way). */
export async function wholeDataVersion(store: GraphStore): Promise<string> {
  const nodes = (await store.read('MATCH (n) RETURN n', {}, BIG)).graph.nodes;
  const edges = (await store.read('MATCH ()-[r]->() RETURN r', {}, BIG)).graph.edges;
  return dataVersion({ nodes, edges });
}

/** Every saved query and workspace file of a data dir, by name, as bytes (the index left out). */
export function dataFilesOf(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['queries', 'workspaces']) {
    const dir = path.join(dataDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => !n.startsWith('_'))
      .sort())
      out[`${folder}/${name}`] = readFileSync(path.join(dir, name), 'utf8');
  }
  return out;
}

/** `npm run copy-store -- …` as a process; `env` on top of the test's own. */
export function runCopyStore(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/copy-store.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The two data versions the CLI printed: they must be there and agree. */
export function printedDataVersion(stdout: string): string {
  const source = /^data version \(source\)\s+(sha256:[0-9a-f]{64})$/m.exec(stdout)?.[1];
  const target = /^data version \(target\)\s+(sha256:[0-9a-f]{64})$/m.exec(stdout)?.[1];
  expect(source, stdout).toBeDefined();
  expect(target).toBe(source);
  return source!;
}

/** Opens the embedded store in `dataDir` for `work`, and closes it after, whatever happens. */
export async function withEmbeddedStore<T>(
  dataDir: string,
  limits: StoreLimits,
  work: (store: EmbeddedStore) => Promise<T>,
): Promise<T> {
  const store = new EmbeddedStore({ dataDir, limits });
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
