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
import { SubgraphShape } from './wire.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD');
const Kinds = z.array(z.string().max(100)).max(200);

export const WorkspaceFilters = z
  .object({
    hiddenKinds: Kinds.optional(),
    hiddenRelKinds: Kinds.optional(),
    /** e.g. "C3": only items graded C3 or better in the one grade order (markings.ts) */
    minGrade: z.string().regex(GRADE_PATTERN, 'an Admiralty grade, e.g. C3').nullable().optional(),
    tlpCeiling: Tlp.nullable().optional(),
    from: IsoDate.nullable().optional(),
    to: IsoDate.nullable().optional(),
    /** fade filtered-out items instead of hiding them */
    fade: z.boolean().optional(),
  })
  .meta({ id: 'WorkspaceFilters' });
export type WorkspaceFilters = z.infer<typeof WorkspaceFilters>;

export const WorkspaceView = z.enum(['network', 'routes', 'timeline']);
export type WorkspaceView = z.infer<typeof WorkspaceView>;

/**
 * A group (combo) the analyst drew on the canvas: its members collapsed into one node. Saved beside
 * the graph, never in it: a group is not an entity. Members are node ids of the saved graph.
 */
export const WorkspaceGroup = z
  .object({
    id: z
      .string()
      .regex(/^group~[A-Za-z0-9_-]{1,64}$/, 'group~ and up to 64 letters, digits, _ or -')
      .describe('the group node’s id on the canvas'),
    label: z
      .string()
      .max(200)
      .regex(/^[^\r\n]*$/, 'one line')
      .describe('what it holds, e.g. "12 Facilitators"'),
    members: z.array(z.string().min(1).max(300)).min(2).max(100_000),
    open: z.boolean().default(false).describe('open: its members shown; closed: the group node instead'),
    x: z.number().finite(),
    y: z.number().finite(),
  })
  .meta({ id: 'WorkspaceGroup' });
export type WorkspaceGroup = z.infer<typeof WorkspaceGroup>;

export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WorkspaceName = z.string().regex(WORKSPACE_NAME, 'lower-case letters, digits and -, up to 64 characters');

export const WorkspaceInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]*$/, 'one line'),
    graph: z.object(SubgraphShape).describe('the canvas: nodes with x, y (and pinned, hidden) and edges'),
    view: WorkspaceView.default('network'),
    filters: WorkspaceFilters.default({}),
    camera: z
      .object({ x: z.number(), y: z.number(), ratio: z.number().positive(), angle: z.number().default(0) })
      .optional(),
    /** the graph extent the camera is relative to (sigma's custom bounding box) */
    bbox: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).optional(),
    selected: z.string().max(300).nullable().default(null),
    /** open to every reader (workspaces:read), not only its owner; not shared when not given */
    shared: z.boolean().optional(),
    /** the canvas's groups (combos); absent in workspaces saved before groups */
    groups: z.array(WorkspaceGroup).max(10_000).optional(),
  })
  .meta({ id: 'WorkspaceInput' });
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;

/**
 * A saved workspace. `owner` is the account that first saved it (the server sets it, never the
 * client). Files saved before workspaces had owners read as owner `unknown` and shared: they were
 * open to everyone then, and stay so.
 */
export const UNKNOWN_OWNER = 'unknown';
export const Workspace = WorkspaceInput.extend({
  name: WorkspaceName,
  savedAt: z.string(),
  owner: z.string().max(200).default(UNKNOWN_OWNER),
  shared: z.boolean().default(true),
}).meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceSummary = z
  .object({
    name: z.string(),
    title: z.string(),
    savedAt: z.string(),
    nodes: z.number().int(),
    edges: z.number().int(),
    owner: z.string(),
    shared: z.boolean(),
  })
  .meta({ id: 'WorkspaceSummary' });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;
