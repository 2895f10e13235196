/**
 * JSON: graphology's serialised format (`graph.import(file)` or `Graph.from(file)` in any
 * graphology app, and this tool's own subgraph shape), with the manifest as a graph attribute.
 * Written as chunks, one node or edge a line, so large exports stream.
 *
 * So that a plain sigma.js app draws the file as it is, each node also carries sigma's drawing
 * attributes — `x`, `y` (the request's positions, else the server's layout), `size` and `color`
 * (the briefing's) — which this tool's import drops again. Sigma reads a node's `type` as the name
 * of its drawing program and throws on an unknown one, so the domain's `type` (Organisation.type:
 * police, ngo, financial…) is written as `organisationType` instead.
 */
import { RENAMED_FOR_DRAWING } from '../../model/drawing-names.ts';
import type { SerializedNode } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { withNotes } from '../notes.ts';
import type { Positions } from '../layout.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';

/** The domain property sigma would take for a program name, and the name it travels under. */
export const SIGMA_RESERVED = RENAMED_FOR_DRAWING;

function drawable(node: SerializedNode, positions: Positions, degree: Map<string, number>): SerializedNode {
  const { type, ...rest } = node.attributes;
  const at = positions.get(node.key) ?? { x: 0, y: 0 };
  return {
    key: node.key,
    attributes: {
      ...rest,
      ...(type !== undefined ? { [SIGMA_RESERVED.type]: type } : {}),
      x: at.x,
      y: at.y,
      size: nodeSize(degree.get(node.key) ?? 0),
      color: kindColour(node.attributes.kind),
    },
  };
}

function* chunks(ctx: ExportContext): Generator<string> {
  // analysts' notes ride on the items as a `notes` attribute (export/notes.ts)
  const graph = withNotes(ctx.graph, ctx.notes, 'list');
  const positions = ctx.positions();
  const degree = degrees(graph);
  const head = {
    attributes: { title: ctx.manifest.title, manifest: ctx.manifest },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "nodes": [`;
  for (const [i, node] of graph.nodes.entries())
    yield `${i ? ',' : ''}\n    ${JSON.stringify(drawable(node, positions, degree))}`;
  yield '\n  ],\n  "edges": [';
  for (const [i, edge] of graph.edges.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(edge)}`;
  yield '\n  ]\n}\n';
}

export function writeJson(ctx: ExportContext): ExportFile {
  return { body: chunks(ctx), ...exportFileType('json') };
}
