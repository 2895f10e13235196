/**
 * `npm run export -- --format gexf --ego centre:na-2024-01 --depth 2 --out briefing.gexf`
 *
 * Selections: --ids a,b,c | --ego <id> [--depth N] [--rel-kinds A,B] | --path <from>,<to> [--max-hops N]
 * | --query <name> [--param key=value ...]. Options: --recipient-tlp, --title, --out (default:
 * the server-made name in the current directory). On the local data dir it runs as the machine's
 * operator (every marking; the manifest names the OS account); through a server, as that server's caller. Progress goes to stderr. Like `npm run query`,
 * it opens the configured store, or asks the running server that holds it (SCAMNET_URL).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { serverCredentials } from './server-credentials.ts';
import { AppError } from '../errors.ts';
import { ExportRequest } from '../export/request.ts';
import { runExport } from '../export/run-export.ts';
import { NoteStore } from '../notes/note-store.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from '../model/export-formats.ts';
import { openCatalogue } from '../queries/catalogue.ts';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '../http/request-guard.ts';
import { openStoreOrAskServer } from './open-store.ts';
import { operatorActor } from './operator.ts';
import { outcomeOf, recordOperatorRun } from './operator-audit.ts';

const USAGE = `usage:
  npm run export -- --format ${EXPORT_FORMATS.join('|')} <selection> [options]
selection (one of):
  --ids <id,id,...>                       these nodes and the relationships among them
  --ego <id> [--depth 1-3] [--rel-kinds K,K]  an ego network
  --path <from>,<to> [--max-hops 1-8]     the shortest paths between two nodes
  --query <name> [--param key=value ...]  a saved query's graph
options:
  --recipient-tlp CLEAR|GREEN|AMBER|AMBER+STRICT|RED   withhold what is marked above it
  --title "<title>"   --out <file>`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const start = Date.now();
function progress(step: string): void {
  const line = `export: ${step} (${((Date.now() - start) / 1000).toFixed(1)} s)`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
  else process.stderr.write(`${line}\n`);
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function readArgs() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        format: { type: 'string' },
        ids: { type: 'string' },
        ego: { type: 'string' },
        depth: { type: 'string' },
        'rel-kinds': { type: 'string' },
        path: { type: 'string' },
        'max-hops': { type: 'string' },
        query: { type: 'string' },
        param: { type: 'string', multiple: true },
        'recipient-tlp': { type: 'string' },
        title: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const v = parsed;
  if (v.help) fail(USAGE, 0);
  const chosen = [v.ids, v.ego, v.path, v.query].filter((s) => s !== undefined).length;
  if (chosen !== 1) fail(`give exactly one of --ids, --ego, --path, --query\n${USAGE}`, 2);
  const params: Record<string, string> = {};
  for (const pair of v.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) fail(`--param ${pair}: write it as key=value\n${USAGE}`, 2);
    params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const [from, to] = list(v.path) ?? [];
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const selection = v.ids
    ? { kind: 'ids', ids: list(v.ids) }
    : v.ego
      ? { kind: 'ego', id: v.ego, depth: num(v.depth), relKinds: list(v['rel-kinds']) }
      : v.path
        ? { kind: 'path', from, to, maxHops: num(v['max-hops']), relKinds: list(v['rel-kinds']) }
        : { kind: 'query', name: v.query, params };
  const request = ExportRequest.safeParse({
    format: v.format,
    selection,
    recipientTlp: v['recipient-tlp'],
    title: v.title,
  });
  if (!request.success) {
    fail(
      `${request.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('\n')}\n${USAGE}`,
      2,
    );
  }
  return { request: request.data, out: v.out };
}

/** `npm run` starts scripts in the package root; paths are the user's, from where they typed the command. */
const HERE = process.env.INIT_CWD ?? process.cwd();

function save(out: string | undefined, fileName: string, body: Buffer | Iterable<string>, summary: string): void {
  const target = path.resolve(HERE, out ?? fileName);
  let bytes = 0;
  if (Buffer.isBuffer(body)) {
    writeFileSync(target, body);
    bytes = body.length;
  } else {
    // a streamed format goes to disk chunk by chunk, never whole in memory
    const fd = openSync(target, 'w');
    try {
      for (const chunk of body) {
        const data = Buffer.from(chunk);
        writeSync(fd, data);
        bytes += data.length;
        if (bytes % (1 << 20) < data.length) progress(`written ${(bytes / (1 << 20)).toFixed(0)} MB`);
      }
    } finally {
      closeSync(fd);
    }
  }
  progress('done');
  process.stderr.write(`\n${summary}\nwrote ${(bytes / 1024).toFixed(1)} KB to ${target}\n`);
}

async function viaServer(url: string, args: ReturnType<typeof readArgs>): Promise<void> {
  progress(`asking the server at ${url}`);
  const res = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
      ...serverCredentials(config),
    },
    body: JSON.stringify(args.request),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    const error = (JSON.parse(body.toString() || '{}') as { error?: { code: string; message: string } }).error;
    fail(`\n${error?.code ?? res.status}: ${error?.message ?? res.statusText}`);
  }
  const fileName =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
    `export.${EXPORT_FORMAT_INFO[args.request.format].ext}`;
  const summary = `highest marking TLP:${res.headers.get('x-export-highest-tlp')}; withheld ${res.headers.get('x-export-withheld-nodes')} nodes, ${res.headers.get('x-export-withheld-links')} links`;
  save(args.out, fileName, body, summary);
}

const args = readArgs();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}
const maxNodes = config.EXPORT_MAX_NODES;
progress('opening the store');
// a new line first: the progress line is still open
const store = await openStoreOrAskServer(
  config,
  (message) => fail(`\n${message}`),
  (url) => viaServer(url, args),
);
try {
  const deps = {
    store,
    queries: openCatalogue(store, config.DATA_DIR),
    analystCypher: config.ANALYST_CYPHER,
    maxNodes,
    notes: new NoteStore(config.DATA_DIR),
  };
  const result = await runExport(deps, args.request, { actor: operatorActor(), progress });
  const m = result.manifest;
  await recordOperatorRun(config, 'export', {
    action: 'export',
    targets: [],
    outcome: 'ok',
    details: {
      format: args.request.format,
      recipientTlp: m.recipientTlp ?? null,
      highestTlp: m.highestTlp,
      counts: m.counts,
      withheld: m.withheld,
      file: args.out ?? result.fileName,
    },
  });
  const withheld = m.recipientTlp
    ? `; withheld for TLP:${m.recipientTlp}: ${m.withheld.nodes} nodes, ${m.withheld.links} links`
    : '';
  save(
    args.out,
    result.fileName,
    result.body,
    `${m.counts.nodes} nodes, ${m.counts.links} links; highest marking TLP:${m.highestTlp}${withheld}`,
  );
} catch (error) {
  await store.close();
  await recordOperatorRun(config, 'export', {
    action: 'export',
    targets: [],
    outcome: outcomeOf(error),
    details: { format: args.request.format, error: (error as Error).message },
  });
  fail(
    error instanceof AppError ? `\n${error.code}: ${error.message}` : `\nexport failed: ${(error as Error).message}`,
  );
}
await store.close();
