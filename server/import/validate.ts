/**
 * Row validation against the domain schema: the kind, every property (read from CSV text into
 * its storage type first), provenance rules and which node kinds a relationship may join. Every
 * problem becomes an issue naming the file, line and column; nothing here touches a store.
 */
import { provenanceIssues } from '../model/provenance.ts';
import {
  NodeRecord,
  RelRecord,
  nodeKindDef,
  nodeKindOfId,
  relKindDef,
  type NodeKind,
  type PropertyDef,
  type RelKind,
} from '../model/schema.ts';
import { nodePropertiesOf, relKindDefOf, relPropertiesOf } from '../store/kind-lookup.ts';
import type { ImportIssue, RawRecord, ValidRecord } from './types.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** A list cell: `[a,b]` (the engine's own list syntax) or `a; b`. */
export function splitList(cell: string): string[] {
  const trimmed = cell.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1).split(',') : trimmed.split(';');
  return inner.map((s) => s.trim()).filter(Boolean);
}

/** Reads a text cell as the property's type; anything unreadable is left for zod to refuse by name. */
function fromText(value: unknown, type: PropertyDef['type']): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (type) {
    case 'INT64':
    case 'DOUBLE':
      return NUMBER.test(text) ? Number(text) : value;
    case 'BOOLEAN':
      return TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : value;
    case 'STRING[]':
      return splitList(value);
    case 'DATE':
      return text;
    default:
      return value;
  }
}

const propertyMaps = new Map<string, Map<string, PropertyDef>>();
function propertiesOf(kind: string, entity: 'node' | 'rel'): Map<string, PropertyDef> {
  let map = propertyMaps.get(kind);
  if (!map) {
    // callers pass a kind the record schema has accepted
    const list = entity === 'node' ? nodePropertiesOf(kind as NodeKind) : relPropertiesOf(kind as RelKind);
    map = new Map(list.map((p) => [p.name, p]));
    if (entity === 'rel') {
      map.set('from', { name: 'from', type: 'STRING', required: true });
      map.set('to', { name: 'to', type: 'STRING', required: true });
    }
    propertyMaps.set(kind, map);
  }
  return map;
}

export function validateRecord(
  raw: RawRecord,
): { ok: true; value: ValidRecord } | { ok: false; issues: ImportIssue[] } {
  const { origin } = raw;
  const at = (reason: string, column?: string): ImportIssue => ({ ...origin, ...(column ? { column } : {}), reason });
  if (!raw.kind)
    return {
      ok: false,
      issues: [at('no kind: name the file after the kind (Centre.csv) or add a kind column', 'kind')],
    };
  const entity = nodeKindDef(raw.kind) ? 'node' : relKindDef(raw.kind) ? 'rel' : undefined;
  if (!entity) return { ok: false, issues: [at(`unknown kind ${raw.kind}`, 'kind')] };

  const props = propertiesOf(raw.kind, entity);
  const issues: ImportIssue[] = [];
  const values: Record<string, unknown> = { kind: raw.kind };
  for (const name in raw.values) {
    const prop = props.get(name);
    if (!prop) issues.push(at(`${raw.kind} has no property ${name}`, name));
    else values[name] = fromText(raw.values[name], prop.type);
  }
  if (values.id === undefined) issues.push(at('missing id', 'id'));
  if (issues.length > 0) return { ok: false, issues };

  const parsed = (entity === 'node' ? NodeRecord : RelRecord).safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const column = String(i.path[0] ?? '') || undefined;
        const value = column !== undefined ? values[column] : undefined;
        // An element of a list: name it, not the whole list ("expected string, received null
        // (got ["a",null])" read as if the list itself were null).
        const index = i.path[1];
        if (column && typeof index === 'number' && Array.isArray(value)) {
          const element = value[index];
          if (element === null)
            return at(
              `element ${index + 1} of ${column} is null: a list holds values only (leave the element out)`,
              column,
            );
          return at(
            `element ${index + 1} of ${column}: ${i.message} (got ${JSON.stringify(element)?.slice(0, 60)})`,
            column,
          );
        }
        const shown = value === undefined ? 'missing' : `got ${JSON.stringify(value).slice(0, 60)}`;
        return at(`${i.message} (${shown})`, column);
      }),
    };
  }
  const record = parsed.data;
  for (const message of provenanceIssues(record)) {
    issues.push(at(message, message.startsWith('sourceIds') ? 'sourceIds' : 'lastSeen'));
  }
  if (entity === 'rel') {
    const rel = record as ValidRecord['record'] & { from: string; to: string };
    const fromKind = nodeKindOfId(rel.from)?.kind;
    const toKind = nodeKindOfId(rel.to)?.kind;
    if (!fromKind) issues.push(at(`from ${rel.from} is not a node id (kind:name)`, 'from'));
    if (!toKind) issues.push(at(`to ${rel.to} is not a node id (kind:name)`, 'to'));
    const def = relKindDefOf(raw.kind);
    if (fromKind && toKind && !def.endpoints.some(([f, t]) => f === fromKind && t === toKind)) {
      const allowed = def.endpoints.map(([f, t]) => `${f}→${t}`).join(', ');
      issues.push(at(`${raw.kind} cannot join ${fromKind} to ${toKind} (allowed: ${allowed})`, 'from'));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { entity, record, present: presentColumns(raw.values), origin } as ValidRecord };
}

/**
 * The rows of a file mostly fill the same columns: they share one read-only Set of them rather
 * than a Set each (a fifth of the allocations of a CSV import, and the worker sends each list once).
 */
const presentSets = new Map<string, ReadonlySet<string>>();
function presentColumns(values: Record<string, unknown>): ReadonlySet<string> {
  const names = Object.keys(values);
  const key = names.join('\u0000');
  let set = presentSets.get(key);
  if (!set) {
    // a bound, for imports whose rows fill columns in endless combinations
    if (presentSets.size >= 1000) presentSets.clear();
    presentSets.set(key, (set = new Set(names)));
  }
  return set;
}
