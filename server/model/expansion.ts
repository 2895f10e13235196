/**
 * How a hub is expanded (issue 14): the order its neighbours come in, pages of them, and a preview
 * of what "expand all" would add. The shapes the neighbours endpoint, the counts endpoint and the
 * client share; the services that fill them live in server/graph/.
 */
import { z } from 'zod';

/**
 * The order of a node's neighbours when it is expanded a page at a time:
 * - `degree`: best connected first (their degree at the reader's clearance), the default — an
 *   analyst wants the brokers of a hub before its leaves;
 * - `grade`: best-vouched first (the linking relationship's Admiralty reliability A→F, then
 *   credibility 1→6; ungraded last);
 * - `recent`: most recently seen first (the neighbour's lastSeen, then firstSeen; undated last);
 * - `name`: alphabetical (the order before issue 14).
 * Ties are broken by name, then id, so pages never overlap or skip.
 */
export const EXPANSION_ORDERS = ['degree', 'grade', 'recent', 'name'] as const;
export const ExpansionOrderSchema = z.enum(EXPANSION_ORDERS).meta({ id: 'ExpansionOrder' });
export type ExpansionOrder = z.infer<typeof ExpansionOrderSchema>;

/** Neighbours per page in the client ("show 40 more"). */
export const EXPANSION_PAGE = 40;

const CountByKind = z.object({ kind: z.string(), count: z.number().int().nonnegative() });

/**
 * GET /api/nodes/:id/neighbors/counts — what expanding a node would bring, at the reader's
 * clearance (withheld neighbours and links are not counted), before anything is fetched: the
 * preview behind "expand all N".
 */
export const NeighbourCountsSchema = z
  .object({
    id: z.string(),
    total: z.number().int().nonnegative().describe('distinct neighbours in all (with the filters given)'),
    byKind: z.array(CountByKind).describe('distinct neighbours per node kind, most first'),
    byRelKind: z.array(CountByKind).describe('relationships per relationship kind, most first'),
  })
  .meta({ id: 'NeighbourCounts' });
export type NeighbourCounts = z.infer<typeof NeighbourCountsSchema>;
