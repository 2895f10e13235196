/**
 * GraphML and GEXF input: what Gephi, yEd, Cytoscape and networkx write, and this tool's own
 * GraphML and GEXF exports. Parsed with saxes (a streaming, non-validating parser that fetches
 * nothing and expands no entity a document defines; a DOCTYPE is refused outright, so no entity
 * trick gets through).
 *
 * Mapping, as for CSV: the kind is the attribute named `kind` (a GraphML key or GEXF attribute
 * whose name is `kind`; for a GEXF edge, its `label` when that names a relationship kind, as this
 * tool's export writes); every other attribute is a property by its name, typed by the file's own
 * declaration (GraphML attr.type, GEXF type) and then checked against the schema like any import.
 * - Ids: the `scamnetId` attribute when present (this tool's exports, whose element ids are
 *   encoded for XML), else for an edge networkx's `networkx_key`, else the element id. A relationship without an id gets the one scamnet
 *   would give it (`KIND:from->to`).
 * - `name`: the attribute, else the node's label (GEXF `label`, a GraphML `label` key) when it is
 *   not just the id.
 * - Lists: JSON (`["a", "b"]`, this tool's and Gephi's liststring), else `a; b`.
 * - Drawing (GEXF viz:*, yEd graphics, x, y, size, color) is not data and is dropped.
 */
import { SaxesParser } from 'saxes';
import { AppError } from '../errors.ts';
import { relId } from '../model/relationships.ts';
import { propertyTypes, relKindDef, type RelKind } from '../model/schema.ts';
import type { ImportIssue, RawRecord } from './types.ts';
import { readListText } from './xlsx-reader.ts';

type RawRead = { records: RawRecord[]; issues: ImportIssue[] };

/** Drawing attributes, not properties. */
const DRAWING = new Set([
  'label',
  'x',
  'y',
  'z',
  'size',
  'color',
  'r',
  'g',
  'b',
  'nodegraphics',
  'edgegraphics',
  'shape',
  'width',
  'height',
]);

interface Element {
  tag: 'node' | 'edge';
  line: number;
  id: string | undefined;
  source?: string;
  target?: string;
  label?: string;
  values: Record<string, string>;
}

/** Reads a declared value as its declared type; the schema check comes later. */
function typed(text: string, type: string | undefined, name: string): unknown {
  const t = (type ?? 'string').toLowerCase();
  if (propertyTypes.get(name) === 'STRING[]' || t === 'liststring') return readListText(text);
  if (['int', 'integer', 'long', 'float', 'double'].includes(t)) {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (t === 'boolean') return text.trim() === 'true' ? true : text.trim() === 'false' ? false : text;
  return text;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs saxes over the text; `onOpen`/`onClose`/`onText` see local names. An XML error is one issue at its line. */
function parse(
  name: string,
  text: string,
  handlers: {
    open(tag: string, attrs: Record<string, string>, line: number): void;
    close(tag: string): void;
    text(t: string): void;
  },
): ImportIssue | undefined {
  const parser = new SaxesParser({ position: true });
  let failure: ImportIssue | undefined;
  parser.on('error', (error) => {
    failure ??= { file: name, line: parser.line, reason: `not well-formed XML: ${error.message}` };
  });
  parser.on('doctype', () => {
    failure ??= {
      file: name,
      line: parser.line,
      reason: 'a DOCTYPE is refused: GraphML and GEXF need none, and entities defined there are a known attack',
    };
  });
  parser.on('opentag', (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>, parser.line));
  parser.on('closetag', (tag) => handlers.close(local(tag.name)));
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= { file: name, line: parser.line, reason: `not well-formed XML: ${(error as Error).message}` };
  }
  return failure;
}

/** Elements to records: ids, kinds, names, relationship ends. */
function toRecords(
  name: string,
  elements: Element[],
  types: (tag: 'node' | 'edge', attr: string) => string | undefined,
): RawRead {
  const issues: ImportIssue[] = [];
  const records: RawRecord[] = [];
  const scamnetIdOf = new Map<string, string>();
  for (const e of elements)
    if (e.tag === 'node' && e.id !== undefined) scamnetIdOf.set(e.id, e.values.scamnetId ?? e.id);
  for (const e of elements) {
    const origin = { file: name, line: e.line };
    // networkx_key: the multigraph edge key networkx's GEXF writer keeps (its edge element ids are a counter)
    const { kind: kindText, scamnetId, id: _id, networkx_key: networkxKey, ...rest } = e.values;
    let kind = kindText?.trim();
    if (!kind && e.tag === 'edge' && e.label && relKindDef(e.label)) kind = e.label;
    const values: Record<string, unknown> = {};
    for (const [attr, text] of Object.entries(rest)) {
      if (DRAWING.has(attr) || text === '') continue;
      values[attr] = typed(text, types(e.tag, attr), attr);
    }
    if (e.tag === 'node') {
      const id = scamnetId ?? e.id;
      if (!id) {
        issues.push({ ...origin, column: 'id', reason: 'a node without an id' });
        continue;
      }
      values.id = id;
      const label = e.label ?? e.values.label;
      if (values.name === undefined && label && label !== id && label !== e.id) values.name = label;
    } else {
      const from = e.source !== undefined ? (scamnetIdOf.get(e.source) ?? e.source) : undefined;
      const to = e.target !== undefined ? (scamnetIdOf.get(e.target) ?? e.target) : undefined;
      if (!from || !to) {
        issues.push({ ...origin, column: !from ? 'source' : 'target', reason: 'an edge needs a source and a target' });
        continue;
      }
      Object.assign(values, { from, to });
      const id = scamnetId ?? networkxKey ?? e.id;
      if (id) values.id = id;
      else if (kind && relKindDef(kind)) values.id = relId(kind as RelKind, from, to);
    }
    records.push({ origin, kind, values });
  }
  return { records, issues };
}

export function readGraphml(name: string, text: string): RawRead {
  // key id → { name, type, for, default }
  const keys = new Map<
    string,
    { name: string; type: string | undefined; for: string; def?: string; drawing: boolean }
  >();
  const elements: Element[] = [];
  let current: Element | undefined;
  let dataKey: string | undefined;
  let dataDepth = 0;
  let defaultKey: string | undefined;
  let buffer = '';
  let sawRoot = false;
  const failure = parse(name, text, {
    open(tag, attrs, line) {
      if (dataDepth > 0) {
        dataDepth++; // yEd graphics and other markup inside <data>: not a value
        return;
      }
      if (tag === 'graphml') sawRoot = true;
      // yEd's graphics keys (yfiles.type) hold drawing, not data
      else if (tag === 'key')
        keys.set(attrs.id ?? '', {
          name: attrs['attr.name'] ?? attrs.id ?? '',
          type: attrs['attr.type'],
          for: attrs.for ?? 'all',
          drawing: 'yfiles.type' in attrs,
        });
      else if (tag === 'default') {
        defaultKey = [...keys.keys()].pop();
        buffer = '';
      } else if (tag === 'node' || tag === 'edge') {
        current = { tag, line, id: attrs.id, source: attrs.source, target: attrs.target, values: {} };
        elements.push(current);
      } else if (tag === 'data' && current) {
        dataKey = attrs.key;
        dataDepth = 1;
        buffer = '';
      }
    },
    close(tag) {
      if (dataDepth > 1) {
        dataDepth--;
        return;
      }
      if (tag === 'data' && dataDepth === 1) {
        dataDepth = 0;
        const key = dataKey !== undefined ? keys.get(dataKey) : undefined;
        if (current && key && !key.drawing) current.values[key.name] = buffer;
        dataKey = undefined;
      } else if (tag === 'default' && defaultKey !== undefined) {
        // defaultKey was read from the map's own keys, and keys are never removed
        const key = keys.get(defaultKey);
        if (!key) throw new AppError('internal', `GraphML <default> lost its key ${defaultKey}`);
        key.def = buffer;
        defaultKey = undefined;
      } else if (tag === 'node' || tag === 'edge') current = undefined;
    },
    text(t) {
      if (dataDepth === 1 || defaultKey !== undefined) buffer += t;
    },
  });
  if (failure) return { records: [], issues: [failure] };
  if (!sawRoot)
    return { records: [], issues: [{ file: name, line: 0, reason: 'not GraphML: no <graphml> root element' }] };
  // key defaults fill what an element leaves out
  for (const e of elements) {
    for (const key of keys.values()) {
      if (key.def !== undefined && (key.for === e.tag || key.for === 'all') && e.values[key.name] === undefined)
        e.values[key.name] = key.def;
    }
  }
  const typeOf = new Map<string, string | undefined>();
  for (const key of keys.values())
    for (const tag of key.for === 'all' ? ['node', 'edge'] : [key.for]) typeOf.set(`${tag}|${key.name}`, key.type);
  return toRecords(name, elements, (tag, attr) => typeOf.get(`${tag}|${attr}`));
}

export function readGexf(name: string, text: string): RawRead {
  // (class, attribute id) → { title, type }
  const attributes = new Map<string, { title: string; type: string | undefined }>();
  const defaults = new Map<string, { cls: string; title: string; value: string }>();
  const elements: Element[] = [];
  let cls = 'node';
  let current: Element | undefined;
  let sawRoot = false;
  let defaultFor: { cls: string; id: string } | undefined;
  let buffer = '';
  const failure = parse(name, text, {
    open(tag, attrs, line) {
      if (tag === 'gexf') sawRoot = true;
      else if (tag === 'attributes') cls = attrs.class === 'edge' ? 'edge' : 'node';
      else if (tag === 'attribute')
        attributes.set(`${cls}|${attrs.id}`, { title: attrs.title ?? attrs.id ?? '', type: attrs.type });
      else if (tag === 'default' && !current) {
        const last = [...attributes.keys()].pop();
        // every attribute key is `${cls}|${id}`, so the first bar ends the class
        if (last) defaultFor = { cls: last.slice(0, last.indexOf('|')), id: last.slice(last.indexOf('|') + 1) };
        buffer = '';
      } else if (tag === 'node' || tag === 'edge') {
        // a nested <node> (GEXF hierarchy) would be a record of its own; a viz element is not a node
        current = {
          tag,
          line,
          id: attrs.id,
          source: attrs.source,
          target: attrs.target,
          label: attrs.label,
          values: {},
        };
        elements.push(current);
      } else if (tag === 'attvalue' && current) {
        const key = attrs.for ?? attrs.id ?? '';
        const declared = attributes.get(`${current.tag}|${key}`);
        current.values[declared?.title ?? key] = attrs.value ?? '';
      }
    },
    close(tag) {
      if (tag === 'default' && defaultFor) {
        // defaultFor was read from the map's own keys, and attributes are never removed
        const declared = attributes.get(`${defaultFor.cls}|${defaultFor.id}`);
        if (!declared) throw new AppError('internal', `GEXF <default> lost its attribute ${defaultFor.id}`);
        defaults.set(`${defaultFor.cls}|${defaultFor.id}`, {
          cls: defaultFor.cls,
          title: declared.title,
          value: buffer,
        });
        defaultFor = undefined;
      } else if (tag === 'node' || tag === 'edge') current = undefined;
    },
    text(t) {
      if (defaultFor) buffer += t;
    },
  });
  if (failure) return { records: [], issues: [failure] };
  if (!sawRoot) return { records: [], issues: [{ file: name, line: 0, reason: 'not GEXF: no <gexf> root element' }] };
  for (const e of elements)
    for (const d of defaults.values())
      if (d.cls === e.tag && e.values[d.title] === undefined) e.values[d.title] = d.value;
  const typeOf = new Map<string, string | undefined>();
  for (const [key, a] of attributes) typeOf.set(`${key.split('|')[0]}|${a.title}`, a.type);
  return toRecords(name, elements, (tag, attr) => typeOf.get(`${tag}|${attr}`));
}
