/**
 * GEXF 1.3 for Gephi and Gephi Lite, written by graphology-gexf: every property as a typed
 * attribute (lists as GEXF 1.3 list types), the kind's colour, a size from the degree and the
 * position. The manifest is the meta description (as JSON), the highest marking its keywords.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { ExportContext, ExportFile } from '../context.ts';
import { manifestSummary } from '../manifest.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';

export function writeGexf(ctx: ExportContext): ExportFile {
  const positions = ctx.positions();
  const degree = degrees(ctx.graph);
  const g = new MultiDirectedGraph();
  g.replaceAttributes({
    creator: `${ctx.manifest.tool.name} ${ctx.manifest.tool.version}`,
    description: `${manifestSummary(ctx.manifest)}\nmanifest: ${JSON.stringify(ctx.manifest)}`,
    keywords: `scamnet, TLP:${ctx.manifest.highestTlp}`,
    lastModifiedDate: ctx.manifest.exportedAt.slice(0, 10),
  });
  for (const node of ctx.graph.nodes) g.addNode(node.key, node.attributes);
  for (const edge of ctx.graph.edges) g.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  const xml = write(g, {
    version: '1.3',
    formatNode: (key, attributes) => {
      const { label, ...rest } = attributes;
      const at = positions.get(key) ?? { x: 0, y: 0 };
      return {
        label: String(label ?? key),
        attributes: rest,
        viz: { color: kindColour(String(attributes.kind)), size: nodeSize(degree.get(key) ?? 0), x: at.x, y: at.y },
      };
    },
    formatEdge: (_key, attributes) => ({ label: String(attributes.kind), attributes }),
  });
  return { body: Buffer.from(xml), contentType: 'application/gexf+xml; charset=utf-8', ext: 'gexf' };
}
