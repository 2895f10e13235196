/**
 * The shape of one audit-trail event, as the server records it and the admin panel reads it.
 * The trail itself (hash chain, files, verification) is server/audit/; this is only the record,
 * shared with the client.
 */
import { z } from 'zod';
import { ROLES } from './access.ts';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed', 'error'] as const;

export const AuditEventSchema = z.object({
  /** ISO 8601, set by the trail when the event is written */
  time: z.string(),
  /** the account name; `anonymous` before sign-in, the name tried for a failed sign-in */
  user: z.string(),
  role: z.enum(ROLES).nullable(),
  via: z.enum(['session', 'token', 'oidc', 'operator', 'auth-off']).nullable(),
  /** the client's address as the server saw it (null for a CLI) */
  address: z.string().nullable(),
  /** what was done: `auth.sign-in`, `graph.search`, `export`, … (README, "Audit trail") */
  action: z.string(),
  /** the ids the action was about: nodes, relationships, queries, workspaces, accounts */
  targets: z.array(z.string()),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** what else an inspector needs: the search terms, a query's parameters, an export's counts */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
/** What a caller hands the trail; the trail stamps the time. */
export type AuditEventInput = Omit<AuditEvent, 'time'>;

/** Where events go. Recording never fails the request that caused it; the trail reports its own faults. */
export interface AuditSink {
  record(event: AuditEventInput): void;
}
