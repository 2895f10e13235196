/**
 * The trail as CSV for an inspector's spreadsheet: one row per event, the details as JSON. Cells
 * a spreadsheet would run as a formula are prefixed with `'`, as in the exports' CSV.
 */
import { stringify } from 'csv-stringify/sync';
import type { AuditEvent } from '../model/audit.ts';
import { CSV_OPTIONS, neutraliseCell } from '../export/formats/csv.ts';

export const AUDIT_CSV_COLUMNS = [
  'time',
  'user',
  'role',
  'via',
  'address',
  'action',
  'targets',
  'outcome',
  'details',
] as const;

function row(event: AuditEvent): string[] {
  return [
    event.time,
    event.user,
    event.role ?? '',
    event.via ?? '',
    event.address ?? '',
    event.action,
    event.targets.join(' '),
    event.outcome,
    JSON.stringify(event.details),
  ].map(neutraliseCell);
}

export function auditCsv(events: readonly AuditEvent[]): string {
  return stringify([[...AUDIT_CSV_COLUMNS], ...events.map(row)], CSV_OPTIONS);
}
