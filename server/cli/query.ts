/**
 * `npm run query -- --list`
 * `npm run query -- <name> [--param key=value …] [--format table|json|csv]`
 * `npm run query -- --cypher "<read-only Cypher>" [--param key=value …]`
 *
 * Runs against the configured store. The embedded store admits one process at a time, so when a
 * running server holds it, the query is sent to that server's API instead (SCAMNET_URL, or
 * http://HOST:PORT from the same configuration).
 */
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { loadConfig, type Config } from '../config.ts';
import { assertAnalystCypher, assertMayRunQuery } from '../cypher/analyst-switch.ts';
import { AppError } from '../errors.ts';
import { openCatalogue, type CatalogueEntry } from '../queries/catalogue.ts';
import { runRawCypher, runSavedQuery } from '../queries/runner.ts';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '../http/request-guard.ts';
import { openStoreOrAskServer } from './open-store.ts';
import { operatorActor } from './operator.ts';
import { outcomeOf, recordOperatorRun } from './operator-audit.ts';
import type { GraphStore, QueryResult } from '../store/types.ts';
import { formatTable, neutraliseFormula, textRows } from './render.ts';
import { serverCredentials } from './server-credentials.ts';

const USAGE = `usage:
  npm run query -- --list
  npm run query -- <name> [--param key=value ...] [--format table|json|csv]
  npm run query -- --cypher "<read-only Cypher>" [--param key=value ...] [--format ...]`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const Format = z.enum(['table', 'json', 'csv']);

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        list: { type: 'boolean' },
        param: { type: 'string', multiple: true },
        format: { type: 'string', default: 'table' },
        cypher: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) fail(USAGE, 0);
    const format = Format.safeParse(values.format);
    if (!format.success) fail(`--format must be table, json or csv\n${USAGE}`, 2);
    const params: Record<string, string> = {};
    for (const pair of values.param ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 1) fail(`--param ${pair}: write it as key=value\n${USAGE}`, 2);
      params[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    if (!values.list && !values.cypher && positionals.length !== 1) fail(USAGE, 2);
    return { list: values.list ?? false, cypher: values.cypher, name: positionals[0], params, format: format.data };
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

function print(result: QueryResult, format: z.infer<typeof Format>): void {
  if (format === 'json') console.log(JSON.stringify(result, null, 2));
  else if (format === 'csv')
    process.stdout.write(stringify([result.columns, ...textRows(result)].map((r) => r.map(neutraliseFormula))));
  else console.log(formatTable(result));
}

function printList(queries: Array<Pick<CatalogueEntry, 'name' | 'title' | 'params' | 'builtin'>>): void {
  const rows = queries.map((q) => ({
    name: q.name,
    title: q.title,
    params: q.params.map((p) => `${p.name}${p.required ? '' : '?'}:${p.type}`).join(', '),
    source: q.builtin ? 'built-in' : 'saved',
  }));
  const result = {
    columns: ['name', 'title', 'params', 'source'],
    rows,
    graph: { nodes: [], edges: [] },
    truncated: false,
    elapsedMs: 0,
  } as unknown as QueryResult;
  console.log(formatTable(result, 70));
}

/** Asks a running server for what the CLI cannot open itself. */
async function viaServer(baseUrl: string, args: ReturnType<typeof readArgs>): Promise<void> {
  const call = async (path: string, body?: unknown) => {
    const res = await fetch(
      `${baseUrl}${path}`,
      body === undefined
        ? { headers: serverCredentials(config) }
        : {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
              ...serverCredentials(config),
            },
            body: JSON.stringify(body),
          },
    );
    const json = (await res.json()) as { error?: { code: string; message: string } };
    if (!res.ok) fail(`${json.error?.code ?? res.status}: ${json.error?.message ?? res.statusText}`);
    return json;
  };
  if (args.list) return printList(((await call('/api/queries')) as unknown as { queries: CatalogueEntry[] }).queries);
  const result = args.cypher
    ? await call('/api/cypher', { query: args.cypher, params: args.params })
    : await call(`/api/queries/${encodeURIComponent(queryName(args))}/run`, { params: args.params });
  print(result as unknown as QueryResult, args.format);
}

/** The saved query to run: readArgs refuses a run with neither --list, --cypher nor a name. */
function queryName(args: ReturnType<typeof readArgs>): string {
  if (args.name === undefined) throw new AppError('internal', 'a query run got past readArgs without a name');
  return args.name;
}

async function direct(config: Config, store: GraphStore, args: ReturnType<typeof readArgs>): Promise<void> {
  const catalogue = openCatalogue(store, config.DATA_DIR);
  if (args.list) return printList(await catalogue.list());
  if (args.cypher) {
    assertAnalystCypher(config.ANALYST_CYPHER);
    return print(await runRawCypher(store, operatorActor(), args.cypher, args.params), args.format);
  }
  const query = await catalogue.get(queryName(args));
  assertMayRunQuery(query, config.ANALYST_CYPHER);
  print(await runSavedQuery(store, query, args.params, operatorActor()), args.format);
}

const args = readArgs();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}
const store = await openStoreOrAskServer(config, fail, (url) => {
  console.error(`the store is in use by a running server; asking it at ${url}`);
  return viaServer(url, args);
});
// what was run, for the operator's audit chain (listing the library is not recorded)
const run = args.cypher
  ? { action: 'cypher.run', targets: [], details: { query: args.cypher, params: args.params } }
  : { action: 'query.run', targets: args.name ? [args.name] : [], details: { name: args.name, params: args.params } };
try {
  await direct(config, store, args);
  if (!args.list) await recordOperatorRun(config, 'query', { ...run, outcome: 'ok' });
} catch (error) {
  await store.close();
  if (!args.list) await recordOperatorRun(config, 'query', { ...run, outcome: outcomeOf(error) });
  fail(error instanceof AppError ? `${error.code}: ${error.message}` : `query failed: ${(error as Error).message}`);
}
await store.close();
