/**
 * `npm run audit -- verify [--dir <dir>] [--anchor <seq>:<hash>] [--json]`: checks every chain
 * under AUDIT_DIR (or the one chain `--dir` names); exit 0 with a summary per chain, or 1 naming
 * the file and line of the first edited, inserted or deleted line. `--anchor` is a head the
 * server logged (auditHead): the chain must still hold a line with that seq and hash. A folder with no chain is an error too (exit 1): a trail
 * that is not there is not intact.
 *
 * `npm run audit -- export --csv [--dir <dir>] [--from <time>] [--to <time>] [--user <name>]
 * [--action <action|prefix*>] [--target <id>]`: the matching events as CSV on stdout, newest first.
 * Exit 2 for bad arguments. Both read files only: they work with the server running or stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { auditCsv } from '../audit/csv.ts';
import { auditDirOf } from '../audit/open-trail.ts';
import { readTrail, type AuditFilter } from '../audit/read-trail.ts';
import { chainDirs } from '../audit/chain.ts';
import { describeReport, verifyTrail } from '../audit/verify.ts';
import { fail } from './dir-command.ts';

const USAGE = `usage: npm run audit -- verify [--dir <AUDIT_DIR>] [--anchor <seq>:<sha256>] [--json]
       npm run audit -- export --csv [--dir <AUDIT_DIR>] [--from <time>] [--to <time>] [--user <name>] [--action <action>] [--target <id>]`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      anchor: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      user: { type: 'string' },
      action: { type: 'string' },
      target: { type: 'string' },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
}
const { positionals, values } = parsed;
const command = positionals[0];
if (positionals.length !== 1 || (command !== 'verify' && command !== 'export')) fail(USAGE, 2);

function auditDir(): string {
  if (values.dir) return path.resolve(values.dir);
  try {
    return path.resolve(auditDirOf(loadConfig()));
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** A time or a UTC day; a day as `--to` means to its end. */
function time(value: string | undefined, flag: string, end: boolean): number | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) fail(`${flag}: not an ISO time or day: ${value}\n${USAGE}`, 2);
  return day && end ? ms + 86_400_000 - 1 : ms;
}

const dir = auditDir();
if (command === 'verify') {
  const anchors = (values.anchor ?? []).map((text) => {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
    if (!match) return fail(`--anchor: <seq>:<sha256 hex>, as the server logs its auditHead: ${text}\n${USAGE}`, 2);
    return { seq: Number(match[1]), hash: String(match[2]) };
  });
  if (anchors.length > 0 && chainDirs(dir).length > 1)
    fail('--anchor names a line of one chain: give that chain with --dir', 2);
  const reports = await verifyTrail(dir, anchors);
  if (values.json) console.log(JSON.stringify(reports, null, 2));
  else for (const report of reports) console.log(describeReport(report));
  if (reports.length === 0) fail(`no audit chain in ${dir}`);
  const bad = reports.filter((r) => r.problem);
  if (bad.length > 0) {
    for (const report of bad)
      console.error(
        `${path.join(report.dir, report.problem?.file ?? '')}:${report.problem?.line}: ${report.problem?.kind}`,
      );
    process.exit(1);
  }
} else {
  if (!values.csv) fail(`export writes CSV: add --csv\n${USAGE}`, 2);
  const filter: AuditFilter = { limit: Number.MAX_SAFE_INTEGER };
  if (values.user) filter.user = values.user;
  if (values.action) filter.action = values.action;
  if (values.target) filter.target = values.target;
  const from = time(values.from, '--from', false);
  const to = time(values.to, '--to', true);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  const page = await readTrail(dir, filter);
  process.stdout.write(auditCsv(page.entries));
}
