/**
 * GEXF for Gephi, Gephi Lite and networkx, built with xmlbuilder2 (which escapes every value).
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
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { nodeProperties, propertyTypes, relProperties } from '../../model/schema.ts';
import type { StorageType } from '../../model/storage-types.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { withNotes, xmlAttributeBreaks } from '../notes.ts';
import { manifestSummary } from '../manifest.ts';
import { degrees, kindColour, nodeSize } from '../style.ts';
import { exportFileType } from '../../model/export-formats.ts';

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

function declare(graph: XMLBuilder, cls: 'node' | 'edge', columns: Map<string, GexfType>): void {
  const list = graph.ele('attributes', { class: cls, mode: 'static' });
  for (const [name, type] of columns) list.ele('attribute', { id: name, title: name, type });
}

function addValues(element: XMLBuilder, columns: Map<string, GexfType>, attributes: Record<string, JsonValue>): void {
  const values = element.ele('attvalues');
  for (const [name, type] of columns) {
    const value = attributes[name];
    if (value === undefined || value === null) continue;
    values.ele('attvalue', { for: name, value: gexfValue(type, value) });
  }
}

function rgb(hex: string): { r: string; g: string; b: string } {
  const [r = '0', g = '0', b = '0'] = [1, 3, 5].map((i) => String(parseInt(hex.slice(i, i + 2), 16)));
  return { r, g, b };
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
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('gexf', {
    xmlns: 'http://www.gexf.net/1.2draft',
    'xmlns:viz': 'http://www.gexf.net/1.2draft/viz',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd',
    version: '1.2',
  });
  const meta = root.ele('meta', { lastmodifieddate: manifest.exportedAt.slice(0, 10) });
  meta.ele('creator').txt(`${manifest.tool.name} ${manifest.tool.version}`);
  meta.ele('keywords').txt(`scamnet, TLP:${manifest.highestTlp}`);
  meta.ele('description').txt(`${manifestSummary(manifest)}\nmanifest: ${JSON.stringify(manifest)}`);
  const graph = root.ele('graph', { defaultedgetype: 'directed', mode: 'static' });
  declare(graph, 'node', nodeColumns);
  declare(graph, 'edge', edgeColumns);
  const nodes = graph.ele('nodes');
  for (const node of noted.nodes) {
    const at = positions.get(node.key) ?? { x: 0, y: 0 };
    const element = nodes.ele('node', { id: node.key, label: String(node.attributes.label ?? node.key) });
    addValues(element, nodeColumns, node.attributes);
    element.ele('viz:color', rgb(kindColour(String(node.attributes.kind))));
    element.ele('viz:position', { x: String(at.x), y: String(at.y), z: '0' });
    element.ele('viz:size', { value: String(nodeSize(degree.get(node.key) ?? 0)) });
  }
  const edges = graph.ele('edges');
  for (const edge of noted.edges) {
    const element = edges.ele('edge', {
      id: edge.key,
      source: edge.source,
      target: edge.target,
      label: String(edge.attributes.kind),
    });
    addValues(element, edgeColumns, edge.attributes);
  }
  return {
    body: Buffer.from(xmlAttributeBreaks(root.end({ prettyPrint: true }))),
    ...exportFileType('gexf'),
  };
}
