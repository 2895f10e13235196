/**
 * JSON: graphology's serialised format (`graph.import(file)` or `Graph.from(file)` in any
 * graphology app, and this tool's own subgraph shape), with the manifest as a graph attribute.
 */
import type { ExportContext, ExportFile } from '../context.ts';

export function writeJson(ctx: ExportContext): ExportFile {
  const document = {
    attributes: { title: ctx.manifest.title, manifest: ctx.manifest },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: ctx.graph.nodes,
    edges: ctx.graph.edges,
  };
  return { body: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), contentType: 'application/json; charset=utf-8', ext: 'json' };
}
