/**
 * The domain schema registry: lookups by kind and id, import records and their validation,
 * and the description served at /api/schema. Everything here is derived from nodes.ts and
 * relationships.ts.
 */
import { z } from 'zod';
import { NODE_KINDS, type NodeKind, type NodeKindDef } from './nodes.ts';
import { REL_KINDS, type RelKind, type RelKindDef } from './relationships.ts';
import { provenanceIssues } from './provenance.ts';
import { enumValuesOf, isRequired, storageTypeOf, type StorageType } from './storage-types.ts';

export { NODE_KINDS, REL_KINDS, type NodeKind, type RelKind, type NodeKindDef, type RelKindDef };

export const NODE_KIND_NAMES = NODE_KINDS.map((k) => k.kind) as [NodeKind, ...NodeKind[]];
export const REL_KIND_NAMES = REL_KINDS.map((k) => k.kind) as [RelKind, ...RelKind[]];
export const NodeKindName = z.enum(NODE_KIND_NAMES);
export const RelKindName = z.enum(REL_KIND_NAMES);

/** Stored on every node for search; not part of the domain, never returned by the API. */
export const SEARCH_PROPERTY = 'searchKey';

const nodeKindByName = new Map<string, NodeKindDef>(NODE_KINDS.map((k) => [k.kind, k]));
const nodeKindByPrefix = new Map<string, NodeKindDef>(NODE_KINDS.map((k) => [k.prefix, k]));
const relKindByName = new Map<string, RelKindDef>(REL_KINDS.map((k) => [k.kind, k]));

export function nodeKindDef(kind: string): NodeKindDef | undefined {
  return nodeKindByName.get(kind);
}
export function relKindDef(kind: string): RelKindDef | undefined {
  return relKindByName.get(kind);
}
/** Ids carry their kind (`centre:…`), which lets lookups use the kind's primary-key index. */
export function nodeKindOfId(id: string): NodeKindDef | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? nodeKindByPrefix.get(id.slice(0, colon)) : undefined;
}

export interface PropertyDef {
  name: string;
  type: StorageType;
  required: boolean;
  description?: string;
  /** an enum's allowed values, so a form can offer them */
  values?: string[];
}

function propertiesOfShape(shape: z.ZodRawShape, owner: string, skip: string[] = []): PropertyDef[] {
  return Object.entries(shape)
    .filter(([name]) => !skip.includes(name))
    .map(([name, raw]) => {
      const schema = raw as z.ZodType;
      const values = enumValuesOf(schema);
      return {
        name,
        type: storageTypeOf(schema, `${owner}.${name}`),
        required: isRequired(schema),
        ...(schema.description ? { description: schema.description } : {}),
        ...(values ? { values } : {}),
      };
    });
}

/** Stored properties of a node kind, `id` first; the search key is added by the stores. */
export const nodeProperties: ReadonlyMap<NodeKind, PropertyDef[]> = new Map(
  NODE_KINDS.map((k) => [k.kind, propertiesOfShape(k.schema.shape, k.kind)]),
);
/** Stored properties of a relationship kind (its endpoints are not properties). */
export const relProperties: ReadonlyMap<RelKind, PropertyDef[]> = new Map(
  REL_KINDS.map((k) => [k.kind, propertiesOfShape(k.schema.shape, k.kind, ['from', 'to'])]),
);

/** Every property name and type across kinds, for mapping store values back to JSON. */
export const propertyTypes: ReadonlyMap<string, StorageType> = new Map(
  [...nodeProperties.values(), ...relProperties.values()].flat().map((p) => [p.name, p.type]),
);

// ---- import records ------------------------------------------------------------------------

const nodeRecordSchemas = NODE_KINDS.map((k) => k.schema.extend({ kind: z.literal(k.kind) }));
const relRecordSchemas = REL_KINDS.map((k) => k.schema.extend({ kind: z.literal(k.kind) }));

export const NodeRecord = z.discriminatedUnion('kind', nodeRecordSchemas as never) as unknown as z.ZodType<
  NodeRecordValue,
  unknown
>;
export const RelRecord = z.discriminatedUnion('kind', relRecordSchemas as never) as unknown as z.ZodType<
  RelRecordValue,
  unknown
>;

type Provenance = {
  sourceIds: string[];
  grade: string;
  tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
  firstSeen: string | null;
  lastSeen: string | null;
  synthetic: boolean;
  excerpt: string | null;
};
export type NodeRecordValue = {
  [K in NodeKindDef as K['kind']]: z.infer<K['schema']> & { kind: K['kind'] };
}[NodeKind] &
  Provenance;
export type RelRecordValue = {
  [K in RelKindDef as K['kind']]: z.infer<K['schema']> & { kind: K['kind'] };
}[RelKind] &
  Provenance;

/** A batch of nodes and relationships, as the seed loader and importers hand it to the store. */
export interface GraphBatch {
  nodes: NodeRecordValue[];
  relationships: RelRecordValue[];
}

export interface BatchIssue {
  path: string;
  message: string;
}

/**
 * Validates a batch against the schema: every record's shape, ids matching their kind,
 * relationship endpoints of allowed kinds, provenance rules and duplicate ids. Returns the parsed
 * records (defaults filled in) or the issues; never throws on bad data.
 */
export function parseBatch(input: {
  nodes?: unknown[];
  relationships?: unknown[];
}): { ok: true; batch: GraphBatch } | { ok: false; issues: BatchIssue[] } {
  const issues: BatchIssue[] = [];
  const nodes: NodeRecordValue[] = [];
  const relationships: RelRecordValue[] = [];
  const seen = new Set<string>();

  (input.nodes ?? []).forEach((raw, i) => {
    const parsed = NodeRecord.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: `nodes[${i}].${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const node = parsed.data;
    if (seen.has(node.id)) issues.push({ path: `nodes[${i}].id`, message: `duplicate id ${node.id}` });
    seen.add(node.id);
    for (const message of provenanceIssues(node)) issues.push({ path: `nodes[${i}]`, message });
    nodes.push(node);
  });

  (input.relationships ?? []).forEach((raw, i) => {
    const parsed = RelRecord.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: `relationships[${i}].${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const rel = parsed.data;
    if (seen.has(rel.id)) issues.push({ path: `relationships[${i}].id`, message: `duplicate id ${rel.id}` });
    seen.add(rel.id);
    const fromKind = nodeKindOfId(rel.from)?.kind;
    const toKind = nodeKindOfId(rel.to)?.kind;
    const allowed = relKindDef(rel.kind)?.endpoints.some(([f, t]) => f === fromKind && t === toKind) ?? false;
    if (!allowed) {
      issues.push({
        path: `relationships[${i}]`,
        message: `${rel.kind} cannot join ${fromKind ?? rel.from} to ${toKind ?? rel.to}`,
      });
    }
    for (const message of provenanceIssues(rel)) issues.push({ path: `relationships[${i}]`, message });
    relationships.push(rel);
  });

  return issues.length > 0 ? { ok: false, issues } : { ok: true, batch: { nodes, relationships } };
}

// ---- description for the API ---------------------------------------------------------------

export function describeSchema() {
  return {
    nodeKinds: NODE_KINDS.map((k) => ({
      kind: k.kind,
      idPrefix: k.prefix,
      description: k.description,
      properties: nodeProperties.get(k.kind) ?? [],
    })),
    relationshipKinds: REL_KINDS.map((k) => ({
      kind: k.kind,
      description: k.description,
      endpoints: k.endpoints.map(([from, to]) => ({ from, to })),
      properties: relProperties.get(k.kind) ?? [],
    })),
  };
}
