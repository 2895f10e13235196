/**
 * What an export request may ask for, as zod schemas: the one description the router validates
 * with, the CLI builds, and the OpenAPI document shows.
 */
import { z } from 'zod';
import { RelKindName } from '../model/schema.ts';
import { EXPORT_FORMATS } from '../model/export-formats.ts';
import { Tlp } from '../model/provenance.ts';

export { EXPORT_FORMATS };
export const ExportFormat = z.enum(EXPORT_FORMATS).describe('file format of the export');
export type ExportFormat = z.infer<typeof ExportFormat>;

const NodeId = z.string().min(1).max(300).describe('node id, e.g. centre:na-2024-01');

export const Selection = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('ids'),
      ids: z
        .array(NodeId)
        .min(1)
        .max(1_000_000)
        .describe('the nodes (e.g. the client’s current view); relationships among them are included'),
    }),
    z.object({
      kind: z.literal('ego'),
      id: NodeId.describe('the centre of the ego network'),
      depth: z.number().int().min(1).max(3).default(1).describe('hops from the node (1-3)'),
      relKinds: z.array(RelKindName).min(1).optional().describe('follow only these relationship kinds'),
    }),
    z
      .object({
        kind: z.literal('path'),
        from: NodeId,
        to: NodeId,
        maxHops: z.number().int().min(1).max(8).default(4).describe('longest path considered (1-8)'),
        relKinds: z.array(RelKindName).min(1).optional(),
      })
      .refine((s) => s.from !== s.to, { message: 'from and to must differ', path: ['to'] }),
    z.object({
      kind: z.literal('query'),
      name: z.string().min(1).max(64).describe('a query of the library (built-in or saved)'),
      params: z.record(z.string(), z.unknown()).default({}).describe('its parameters, checked against its declaration'),
    }),
  ])
  .meta({
    id: 'ExportSelection',
    description: 'what to export: node ids, an ego network, the shortest paths between two nodes, or a query’s graph',
  });
export type Selection = z.infer<typeof Selection>;

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });

/**
 * A group (combo) of the canvas, exported as a group where the format has one: GEXF's hierarchy
 * (members carry `pid`), an ANX `Group` attribute on each member. Members not in the export (not
 * selected, or withheld for the recipient) are left out of it, and its label then recounts.
 */
export const ExportGroup = z
  .object({
    id: z.string().regex(/^group~[A-Za-z0-9_-]{1,64}$/, 'group~ and up to 64 letters, digits, _ or -'),
    label: z.string().max(200).describe('what it holds, e.g. "12 Facilitators"'),
    members: z.array(NodeId).min(1).max(1_000_000),
  })
  .meta({ id: 'ExportGroup' });
export type ExportGroup = z.infer<typeof ExportGroup>;

export const ExportRequest = z
  .object({
    format: ExportFormat,
    selection: Selection,
    recipientTlp: Tlp.optional().describe(
      'leave out everything marked above this level, and say how much was withheld',
    ),
    title: z.string().max(200).optional().describe('shown in the briefing and used (sanitised) for the file name'),
    positions: z
      .record(z.string(), Position)
      .optional()
      .describe('node positions to keep (e.g. the client’s layout); nodes without one are laid out by the server'),
    groups: z.array(ExportGroup).max(10_000).optional().describe('groups (combos) of the exported nodes'),
  })
  .meta({ id: 'ExportRequest' });
export type ExportRequest = z.infer<typeof ExportRequest>;
