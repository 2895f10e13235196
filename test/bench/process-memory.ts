/** Memory of processes, from /proc: the server under test and (for Neo4j) the database's JVM. */
import { readdirSync, readFileSync } from 'node:fs';

/** The process and every process under it (npm start's tsx wrapper → supervisor → server). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    /* the process is gone */
  }
  return [pid, ...children.flatMap(descendants)];
}

/** A field of /proc/PID/status in bytes (VmHWM: peak resident set; VmRSS: resident now), 0 when gone. */
export function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))![1]) * 1024;
  } catch {
    return 0;
  }
}

/** The largest peak RSS among the server's processes: that is the server itself, not its wrappers. */
export function peakRss(pid: number): number {
  return Math.max(...descendants(pid).map((p) => statusBytes(p, 'VmHWM')));
}

/**
 * The pid of the java process serving Bolt on `port` (`npm run neo4j` puts the port on the JVM's
 * command line), or undefined when it is not on this machine or not visible to this user.
 */
export function jvmPidForPort(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!/(^|\/)java$/.test(args[0] ?? '')) continue;
    if (args.some((a) => a === String(port) || a.endsWith(`:${port}`) || a.endsWith(`=${port}`))) return Number(entry);
  }
  return undefined;
}
