/**
 * JSON: graphology's serialised format (`graph.import(file)` or `Graph.from(file)` in any
 * graphology app, and this tool's own subgraph shape), with the manifest as a graph attribute.
 * Written as chunks, one node or edge a line, so large exports stream.
 */
import type { ExportContext, ExportFile } from '../context.ts';

function* chunks(ctx: ExportContext): Generator<string> {
  const head = {
    attributes: { title: ctx.manifest.title, manifest: ctx.manifest },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "nodes": [`;
  for (const [i, node] of ctx.graph.nodes.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(node)}`;
  yield '\n  ],\n  "edges": [';
  for (const [i, edge] of ctx.graph.edges.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(edge)}`;
  yield '\n  ]\n}\n';
}

export function writeJson(ctx: ExportContext): ExportFile {
  return { body: chunks(ctx), contentType: 'application/json; charset=utf-8', ext: 'json' };
}
