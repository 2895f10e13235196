/**
 * A Cypher script that recreates the subgraph in Neo4j (5.x), for handing a case to another team:
 * a uniqueness constraint per label, then one MERGE by id per node and per relationship, setting
 * its properties. Labels, types and property names come only from the domain schema; values are
 * literals escaped here (strings quoted with every backslash, quote and line break escaped; dates
 * as date('…'); numbers only when finite). The manifest is the header comment.
 */
import { nodeKindDef, propertyTypes, relKindDef } from '../../model/schema.ts';
import type { JsonValue, SerializedEdge, SerializedNode } from '../../store/types.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { exportFileType } from '../../model/export-formats.ts';

/** A Cypher string literal. */
export function cypherString(text: string): string {
  const escaped = text.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c);
  return `'${escaped}'`;
}
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A property name, backtick-quoted (names come from the schema; quoting keeps the rule visible). */
const name = (n: string) => `\`${n.replace(/`/g, '``')}\``;

export function cypherValue(property: string, value: JsonValue): string | undefined {
  const type = propertyTypes.get(property);
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'string' ? cypherString(v) : undefined));
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof value === 'string') {
    if (type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `date(${cypherString(value)})`;
    return cypherString(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (type === 'DOUBLE' && Number.isInteger(value)) return `${value}.0`;
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** `SET v.a = …, v.b = …` for the stored properties (never `kind` or the derived `label`). */
function setClause(variable: string, attributes: Record<string, JsonValue>): string {
  const sets: string[] = [];
  for (const [property, value] of Object.entries(attributes)) {
    if (property === 'kind' || property === 'label' || property === 'id' || !propertyTypes.has(property)) continue;
    const literal = cypherValue(property, value);
    if (literal !== undefined) sets.push(`${variable}.${name(property)} = ${literal}`);
  }
  return sets.length > 0 ? ` SET ${sets.join(', ')}` : '';
}

export function nodeStatement(node: SerializedNode): string | undefined {
  const kind = nodeKindDef(node.attributes.kind)?.kind;
  if (!kind) return undefined;
  return `MERGE (n:${kind} {id: ${cypherString(node.key)}})${setClause('n', node.attributes)};`;
}

export function edgeStatement(edge: SerializedEdge, kindOf: Map<string, string>): string | undefined {
  const type = relKindDef(edge.attributes.kind)?.kind;
  const from = nodeKindDef(kindOf.get(edge.source) ?? '')?.kind;
  const to = nodeKindDef(kindOf.get(edge.target) ?? '')?.kind;
  if (!type || !from || !to) return undefined;
  return (
    `MATCH (a:${from} {id: ${cypherString(edge.source)}}), (b:${to} {id: ${cypherString(edge.target)}}) ` +
    `MERGE (a)-[r:${type} {id: ${cypherString(edge.key)}}]->(b)${setClause('r', edge.attributes)};`
  );
}

function* script(ctx: ExportContext): Generator<string> {
  const kindOf = new Map(ctx.graph.nodes.map((n) => [n.key, n.attributes.kind]));
  const labels = [
    ...new Set(ctx.graph.nodes.map((n) => nodeKindDef(n.attributes.kind)?.kind).filter((k) => k !== undefined)),
  ].sort();
  const header = [
    `// ${ctx.manifest.title}`,
    `// TLP:${ctx.manifest.highestTlp} — the highest marking among what this script creates.`,
    `// Recreates ${ctx.manifest.counts.nodes} nodes and ${ctx.manifest.counts.links} relationships in Neo4j 5 (cypher-shell -f <file>).`,
    '// manifest:',
    ...JSON.stringify(ctx.manifest, null, 2)
      .split('\n')
      .map((line) => `//   ${line}`),
    '',
    '// constraints',
    ...labels.map(
      (l) => `CREATE CONSTRAINT scamnet_${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE;`,
    ),
    '',
    '// nodes',
  ];
  yield `${header.join('\n')}\n`;
  for (const node of ctx.graph.nodes) {
    const statement = nodeStatement(node);
    if (statement) yield `${statement}\n`;
  }
  yield '\n// relationships\n';
  for (const edge of ctx.graph.edges) {
    const statement = edgeStatement(edge, kindOf);
    if (statement) yield `${statement}\n`;
  }
}

/** Streamed statement by statement (see ExportFile). */
export function writeCypher(ctx: ExportContext): ExportFile {
  return { body: script(ctx), ...exportFileType('cypher') };
}
