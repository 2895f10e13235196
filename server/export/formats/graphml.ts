/**
 * GraphML for yEd, Gephi and Cytoscape. graphology-graphml (0.5) only parses, so the document is
 * built with xmlbuilder2, which escapes every value. Keys are typed from the domain schema
 * (INT64 → long, DOUBLE → double, BOOLEAN → boolean, the rest string); GraphML has no list type,
 * so lists (sourceIds, aliases) are JSON text. The manifest is a graph-level data key.
 *
 * The GraphML 1.0 XSD types node and edge ids as NMTOKEN, which scamnet ids are not always (`/`
 * in a name, `>` in a relationship id); the element ids are therefore the scamnet ids encoded as
 * XmlConvert.EncodeName does (`_xHHHH_` for each character outside letters, digits, `.`, `-`, `:`,
 * and for `_` itself, so the encoding reads back unambiguously), and the scamnet id itself travels
 * in the `scamnetId` data key — not `id`, which igraph and networkx already fill from the element
 * id. yEd's graphics extension (y:ShapeNode) carries the position, the kind's colour and the
 * label, which yEd shows and the other readers skip.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { propertyTypes } from '../../model/schema.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { withNotes } from '../notes.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';

type GraphmlType = 'string' | 'long' | 'double' | 'boolean';

function graphmlType(name: string, value: JsonValue): GraphmlType {
  switch (propertyTypes.get(name)) {
    case 'INT64':
      return 'long';
    case 'DOUBLE':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    case undefined:
      return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'double' : 'string';
    default:
      return 'string';
  }
}

export function graphmlText(value: JsonValue): string {
  if (Array.isArray(value) || (value && typeof value === 'object')) return JSON.stringify(value);
  return String(value);
}

/** Collects one key per (element, property), in first-seen order. */
function collectKeys(items: { attributes: Record<string, JsonValue> }[], prefix: string) {
  const keys = new Map<string, { id: string; type: GraphmlType }>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      // the id is the element's own (and scamnetId): an `id` key would clash with the readers' own
      if (value === null || name === 'id' || keys.has(name)) continue;
      keys.set(name, { id: `${prefix}${keys.size}`, type: graphmlType(name, value) });
    }
  }
  return keys;
}

function addData(parent: XMLBuilder, keys: Map<string, { id: string }>, attributes: Record<string, JsonValue>): void {
  for (const [name, value] of Object.entries(attributes)) {
    const key = keys.get(name);
    if (value === null || !key) continue;
    parent.ele('data', { key: key.id }).txt(graphmlText(value));
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A scamnet id as an XML NMTOKEN (see the header); reversible. */
export function graphmlId(id: string): string {
  return id.replace(
    /[^A-Za-z0-9.:-]/gu,
    (c) => `_x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

export function writeGraphml(ctx: ExportContext): ExportFile {
  // analysts' notes ride on the items as a `notes` text attribute (export/notes.ts)
  const noted = withNotes(ctx.graph, ctx.notes, 'text');
  const positions = ctx.positions();
  const degree = degrees(noted);
  const nodeKeys = collectKeys(noted.nodes, 'n');
  const edgeKeys = collectKeys(noted.edges, 'e');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:y': 'http://www.yworks.com/xml/graphml',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  root.com(
    ` ${ctx.manifest.tool.name} ${ctx.manifest.tool.version} export; highest marking TLP:${ctx.manifest.highestTlp} `,
  );
  root.ele('key', { id: 'manifest', for: 'graph', 'attr.name': 'manifest', 'attr.type': 'string' });
  root.ele('key', { id: 'title', for: 'graph', 'attr.name': 'title', 'attr.type': 'string' });
  // one key per element kind: igraph ignores for="all"
  root.ele('key', { id: 'scamnetId', for: 'node', 'attr.name': 'scamnetId', 'attr.type': 'string' });
  root.ele('key', { id: 'scamnetEdgeId', for: 'edge', 'attr.name': 'scamnetId', 'attr.type': 'string' });
  // attr.type too, without which igraph warns and skips the key; yEd goes by yfiles.type
  root.ele('key', {
    id: 'yfiles',
    for: 'node',
    'yfiles.type': 'nodegraphics',
    'attr.name': 'nodegraphics',
    'attr.type': 'string',
  });
  for (const [name, key] of nodeKeys)
    root.ele('key', { id: key.id, for: 'node', 'attr.name': name, 'attr.type': key.type });
  for (const [name, key] of edgeKeys)
    root.ele('key', { id: key.id, for: 'edge', 'attr.name': name, 'attr.type': key.type });
  const graph = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  graph.ele('data', { key: 'title' }).txt(ctx.manifest.title);
  graph.ele('data', { key: 'manifest' }).txt(JSON.stringify(ctx.manifest));
  for (const node of noted.nodes) {
    const element = graph.ele('node', { id: graphmlId(node.key) });
    element.ele('data', { key: 'scamnetId' }).txt(node.key);
    addData(element, nodeKeys, node.attributes);
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    const size = 2 * nodeSize(degree.get(node.key) ?? 0);
    // yEd's Geometry is the box's top-left corner, and its y axis points down (the layout's up)
    const shape = element.ele('data', { key: 'yfiles' }).ele('y:ShapeNode');
    shape.ele('y:Geometry', {
      x: String(round(at.x * 10 - size / 2)),
      y: String(round(-at.y * 10 - size / 2)),
      width: String(size),
      height: String(size),
    });
    shape.ele('y:Fill', { color: kindColour(String(node.attributes.kind)).toUpperCase(), transparent: 'false' });
    shape.ele('y:NodeLabel').txt(String(node.attributes.label ?? node.key));
    shape.ele('y:Shape', { type: 'ellipse' });
  }
  for (const edge of noted.edges) {
    const element = graph.ele('edge', {
      id: graphmlId(edge.key),
      source: graphmlId(edge.source),
      target: graphmlId(edge.target),
    });
    element.ele('data', { key: 'scamnetEdgeId' }).txt(edge.key);
    addData(element, edgeKeys, edge.attributes);
  }
  const xml = root.end({ prettyPrint: true });
  return { body: Buffer.from(xml), ...exportFileType('graphml') };
}
