/**
 * What a workspace saves besides its graph: the client's filters (client/src/core/filters/filters.ts)
 * and the view it was in. Typed here so a workspace file holds only what the client can reopen, and
 * a bad filters object is refused when saved (400) instead of breaking the client when loaded.
 *
 * Every filter is optional: the client merges what it loads over its defaults (NO_FILTERS), and
 * workspaces saved before this schema hold `{}` or only some filters. Keys the client does not
 * know are dropped, not refused, so older files still load.
 */
import { z } from 'zod';
import { GRADE_PATTERN, Tlp } from './provenance.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD');
const Kinds = z.array(z.string().max(100)).max(200);

export const WorkspaceFilters = z
  .object({
    hiddenKinds: Kinds.optional(),
    hiddenRelKinds: Kinds.optional(),
    /** e.g. "C3": only items graded C3 or better on both scales */
    minGrade: z.string().regex(GRADE_PATTERN, 'an Admiralty grade, e.g. C3').nullable().optional(),
    tlpCeiling: Tlp.nullable().optional(),
    from: IsoDate.nullable().optional(),
    to: IsoDate.nullable().optional(),
    /** fade filtered-out items instead of hiding them */
    fade: z.boolean().optional(),
  })
  .meta({ id: 'WorkspaceFilters' });
export type WorkspaceFilters = z.infer<typeof WorkspaceFilters>;

export const WorkspaceView = z.enum(['network', 'routes']);
export type WorkspaceView = z.infer<typeof WorkspaceView>;
