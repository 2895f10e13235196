/**
 * Where a 2-hop GEXF export's time goes, step by step (selection, cleaning, TLP filter, secrets,
 * redaction, data version, layout, the writer, then the whole runExport), on a data dir of the
 * bench's shape, built on first use:
 * `npx tsx test/bench/profile-export.ts [dataDir] [rels] [runs] [egoId] [isolated]` — medians and
 * each run in ms, the load average at the end. `isolated` runs the engine in its own process as
 * the server does (the IPC included); otherwise in-process.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../server/import/run-import.ts';
import { DATABASE_FILE, EmbeddedStore } from '../../server/store/embedded/embedded-store.ts';
import { IsolatedStore } from '../../server/store/isolated/isolated-store.ts';
import { resolveSelection } from '../../server/export/selection.ts';
import { cleanGraph } from '../../server/export/clean-text.ts';
import { filterByTlp, highestTlp } from '../../server/export/tlp-filter.ts';
import { findSecrets, redactCitations, redactSelection } from '../../server/export/redact.ts';
import { dataVersion, TOOL, type Manifest } from '../../server/export/manifest.ts';
import { layoutPositions } from '../../server/export/layout.ts';
import { writeGexf } from '../../server/export/formats/gexf.ts';
import { NO_NOTES } from '../../server/export/notes.ts';
import { runExport } from '../../server/export/run-export.ts';
import { writeCsv } from './data.ts';
import type { GraphStore } from '../../server/store/types.ts';

const [dataDir = '/tmp/S3-100k', relsArg = '100000', runsArg = '5', ego = 'centre:b0', iso] = process.argv.slice(2);
const runs = Number(runsArg);
const limits = { timeoutMs: 60_000, maxRows: 5000, maxBytes: 16e6 };
if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
  const csvDir = mkdtempSync(path.join(os.tmpdir(), 'S3-csv-'));
  const shape = writeCsv(csvDir, Number(relsArg));
  const s = new EmbeddedStore({ dataDir, limits });
  await s.init();
  await runImport(
    s,
    shape.files.map((f) => ({ name: `${f}.csv`, bytes: readFileSync(path.join(csvDir, `${f}.csv`)) })),
  );
  await s.close();
  console.log('imported', shape);
}
const store: GraphStore & { close(): Promise<void>; init(): Promise<void> } = iso
  ? new IsolatedStore({ dataDir, limits, maxMemoryMb: 4000 })
  : new EmbeddedStore({ dataDir, limits });
await store.init();
const actor = { name: 'bench', clearance: 'RED' as const, id: 'bench', role: 'admin' } as never;
const deps = { store, queries: undefined as never, analystCypher: false, maxNodes: 50_000 };
const t: Record<string, number[]> = {};
const lap = (name: string, since: number) => (t[name] ??= []).push(performance.now() - since);
let bytes = 0;
for (let i = 0; i < runs; i++) {
  let s = performance.now();
  const selected = await resolveSelection(deps, { kind: 'ego', id: ego, depth: 2 } as never, actor);
  lap('select', s);
  s = performance.now();
  const cleaned = cleanGraph(selected.graph);
  lap('clean', s);
  s = performance.now();
  const filtered = filterByTlp(cleaned, 'AMBER');
  lap('tlp filter', s);
  s = performance.now();
  const secrets = await findSecrets(store, cleaned, filtered.graph, selected.record, 'AMBER', 'RED');
  lap('findSecrets', s);
  s = performance.now();
  const graph = redactCitations(filtered.graph, secrets);
  redactSelection(selected.record, graph, secrets);
  lap('redact', s);
  s = performance.now();
  const dv = dataVersion(graph);
  lap('dataVersion', s);
  s = performance.now();
  const positions = layoutPositions(graph);
  lap('layout', s);
  const manifest = {
    tool: { ...TOOL },
    title: 't',
    format: 'gexf',
    exportedAt: new Date().toISOString(),
    exportedBy: 'b',
    selection: selected.record,
    store: { backend: 'embedded' },
    dataVersion: dv,
    highestTlp: highestTlp(graph),
    recipientTlp: 'AMBER',
    withheld: filtered.withheld,
    counts: { nodes: graph.nodes.length, links: graph.edges.length },
  } as Manifest;
  s = performance.now();
  const file = writeGexf({
    graph,
    manifest,
    positions: () => positions,
    groups: [],
    sources: async () => [],
    notes: NO_NOTES,
  });
  lap('writeGexf', s);
  bytes = (file.body as Buffer).length;
  s = performance.now();
  await runExport(deps, { format: 'gexf', selection: { kind: 'ego', id: ego, depth: 2 } } as never, { actor });
  lap('runExport total', s);
  if (i === 0) console.log('nodes', graph.nodes.length, 'edges', graph.edges.length, 'bytes', bytes);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [k, v] of Object.entries(t))
  console.log(k.padEnd(16), med(v).toFixed(1).padStart(8), 'ms   runs', v.map((x) => x.toFixed(0)).join(' '));
console.log(
  'writer MB/s',
  (bytes / 1e6 / (med(t.writeGexf!) / 1000)).toFixed(2),
  'total MB/s',
  (bytes / 1e6 / (med(t['runExport total']!) / 1000)).toFixed(2),
  'load',
  readFileSync('/proc/loadavg', 'utf8').trim(),
);
await store.close();
