/**
 * JSON input, in three shapes:
 * - graphology's serialised format, which is also this tool's own export (`POST /api/export`
 *   with format json) and what the API's subgraphs look like: `{nodes: [{key, attributes}],
 *   edges: [{key, source, target, attributes}]}` with `attributes.kind`;
 * - a batch, as `npm run seed -- --out` writes: `{nodes: [{kind, id, …}], relationships: [{kind,
 *   id, from, to, …}]}`;
 * - NDJSON (`.ndjson`/`.jsonl`): one record a line, in either of the shapes above.
 * Drawing attributes (label, x, y, size, color…) are not properties and are dropped.
 */
import { domainName } from '../model/drawing-names.ts';
import type { ImportIssue, Origin, RawRecord } from './types.ts';

const DRAWING = new Set([
  'label',
  'x',
  'y',
  'size',
  'color',
  'hidden',
  'highlighted',
  'forceLabel',
  'type',
  'zIndex',
  'image',
  'pictogram',
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function withoutNulls(values: Json): Json {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/** One element of either shape to a raw record; `entity` says which list it came from. */
function recordOf(item: unknown, origin: Origin, entity: 'node' | 'rel' | 'any'): RawRecord | ImportIssue {
  if (!isObject(item)) return { ...origin, reason: 'a record must be a JSON object' };
  if ('key' in item || 'attributes' in item) {
    const attributes = isObject(item.attributes) ? item.attributes : {};
    const { kind, ...rest } = attributes;
    // drawing attributes are dropped, and a domain property renamed for drawing gets its name back
    const props = Object.fromEntries(
      Object.entries(rest)
        .filter(([k]) => !DRAWING.has(k))
        .map(([k, v]) => [domainName(k), v]),
    );
    const values: Json = { ...props, id: item.key };
    const isEdge = entity === 'rel' || (entity === 'any' && ('source' in item || 'target' in item));
    if (isEdge) Object.assign(values, { from: item.source, to: item.target });
    return { origin, kind: typeof kind === 'string' ? kind : undefined, values: withoutNulls(values) };
  }
  const { kind, ...values } = item;
  return { origin, kind: typeof kind === 'string' ? kind : undefined, values: withoutNulls(values) };
}

/** Line of each top-level element of an array: JSON.parse gives no positions, so they are found by scanning. */
export function elementLines(text: string, arrayKey: string): number[] {
  const lines: number[] = [];
  const start = text.search(new RegExp(`"${arrayKey}"\\s*:\\s*\\[`));
  if (start < 0) return lines;
  let line = 1;
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 10) line++;
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('[', start) + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) lines.push(line);
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) break;
      depth--;
    }
  }
  return lines;
}

/** A node-link edge (`{source, target, key?, …}`) as a plain relationship record (`{from, to, id, …}`). */
function asNodeLinkEdge(item: unknown): unknown {
  if (!isObject(item) || 'attributes' in item || 'from' in item) return item;
  const { source, target, key, ...rest } = item;
  return { ...rest, ...(rest.id === undefined && key !== undefined ? { id: key } : {}), from: source, to: target };
}

export function readJson(name: string, text: string): { records: RawRecord[]; issues: ImportIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { records: [], issues: [{ file: name, line: 0, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!isObject(doc) || !Array.isArray(doc.nodes)) {
    return {
      records: [],
      issues: [
        {
          file: name,
          line: 0,
          reason: 'expected {nodes: […], edges: […]} (graphology) or {nodes: […], relationships: […]}',
        },
      ],
    };
  }
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  const lists: [string, unknown, 'node' | 'rel'][] = [
    ['nodes', doc.nodes, 'node'],
    ['edges', doc.edges, 'rel'],
    ['relationships', doc.relationships, 'rel'],
    // networkx's node-link format (`nx.node_link_data`): links with `source` and `target`
    ['links', Array.isArray(doc.links) ? doc.links.map(asNodeLinkEdge) : doc.links, 'rel'],
  ];
  // A list under any other name would be dropped without a word: say so instead.
  for (const [key, value] of Object.entries(doc)) {
    if (Array.isArray(value) && !lists.some(([known]) => known === key)) {
      issues.push({
        file: name,
        line: 0,
        column: key,
        reason: `a list named "${key}" is not read: put nodes in "nodes" and relationships in "edges", "relationships" or "links"`,
      });
    }
  }
  for (const [key, list, entity] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ file: name, line: 0, column: key, reason: `${key} must be an array` });
      continue;
    }
    const lines = elementLines(text, key);
    list.forEach((item, i) => {
      const out = recordOf(item, { file: name, line: lines[i] ?? 0 }, entity);
      if ('reason' in out) issues.push(out);
      else records.push(out);
    });
  }
  return { records, issues };
}

export function readNdjson(name: string, text: string): { records: RawRecord[]; issues: ImportIssue[] } {
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  text.split('\n').forEach((raw, i) => {
    const lineText = raw.trim();
    if (!lineText) return;
    const origin = { file: name, line: i + 1 };
    let item: unknown;
    try {
      item = JSON.parse(lineText);
    } catch (error) {
      issues.push({ ...origin, reason: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const out = recordOf(item, origin, 'any');
    if ('reason' in out) issues.push(out);
    else records.push(out);
  });
  return { records, issues };
}
