/**
 * Schema lookups for kinds and ids the caller has already validated. The model's lookups return
 * `undefined` for unknown names (the validators need that); past validation an unknown kind means
 * a bug upstream, so these fail loudly with an internal error instead of a `!`.
 */
import { AppError } from '../errors.ts';
import {
  nodeKindOfId,
  nodeProperties,
  relKindDef,
  relProperties,
  type NodeKind,
  type NodeKindDef,
  type PropertyDef,
  type RelKind,
  type RelKindDef,
} from '../model/schema.ts';

export function nodePropertiesOf(kind: NodeKind): PropertyDef[] {
  const props = nodeProperties.get(kind);
  if (!props) throw new AppError('internal', `no properties registered for node kind ${kind}`);
  return props;
}

export function relPropertiesOf(kind: RelKind): PropertyDef[] {
  const props = relProperties.get(kind);
  if (!props) throw new AppError('internal', `no properties registered for relationship kind ${kind}`);
  return props;
}

export function relKindDefOf(kind: string): RelKindDef {
  const def = relKindDef(kind);
  if (!def) throw new AppError('internal', `relationship kind ${kind} passed validation but is not in the schema`);
  return def;
}

/** The kind of a validated id (its prefix names a node kind). */
export function nodeKindOfValidId(id: string): NodeKind {
  const def: NodeKindDef | undefined = nodeKindOfId(id);
  if (!def) throw new AppError('internal', `id ${id} passed validation but its prefix names no node kind`);
  return def.kind;
}
