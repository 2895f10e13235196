/**
 * Typed constructors for the records a seed batch holds. They fill every defaulted field, so the
 * facts and the generator hand back complete `GraphBatch` records, and build relationship ids with
 * the model's `relId` so ids stay stable across runs.
 */
import type { NodeKind, NodeRecordValue, RelKind, RelRecordValue } from '../server/model/schema.ts';
import { relId } from '../server/model/relationships.ts';

export type SeedNodeKind = NodeKind;
export type SeedRelKind = RelKind;

export type NodeOf<K extends SeedNodeKind> = Extract<NodeRecordValue, { kind: K }>;
export type RelOf<K extends SeedRelKind> = Extract<RelRecordValue, { kind: K }>;
export type Provenance = Pick<NodeOf<'Source'>, 'sourceIds' | 'grade' | 'tlp' | 'firstSeen' | 'lastSeen' | 'synthetic'>;

type NodeFields<K extends SeedNodeKind> = Omit<
  NodeOf<K>,
  'kind' | 'aliases' | 'description' | 'excerpt' | keyof Provenance
> & {
  aliases?: string[];
  description?: string | null;
};
export type RelProps<K extends SeedRelKind> = Omit<
  RelOf<K>,
  'kind' | 'id' | 'from' | 'to' | 'excerpt' | keyof Provenance
>;

export function makeNode<K extends SeedNodeKind>(kind: K, fields: NodeFields<K>, provenance: Provenance): NodeOf<K> {
  const { aliases = [], description = null, ...rest } = fields;
  // the seed's facts cite whole documents, not passages: no excerpt
  return { kind, ...rest, aliases, description, ...provenance, excerpt: null } as unknown as NodeOf<K>;
}

export function makeRel<K extends SeedRelKind>(
  kind: K,
  from: string,
  to: string,
  provenance: Provenance,
  props: RelProps<K>,
  qualifier?: string,
): RelOf<K> {
  return {
    kind,
    id: relId(kind, from, to, qualifier),
    from,
    to,
    ...props,
    ...provenance,
    excerpt: null,
  } as unknown as RelOf<K>;
}
