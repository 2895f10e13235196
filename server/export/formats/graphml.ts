/**
 * GraphML for yEd, Gephi and Cytoscape. graphology-graphml (0.5) only parses, so the document is
 * written as text (xml-text.ts, which escapes every `&`: xmlbuilder2, used before, left `&amp; Co`
 * and `R&D;` as they were, so readers got `& Co` back or refused the file). Keys are typed from the domain schema
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
import { propertyTypes } from '../../model/schema.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { withNotes } from '../notes.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';
import { XmlText } from './xml-text.ts';

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

function addData(xml: XmlText, keys: Map<string, { id: string }>, attributes: Record<string, JsonValue>): void {
  for (const [name, value] of Object.entries(attributes)) {
    const key = keys.get(name);
    if (value === null || !key) continue;
    xml.text('data', graphmlText(value), { key: key.id });
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
  const xml = new XmlText().start('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:y': 'http://www.yworks.com/xml/graphml',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  xml.comment(
    ` ${ctx.manifest.tool.name} ${ctx.manifest.tool.version} export; highest marking TLP:${ctx.manifest.highestTlp} `,
  );
  xml.leaf('key', { id: 'manifest', for: 'graph', 'attr.name': 'manifest', 'attr.type': 'string' });
  xml.leaf('key', { id: 'title', for: 'graph', 'attr.name': 'title', 'attr.type': 'string' });
  // one key per element kind: igraph ignores for="all"
  xml.leaf('key', { id: 'scamnetId', for: 'node', 'attr.name': 'scamnetId', 'attr.type': 'string' });
  xml.leaf('key', { id: 'scamnetEdgeId', for: 'edge', 'attr.name': 'scamnetId', 'attr.type': 'string' });
  // attr.type too, without which igraph warns and skips the key; yEd goes by yfiles.type
  xml.leaf('key', {
    id: 'yfiles',
    for: 'node',
    'yfiles.type': 'nodegraphics',
    'attr.name': 'nodegraphics',
    'attr.type': 'string',
  });
  for (const [name, key] of nodeKeys)
    xml.leaf('key', { id: key.id, for: 'node', 'attr.name': name, 'attr.type': key.type });
  for (const [name, key] of edgeKeys)
    xml.leaf('key', { id: key.id, for: 'edge', 'attr.name': name, 'attr.type': key.type });
  xml.start('graph', { id: 'G', edgedefault: 'directed' });
  xml.text('data', ctx.manifest.title, { key: 'title' });
  xml.text('data', JSON.stringify(ctx.manifest), { key: 'manifest' });
  for (const node of noted.nodes) {
    xml.start('node', { id: graphmlId(node.key) });
    xml.text('data', node.key, { key: 'scamnetId' });
    addData(xml, nodeKeys, node.attributes);
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    const size = 2 * nodeSize(degree.get(node.key) ?? 0);
    // yEd's Geometry is the box's top-left corner, and its y axis points down (the layout's up)
    xml.start('data', { key: 'yfiles' }).start('y:ShapeNode');
    xml.leaf('y:Geometry', {
      x: String(round(at.x * 10 - size / 2)),
      y: String(round(-at.y * 10 - size / 2)),
      width: String(size),
      height: String(size),
    });
    xml.leaf('y:Fill', { color: kindColour(String(node.attributes.kind)).toUpperCase(), transparent: 'false' });
    xml.text('y:NodeLabel', String(node.attributes.label ?? node.key));
    xml.leaf('y:Shape', { type: 'ellipse' });
    xml.close().close().close();
  }
  for (const edge of noted.edges) {
    xml.start('edge', {
      id: graphmlId(edge.key),
      source: graphmlId(edge.source),
      target: graphmlId(edge.target),
    });
    xml.text('data', edge.key, { key: 'scamnetEdgeId' });
    addData(xml, edgeKeys, edge.attributes);
    xml.close();
  }
  return { body: Buffer.from(xml.end()), ...exportFileType('graphml') };
}
