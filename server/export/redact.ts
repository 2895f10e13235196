/**
 * Markings are law: nothing marked above the recipient's TLP reaches them — not the item, not its
 * id, not its name. Filtering the subgraph (tlp-filter.ts) removes the items; this removes the
 * traces they would leave elsewhere in the file:
 * - the manifest's selection: the ids list keeps only exported nodes; an ego centre or a path end
 *   that is withheld reads `withheld`; a query parameter (or a string literal in the query text)
 *   naming a withheld node, by id or by name, reads `withheld`;
 * - `sourceIds` citing a Source (or any node) the recipient may not see: such citations become a
 *   single `withheld` entry, so a fact still visibly cites something (and re-imports, since a
 *   non-synthetic fact must cite a source) without naming what.
 * The selection's parameters that name nothing withheld (depth, relKinds, other values) and the
 * withheld counts stay, so the recipient knows the export is partial and how it was made.
 */
import { NODE_KINDS, nodeKindOfId } from '../model/schema.ts';
import { tlpRank, type Tlp } from '../model/provenance.ts';
import type { GraphStore, JsonValue, Params, SerializedGraph, SerializedNode } from '../store/types.ts';
import { groupIdsByKind } from '../graph/graph-merge.ts';
import { seen, visibleParam } from '../graph/visibility.ts';
import { cleanGraph } from './clean-text.ts';
import type { SelectionRecord } from './selection.ts';
import { markingOf } from './tlp-filter.ts';

/** What the manifest says in place of anything that would name a withheld item. */
export const WITHHELD = 'withheld';

/**
 * Reads nodes by id through each kind's index, at the exporter's clearance; ids that name no node
 * (or one the exporter may not see) are simply not returned. The lookups are the exporter's own: a
 * string the exporter typed that names a node above their clearance stays as typed, so the file
 * does not tell them such a node exists.
 */
async function nodesById(store: GraphStore, ids: Iterable<string>, clearance: Tlp): Promise<SerializedNode[]> {
  const found: SerializedNode[] = [];
  for (const [kind, group] of groupIdsByKind(new Set(ids), (id) => nodeKindOfId(id)?.kind)) {
    const result = await store.read(
      `UNWIND $ids AS i MATCH (n:${kind} {id: i}) WHERE ${seen('n', clearance)} RETURN n`,
      { ids: group, ...visibleParam(clearance) },
      { maxRows: group.length },
    );
    found.push(...cleanGraph(result.graph).nodes);
  }
  return found;
}

/** Most strings looked up by name (a query's parameters and literals are few; this bounds a hostile one). */
const MAX_NAME_LOOKUPS = 1_000;

/** Reads the nodes of every kind whose name is one of the given strings, at the exporter's clearance. */
async function nodesByName(store: GraphStore, names: string[], clearance: Tlp): Promise<SerializedNode[]> {
  if (names.length === 0) return [];
  const found: SerializedNode[] = [];
  for (const { kind } of NODE_KINDS) {
    const result = await store.read(
      `MATCH (n:${kind}) WHERE n.name IN $names AND ${seen('n', clearance)} RETURN n`,
      { names, ...visibleParam(clearance) },
      { maxRows: 100_000 },
    );
    found.push(...cleanGraph(result.graph).nodes);
  }
  return found;
}

/** Whatever the recipient may not see, by id and by name (names compared case-blind). */
export interface Secrets {
  ids: Set<string>;
  names: Set<string>;
}

const nameKey = (s: string) => s.normalize('NFKC').trim().toLowerCase();

export function isSecret(secrets: Secrets, value: string): boolean {
  return secrets.ids.has(value) || (value.trim() !== '' && secrets.names.has(nameKey(value)));
}

/** Every string inside a JSON value (parameters may be lists or maps). */
function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** Cypher string literals, single- or double-quoted, with backslash escapes. */
const STRING_LITERAL = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/gs;
const unescapeLiteral = (s: string) => s.replace(/\\(.)/gs, '$1');

function literalsIn(text: string): string[] {
  return [...text.matchAll(STRING_LITERAL)].map((m) => unescapeLiteral(m[1] ?? m[2] ?? ''));
}

/**
 * Collects what is secret for this export: the withheld items of the selection, and every node
 * that a string of the selection record names (ids, parameters, literals) and that is marked above
 * the recipient, looked up in the store (a query parameter may name a node the result omits).
 */
export async function findSecrets(
  store: GraphStore,
  selected: SerializedGraph,
  exported: SerializedGraph,
  record: SelectionRecord,
  recipientTlp: Tlp,
  exporterClearance: Tlp,
): Promise<Secrets> {
  const limit = tlpRank(recipientTlp);
  const visible = new Set([...exported.nodes.map((n) => n.key), ...exported.edges.map((e) => e.key)]);
  const secrets: Secrets = { ids: new Set(), names: new Set() };
  const hide = (key: string, label: unknown) => {
    secrets.ids.add(key);
    if (typeof label === 'string' && label.trim() !== '') secrets.names.add(nameKey(label));
  };
  for (const n of selected.nodes) if (!visible.has(n.key)) hide(n.key, n.attributes.label);
  for (const e of selected.edges) if (!visible.has(e.key)) secrets.ids.add(e.key);
  // strings the file would carry that may name a node outside the selection
  const mentioned = stringsIn(record, new Set<string>());
  if (record.kind === 'query') for (const literal of literalsIn(record.text)) mentioned.add(literal);
  for (const item of [...exported.nodes, ...exported.edges]) stringsIn(item.attributes.sourceIds, mentioned);
  const lookUp = [...mentioned].filter((s) => !visible.has(s) && !secrets.ids.has(s) && nodeKindOfId(s));
  // a query may also name a node by its name (`WHERE c.name = 'Beta Park'`), one its result omits
  const byName =
    record.kind === 'query'
      ? [...mentioned].filter((s) => !nodeKindOfId(s) && s.trim() !== '' && s.length <= 300).slice(0, MAX_NAME_LOOKUPS)
      : [];
  const found = [
    ...(await nodesById(store, lookUp, exporterClearance)),
    ...(await nodesByName(store, byName, exporterClearance)),
  ];
  for (const node of found)
    if (!visible.has(node.key) && tlpRank(markingOf(node.attributes)) > limit) hide(node.key, node.attributes.label);
  // a name shared with a visible node is not a secret: the recipient sees that node anyway
  for (const n of exported.nodes)
    if (typeof n.attributes.label === 'string') secrets.names.delete(nameKey(n.attributes.label));
  return secrets;
}

function redactValue(value: unknown, secrets: Secrets): unknown {
  if (typeof value === 'string') return isSecret(secrets, value) ? WITHHELD : value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)]));
  return value;
}

function redactText(text: string, secrets: Secrets): string {
  return text.replace(STRING_LITERAL, (whole, single: string | undefined, double: string | undefined) => {
    const inner = unescapeLiteral(single ?? double ?? '');
    if (!isSecret(secrets, inner)) return whole;
    return single !== undefined ? `'${WITHHELD}'` : `"${WITHHELD}"`;
  });
}

/** The selection as the recipient may read it: only exported ids, `withheld` for anything secret. */
export function redactSelection(record: SelectionRecord, exported: SerializedGraph, secrets: Secrets): SelectionRecord {
  const exportedIds = new Set(exported.nodes.map((n) => n.key));
  const shown = (id: string) => (exportedIds.has(id) && !isSecret(secrets, id) ? id : WITHHELD);
  switch (record.kind) {
    case 'ids':
      return { kind: 'ids', ids: record.ids.filter((id) => exportedIds.has(id)) };
    case 'ego':
      return { ...record, id: shown(record.id) };
    case 'path':
      return { ...record, from: shown(record.from), to: shown(record.to) };
    case 'query':
      return {
        ...record,
        text: redactText(record.text, secrets),
        params: redactValue(record.params, secrets) as Params,
      };
  }
}

/** Citations of secret nodes become one `withheld` entry; the graph is otherwise unchanged. */
export function redactCitations(graph: SerializedGraph, secrets: Secrets): SerializedGraph {
  const redact = <T extends { attributes: Record<string, JsonValue> }>(item: T): T => {
    const cited = item.attributes.sourceIds;
    if (!Array.isArray(cited) || !cited.some((id) => typeof id === 'string' && isSecret(secrets, id))) return item;
    const kept = cited.filter((id) => !(typeof id === 'string' && isSecret(secrets, id)));
    return { ...item, attributes: { ...item.attributes, sourceIds: [...kept, WITHHELD] } };
  };
  return { nodes: graph.nodes.map(redact), edges: graph.edges.map(redact) };
}
