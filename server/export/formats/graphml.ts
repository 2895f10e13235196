/**
 * GraphML for yEd, Gephi and Cytoscape. graphology-graphml (0.5) only parses, so the document is
 * built with xmlbuilder2, which escapes every value. Keys are typed from the domain schema
 * (INT64 → long, DOUBLE → double, BOOLEAN → boolean, the rest string); GraphML has no list type,
 * so lists (sourceIds, aliases) are JSON text. The manifest is a graph-level data key.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { propertyTypes } from '../../model/schema.ts';
import type { JsonValue } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';

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
      if (value === null || keys.has(name)) continue;
      keys.set(name, { id: `${prefix}${keys.size}`, type: graphmlType(name, value) });
    }
  }
  return keys;
}

function addData(parent: XMLBuilder, keys: Map<string, { id: string }>, attributes: Record<string, JsonValue>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) continue;
    parent.ele('data', { key: keys.get(name)!.id }).txt(graphmlText(value));
  }
}

export function writeGraphml(ctx: ExportContext): ExportFile {
  const nodeKeys = collectKeys(ctx.graph.nodes, 'n');
  const edgeKeys = collectKeys(ctx.graph.edges, 'e');
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  root.com(` ${ctx.manifest.tool.name} ${ctx.manifest.tool.version} export; highest marking TLP:${ctx.manifest.highestTlp} `);
  root.ele('key', { id: 'manifest', for: 'graph', 'attr.name': 'manifest', 'attr.type': 'string' });
  root.ele('key', { id: 'title', for: 'graph', 'attr.name': 'title', 'attr.type': 'string' });
  for (const [name, key] of nodeKeys) root.ele('key', { id: key.id, for: 'node', 'attr.name': name, 'attr.type': key.type });
  for (const [name, key] of edgeKeys) root.ele('key', { id: key.id, for: 'edge', 'attr.name': name, 'attr.type': key.type });
  const graph = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  graph.ele('data', { key: 'title' }).txt(ctx.manifest.title);
  graph.ele('data', { key: 'manifest' }).txt(JSON.stringify(ctx.manifest));
  for (const node of ctx.graph.nodes) addData(graph.ele('node', { id: node.key }), nodeKeys, node.attributes);
  for (const edge of ctx.graph.edges) {
    addData(graph.ele('edge', { id: edge.key, source: edge.source, target: edge.target }), edgeKeys, edge.attributes);
  }
  const xml = root.end({ prettyPrint: true });
  return { body: Buffer.from(xml), contentType: 'application/graphml+xml; charset=utf-8', ext: 'graphml' };
}
