/** GET /api/audit and /api/audit.csv: the audit trail, newest first, filtered (admins: audit:read). */
import { z } from 'zod';
import { auditCsv } from '../../audit/csv.ts';
import type { AuditFilter } from '../../audit/read-trail.ts';
import { intParam } from '../../graph/query-params.ts';
import type { Actor } from '../../model/access.ts';
import { AuditEventSchema } from '../../model/audit.ts';
import { assertTopClearance } from '../../queries/clearance.ts';
import type { GraphStore } from '../../store/types.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { ErrorSchema } from '../schemas.ts';
import { defineRoute } from '../route.ts';

const Time = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('an ISO time (2026-12-03T09:00:00Z) or a UTC day (2026-12-03)');

const filters = {
  user: z.string().min(1).max(200).optional().describe('the account name'),
  action: z.string().min(1).max(100).optional().describe('an action (graph.search), or a prefix ending in * (graph.*)'),
  target: z.string().min(1).max(300).optional().describe('an entity id among the targets'),
  from: Time.optional().describe('from this time on (a day: from its start)'),
  to: Time.optional().describe('up to this time (a day: to its end)'),
};
export const AuditQuery = z.object({
  ...filters,
  limit: intParam(1, 10_000, 500).describe('most entries (1-10,000); `truncated` says when more matched'),
});
export const AuditCsvQuery = z.object({ ...filters, limit: intParam(1, 10_000, 10_000).describe('most rows') });

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEventSchema).describe('newest first'),
    truncated: z.boolean().describe('more events matched than `limit`'),
  })
  .meta({ id: 'AuditPage' });

const DAY_MS = 86_400_000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function filterOf(query: z.infer<typeof AuditQuery>): AuditFilter {
  const { from, to, ...rest } = query;
  const filter: AuditFilter = { ...rest };
  if (from) filter.from = Date.parse(isDay(from) ? `${from}T00:00:00Z` : from);
  if (to) filter.to = isDay(to) ? Date.parse(`${to}T00:00:00Z`) + DAY_MS - 1 : Date.parse(to);
  return filter;
}

/**
 * The trail names ids and search terms at every marking, and no filter by marking can be applied
 * to a search term: reading it needs a clearance at the highest marking in the store, as raw
 * Cypher does (403 forbidden with {clearance, highestMarking} otherwise).
 */
const assertClearedForTrail = (store: GraphStore, actor: Actor) =>
  assertTopClearance(store, actor, 'the audit trail names ids and search terms at every marking');

const refused = {
  403: json(
    ErrorSchema,
    'forbidden: audit:read is missing, or the clearance is below the highest marking in the store',
  ),
};

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    permission: 'audit:read',
    summary: 'The audit trail, newest first, filtered by user, action, target, time',
    input: { query: { schema: AuditQuery, what: 'audit filter' } },
    output: { status: 200, description: 'the events', schema: AuditPageSchema },
    errors: { 400: errors[400], ...refused, ...failures },
    audit: {
      action: 'audit.read',
      note: ({ input, answer }) => ({ details: { filter: input?.query ?? {}, entries: answer?.entries.length } }),
    },
    handler: async ({ query }, { audit, store }, { actor }) => {
      await assertClearedForTrail(store, actor);
      return audit.read(filterOf(query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit.csv',
    permission: 'audit:read',
    summary: 'The audit trail as CSV (same filters), newest first',
    input: { query: { schema: AuditCsvQuery, what: 'audit filter' } },
    writesOwnAnswer: true,
    output: {
      status: 200,
      description: 'CSV: time,user,role,via,address,action,targets,outcome,details (JSON)',
      doc: {
        description: 'CSV: time,user,role,via,address,action,targets (space-separated),outcome,details (JSON)',
        headers: z.object({ 'x-audit-truncated': z.string().describe('true when more events matched than `limit`') }),
        content: { 'text/csv': { schema: z.string() } },
      },
    },
    errors: { 400: errors[400], ...failures },
    audit: {
      action: 'audit.export',
      note: ({ input }) => ({ details: { filter: input?.query ?? {}, format: 'csv' } }),
    },
    handler: async ({ query }, { audit, store }, { res, actor }) => {
      await assertClearedForTrail(store, actor);
      const page = await audit.read(filterOf(query));
      const day = new Date().toISOString().slice(0, 10);
      res
        .status(200)
        .set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="scamnet-audit-${day}.csv"`,
          'Cache-Control': 'no-store',
          'X-Audit-Truncated': String(page.truncated),
        })
        .send(auditCsv(page.entries));
    },
  }),
];
