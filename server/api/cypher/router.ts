/** POST /api/cypher: an analyst's own read-only Cypher, checked and limited like saved queries. */
import { z } from 'zod';
import { runRawCypher } from '../../queries/runner.ts';
import { errors, failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { QueryResultSchema } from '../schemas.ts';
import { requireAnalystCypher } from '../queries/router.ts';

export const CypherBody = z
  .object({
    query: z.string().min(1).max(100_000).describe('one read-only Cypher statement'),
    params: z.record(z.string(), z.unknown()).default({}).describe('values for its $parameters'),
  })
  .meta({ id: 'CypherRequest' });

export const cypherRoutes = [
  defineRoute({
    method: 'post',
    path: '/cypher',
    permission: 'cypher:raw',
    audit: {
      action: 'cypher.run',
      note: ({ input, answer }) => ({
        details: { query: input?.body.query, params: input?.body.params, rows: answer?.rows.length },
      }),
    },
    summary: 'Run ad-hoc read-only Cypher (one statement; time-limited and row-capped)',
    guard: requireAnalystCypher,
    input: { body: { schema: CypherBody, what: 'request body' } },
    output: { status: 200, description: 'table and graph', schema: QueryResultSchema },
    description:
      'Needs the cypher:raw permission and a clearance at or above the highest marking in the store: no filter can hold back what a scalar computed from a withheld item says (403 forbidden with details {clearance, highestMarking} otherwise).',
    errors: { 400: errors[400], 403: errors[403], ...failures },
    handler: ({ body }, { store }, { actor }) => runRawCypher(store, actor, body.query, body.params),
  }),
];
