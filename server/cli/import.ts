/**
 * `npm run import -- <files…> [--on-error=abort|skip] [--json]`
 *
 * Imports CSV, JSON and NDJSON files into the configured store (DATA_DIR / GRAPH_BACKEND) in one
 * transaction. Progress (rows/s, ETA) goes to stderr; the report — counts, and every bad row with
 * file, line, column and reason — to stdout. Exit code 0 when written, 1 when refused or failed,
 * 2 for bad arguments. The embedded store is one process's at a time: while `npm start` holds
 * DATA_DIR, the files are sent to the running server's `POST /api/import` instead (SCAMNET_URL or
 * HOST:PORT), with the header the server asks of multipart uploads.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { serverCredentials } from './server-credentials.ts';
import { isAppError } from '../errors.ts';
import { runImport } from '../import/run-import.ts';
import { outcomeOf, recordOperatorRun } from './operator-audit.ts';
import {
  ON_ERROR_POLICIES,
  type ImportIssue,
  type ImportSummary,
  type OnErrorPolicy,
  type ProgressPhase,
} from '../import/types.ts';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '../http/request-guard.ts';
import { openStoreOrAskServer } from './open-store.ts';

const USAGE = 'usage: npm run import -- <file.csv|file.json|file.ndjson ...> [--on-error=abort|skip] [--json]';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function readArgs(): { files: string[]; onError: OnErrorPolicy; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'on-error': { type: 'string', default: 'abort' }, json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
  }
  const onError = parsed.values['on-error'] as OnErrorPolicy;
  if (!ON_ERROR_POLICIES.includes(onError)) fail(`--on-error must be abort or skip\n${USAGE}`, 2);
  if (parsed.positionals.length === 0) fail(USAGE, 2);
  return { files: parsed.positionals, onError, json: parsed.values.json ?? false };
}

/** A progress line on stderr, redrawn in place on a terminal: phase, rows, rows/s, ETA. */
function progressBar() {
  const started = performance.now();
  let lastDraw = 0;
  let phaseStart = started;
  let phase: ProgressPhase | undefined;
  let lastEvent = started;
  return (next: ProgressPhase, done: number, total: number) => {
    const now = performance.now();
    if (next !== phase) {
      // a phase runs from the previous phase's last report: its own first report may already be its last
      phase = next;
      phaseStart = lastEvent;
    }
    lastEvent = now;
    if (now - lastDraw < 200 && done < total && now !== phaseStart) return;
    lastDraw = now;
    const rate = done / Math.max((now - phaseStart) / 1000, 0.001);
    const eta = rate > 0 && total > done ? ` ETA ${((total - done) / rate).toFixed(0)} s` : '';
    const bar = total > 0 ? `[${'#'.repeat(Math.round((20 * done) / total)).padEnd(20, '.')}] ` : '';
    const line = `import: ${next.padEnd(8)} ${bar}${done}/${total} rows, ${Math.round(rate)} rows/s${eta} (${((now - started) / 1000).toFixed(1)} s)`;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
    else process.stderr.write(`${line}\n`);
  };
}

function issueLine(i: ImportIssue): string {
  return `  ${i.file}${i.line ? `:${i.line}` : ''}${i.column ? ` [${i.column}]` : ''}: ${i.reason}`;
}

function report(summary: ImportSummary): string {
  const c = (x: ImportSummary['nodes']) => `${x.created} created, ${x.updated} updated, ${x.unchanged} unchanged`;
  return [
    `imported ${summary.rows} rows from ${summary.files.length} file(s) in ${summary.elapsedMs} ms (${summary.path})`,
    `  nodes: ${c(summary.nodes)}`,
    `  relationships: ${c(summary.relationships)}`,
    ...(summary.skipped ? [`skipped ${summary.skipped} bad row(s):`, ...summary.issues.map(issueLine)] : []),
  ].join('\n');
}

const args = readArgs();
const files = args.files.map((file) => {
  try {
    if (!statSync(file).isFile()) fail(`${file} is not a file`, 2);
    return { name: path.basename(file), bytes: readFileSync(file) };
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`, 2);
  }
});

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
})();
/** The same import through a running server: one multipart part per file. */
async function viaServer(url: string): Promise<void> {
  console.error(`the store is in use by a running server; importing through ${url}/api/import`);
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([file.bytes]), file.name);
  const res = await fetch(`${url}/api/import?onError=${args.onError}`, {
    method: 'POST',
    headers: { [REQUEST_HEADER]: REQUEST_HEADER_VALUE, ...serverCredentials(config) },
    body: form,
  });
  const body = (await res.json().catch(() => ({}))) as ImportSummary & {
    error?: { code: string; message: string; details: unknown };
  };
  if (res.ok) {
    console.log(args.json ? JSON.stringify(body, null, 2) : report(body));
    return;
  }
  if (body.error?.code === 'invalid_import') {
    const details = body.error.details as { issueCount: number; issues: ImportIssue[] };
    if (args.json) console.log(JSON.stringify({ error: body.error }, null, 2));
    else
      console.log(
        [`refused: ${details.issueCount} bad row(s); nothing was written`, ...details.issues.map(issueLine)].join('\n'),
      );
    process.exit(1);
  }
  fail(`import failed: ${body.error?.code ?? res.status}: ${body.error?.message ?? res.statusText}`);
}

const store = await openStoreOrAskServer(config, fail, viaServer);
let code = 0;
try {
  const summary = await runImport(store, files, { onError: args.onError, onProgress: progressBar() });
  await recordOperatorRun(config, 'import', {
    action: 'import',
    targets: [],
    outcome: 'ok',
    details: {
      files: summary.files.map((f) => f.name),
      rows: summary.rows,
      nodes: summary.nodes,
      relationships: summary.relationships,
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(args.json ? JSON.stringify(summary, null, 2) : report(summary));
} catch (error) {
  await recordOperatorRun(config, 'import', {
    action: 'import',
    targets: [],
    outcome: outcomeOf(error),
    details: { files: args.files, error: (error as Error).message.slice(0, 500) },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  code = 1;
  if (isAppError(error) && error.code === 'invalid_import') {
    const details = error.details as { issueCount: number; issues: ImportIssue[] };
    if (args.json)
      console.log(JSON.stringify({ error: { code: error.code, message: error.message, details } }, null, 2));
    else
      console.log(
        [`refused: ${details.issueCount} bad row(s); nothing was written`, ...details.issues.map(issueLine)].join('\n'),
      );
  } else {
    console.error(`import failed: ${(error as Error).message}`);
  }
} finally {
  await store.close().catch(() => undefined);
}
process.exit(code);
