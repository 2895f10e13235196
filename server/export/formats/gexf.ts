/**
 * GEXF for Gephi, Gephi Lite and networkx, written as text by xml-text.ts (which escapes every
 * value; a DOM built with xmlbuilder2 was the export's slowest step).
 *
 * Written by hand rather than by graphology-gexf because readers other than graphology's refused
 * or misread its output (issue 15): networkx reads only GEXF 1.1draft and 1.2draft, and no reader
 * but GEXF 1.3 ones takes `viz:color hex`; graphology-gexf declares each column's type from the
 * values in hand (lat `integer` in one export, `double` in another; a 64-bit count `integer`,
 * which is 32-bit in Gephi), and writes list items bare, so `Smith, John` reads back as two.
 * So: GEXF 1.2draft, which every one of those reads; the columns and their types come from the
 * domain schema (INT64 → long, DOUBLE → double, BOOLEAN → boolean, lists → liststring, the rest
 * string), the same in every export; colours as viz:color r/g/b; list values as a bracketed list
 * of JSON-quoted items (`["Smith, John", "GW"]`), which graphology-gexf and Gephi split on the
 * quotes and networkx hands over as that text. The manifest is the meta description.
 * Groups (combos) use the hierarchy GEXF has had since 1.1: a node for the group (no attributes:
 * it is no entity) and a `pid` on each member naming it, which networkx reads as the node's `pid`
 * and Gephi as its parent.
 */
import { nodeProperties, propertyTypes, relProperties } from '../../model/schema.ts';
import type { StorageType } from '../../model/storage-types.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { withNotes, xmlAttributeBreaks } from '../notes.ts';
import { manifestSummary } from '../manifest.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';
import { groupByMember } from '../groups.ts';
import { XmlText } from './xml-text.ts';

type GexfType = 'string' | 'long' | 'double' | 'boolean' | 'liststring';

const GEXF_TYPE: Record<StorageType, GexfType> = {
  STRING: 'string',
  DATE: 'string',
  INT64: 'long',
  DOUBLE: 'double',
  BOOLEAN: 'boolean',
  'STRING[]': 'liststring',
};

/** `kind`, then every schema property, first-seen order (`id` too: graphology reads it back as an attribute). */
function schemaColumns(defs: ReadonlyMap<string, { name: string }[]>): Map<string, GexfType> {
  const columns = new Map<string, GexfType>([['kind', 'string']]);
  for (const props of defs.values()) {
    for (const p of props) {
      const type = propertyTypes.get(p.name);
      if (!columns.has(p.name)) columns.set(p.name, type ? GEXF_TYPE[type] : 'string');
    }
  }
  return columns;
}

export const NODE_COLUMNS = schemaColumns(nodeProperties);
export const EDGE_COLUMNS = schemaColumns(relProperties);

/** Properties outside the schema (none today) still travel, typed from their value. */
function withExtras(
  base: Map<string, GexfType>,
  items: { attributes: Record<string, JsonValue> }[],
  skip: Set<string>,
): Map<string, GexfType> {
  const columns = new Map(base);
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      if (columns.has(name) || skip.has(name) || value === null) continue;
      columns.set(
        name,
        Array.isArray(value)
          ? 'liststring'
          : typeof value === 'boolean'
            ? 'boolean'
            : typeof value === 'number'
              ? 'double'
              : 'string',
      );
    }
  }
  return columns;
}

export function gexfValue(type: GexfType, value: JsonValue): string {
  if (type === 'liststring') {
    const items = Array.isArray(value) ? value : [value];
    return `[${items.map((v) => JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]`;
  }
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function declare(xml: XmlText, cls: 'node' | 'edge', columns: Map<string, GexfType>): void {
  xml.start('attributes', { class: cls, mode: 'static' });
  for (const [name, type] of columns) xml.leaf('attribute', { id: name, title: name, type });
  xml.close();
}

function addValues(xml: XmlText, columns: Map<string, GexfType>, attributes: Record<string, JsonValue>): void {
  xml.start('attvalues');
  for (const [name, type] of columns) {
    const value = attributes[name];
    if (value === undefined || value === null) continue;
    xml.leaf('attvalue', { for: name, value: gexfValue(type, value) });
  }
  xml.close();
}

/** viz:color's attributes for a `#rrggbb` colour, computed once per colour. */
const rgbCache = new Map<string, { r: string; g: string; b: string }>();
function rgb(hex: string): { r: string; g: string; b: string } {
  let colour = rgbCache.get(hex);
  if (!colour) {
    const [r = '0', g = '0', b = '0'] = [1, 3, 5].map((i) => String(parseInt(hex.slice(i, i + 2), 16)));
    colour = { r, g, b };
    rgbCache.set(hex, colour);
  }
  return colour;
}

const GROUP_COLOUR = '#374151';

function centreOf(points: { x: number; y: number }[]): { x: number; y: number } {
  const n = Math.max(points.length, 1);
  const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
  return { x: Math.round((sum.x / n) * 100) / 100, y: Math.round((sum.y / n) * 100) / 100 };
}

export function writeGexf(ctx: ExportContext): ExportFile {
  // analysts' notes ride on the items as a `notes` text attribute (export/notes.ts)
  const noted = withNotes(ctx.graph, ctx.notes, 'attribute text');
  const positions = ctx.positions();
  const degree = degrees(noted);
  const { manifest } = ctx;
  // the label is the node's own label attribute
  const nodeColumns = withExtras(NODE_COLUMNS, noted.nodes, new Set(['label']));
  const edgeColumns = withExtras(EDGE_COLUMNS, noted.edges, new Set());
  const xml = new XmlText().start('gexf', {
    xmlns: 'http://www.gexf.net/1.2draft',
    'xmlns:viz': 'http://www.gexf.net/1.2draft/viz',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd',
    version: '1.2',
  });
  xml
    .start('meta', { lastmodifieddate: manifest.exportedAt.slice(0, 10) })
    .text('creator', `${manifest.tool.name} ${manifest.tool.version}`)
    .text('keywords', `scamnet, TLP:${manifest.highestTlp}`)
    .text('description', `${manifestSummary(manifest)}\nmanifest: ${JSON.stringify(manifest)}`)
    .close();
  xml.start('graph', { defaultedgetype: 'directed', mode: 'static' });
  declare(xml, 'node', nodeColumns);
  declare(xml, 'edge', edgeColumns);
  xml.start('nodes');
  // groups (combos) as GEXF's hierarchy: a node for the group, each member naming it as its pid
  const groups = ctx.groups ?? [];
  const parentOf = groupByMember(groups);
  for (const group of groups) {
    const at = centreOf(group.members.map((m) => positions.get(m) ?? { x: 0, y: 0 }));
    xml
      .start('node', { id: group.id, label: group.label })
      .leaf('viz:color', rgb(GROUP_COLOUR))
      .leaf('viz:position', { x: String(at.x), y: String(at.y), z: '0' })
      .leaf('viz:size', { value: String(nodeSize(group.members.length)) })
      .close();
  }
  for (const node of noted.nodes) {
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    xml.start('node', {
      id: node.key,
      label: String(node.attributes.label ?? node.key),
      pid: parentOf.get(node.key)?.id,
    });
    addValues(xml, nodeColumns, node.attributes);
    xml
      .leaf('viz:color', rgb(kindColour(String(node.attributes.kind))))
      .leaf('viz:position', { x: String(at.x), y: String(at.y), z: '0' })
      .leaf('viz:size', { value: String(nodeSize(degree.get(node.key) ?? 0)) })
      .close();
  }
  xml.close().start('edges');
  for (const edge of noted.edges) {
    xml.start('edge', {
      id: edge.key,
      source: edge.source,
      target: edge.target,
      label: String(edge.attributes.kind),
    });
    addValues(xml, edgeColumns, edge.attributes);
    xml.close();
  }
  return {
    body: Buffer.from(xmlAttributeBreaks(xml.end())),
    ...exportFileType('gexf'),
  };
}
