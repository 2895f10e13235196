/**
 * Reading the trail back for GET /api/audit, its CSV and `npm run audit -- export`: every chain
 * under AUDIT_DIR, newest first, filtered. It scans the files (a day's file is skipped whole when
 * the time filter rules its day out): at a few hundred thousand events a day that is well under a
 * second, and it keeps the trail plain files an inspector can read without the server.
 */
import type { AuditEvent } from '../model/audit.ts';
import { AUDIT_OUTCOMES } from '../model/audit.ts';
import { chainDirs, chainFiles } from './chain.ts';
import { fileLines, parseLine } from './lines.ts';

export interface AuditFilter {
  /** the account name, exactly */
  user?: string;
  /** an action exactly, or a prefix ending in `*` (`graph.*`) */
  action?: string;
  /** an id among the event's targets */
  target?: string;
  /** from this time on (ms since the epoch, inclusive) */
  from?: number;
  /** up to this time (ms since the epoch, inclusive) */
  to?: number;
  /** most entries answered; `truncated` says when more matched */
  limit: number;
}

export interface AuditPage {
  entries: AuditEvent[];
  truncated: boolean;
}

export function matchesFilter(event: AuditEvent, filter: AuditFilter): boolean {
  if (filter.user !== undefined && event.user !== filter.user) return false;
  if (filter.action !== undefined) {
    const prefix = filter.action.endsWith('*') ? filter.action.slice(0, -1) : undefined;
    if (prefix !== undefined ? !event.action.startsWith(prefix) : event.action !== filter.action) return false;
  }
  if (filter.target !== undefined && !event.targets.includes(filter.target)) return false;
  if (filter.from !== undefined || filter.to !== undefined) {
    const time = Date.parse(event.time);
    if (filter.from !== undefined && !(time >= filter.from)) return false;
    if (filter.to !== undefined && !(time <= filter.to)) return false;
  }
  return true;
}

/** Only the event's own fields, in the schema's order (the chain fields stay in the files). */
export function eventOf(record: Record<string, unknown>): AuditEvent {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const outcome = AUDIT_OUTCOMES.find((o) => o === record.outcome) ?? 'error';
  return {
    time: String(record.time),
    user: text(record.user) ?? '',
    role: text(record.role) as AuditEvent['role'],
    via: text(record.via) as AuditEvent['via'],
    address: text(record.address),
    action: String(record.action),
    targets: Array.isArray(record.targets) ? record.targets.map(String) : [],
    outcome,
    details:
      record.details && typeof record.details === 'object' && !Array.isArray(record.details)
        ? (record.details as Record<string, unknown>)
        : {},
  };
}

const DAY_MS = 86_400_000;

/** Newest first across every chain; unreadable lines are skipped here (the verifier names them). */
export async function readTrail(auditDir: string, filter: AuditFilter): Promise<AuditPage> {
  const wanted = filter.limit + 1;
  const found: { event: AuditEvent; seq: number }[] = [];
  for (const dir of chainDirs(auditDir)) {
    let fromChain = 0;
    for (const file of chainFiles(dir).reverse()) {
      if (fromChain >= wanted) break;
      const dayStart = Date.parse(`${file.day}T00:00:00Z`);
      if (filter.to !== undefined && dayStart > filter.to) continue;
      // a file holds one UTC day: older days than `from` hold nothing wanted, nor do older files
      if (filter.from !== undefined && dayStart + DAY_MS <= filter.from) break;
      const inFile: { event: AuditEvent; seq: number }[] = [];
      for await (const line of fileLines(file.path)) {
        const record = parseLine(line.bytes);
        if (!record) continue;
        const event = eventOf(record);
        if (matchesFilter(event, filter)) inFile.push({ event, seq: record.seq as number });
      }
      for (const hit of inFile.reverse()) {
        if (fromChain >= wanted) break;
        found.push(hit);
        fromChain += 1;
      }
    }
  }
  found.sort((a, b) => (a.event.time < b.event.time ? 1 : a.event.time > b.event.time ? -1 : b.seq - a.seq));
  return { entries: found.slice(0, filter.limit).map((f) => f.event), truncated: found.length > filter.limit };
}
