/**
 * Merge rules for a record that is already in the store: the properties the import gives
 * replace the stored ones, the others stay; `sourceIds` is the union of both; `firstSeen` the
 * earlier and `lastSeen` the later of the two. A merge that changes nothing is not written, which
 * is what makes importing the same file again a no-op.
 */
import type { PropertyDef } from '../model/schema.ts';

type Values = Record<string, unknown>;

function earlier(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b ?? null;
  if (typeof b !== 'string') return a;
  return a <= b ? a : b;
}
function later(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b ?? null;
  if (typeof b !== 'string') return a;
  return a >= b ? a : b;
}

/** A stored row (as the store answers it) with every property present, lists never null. */
export function normaliseStored(row: Values, props: PropertyDef[]): Values {
  const out: Values = {};
  for (const p of props) {
    const v = row[p.name];
    out[p.name] = v === undefined || v === null ? (p.type === 'STRING[]' ? [] : null) : v;
  }
  return out;
}

export function mergeRecord(
  stored: Values,
  incoming: Values,
  present: ReadonlySet<string>,
  props: PropertyDef[],
): Values {
  const out: Values = {};
  for (const p of props) out[p.name] = present.has(p.name) ? incoming[p.name] : stored[p.name];
  const storedSources = (stored.sourceIds as string[] | null) ?? [];
  const newSources = ((incoming.sourceIds as string[] | null) ?? []).filter((s) => !storedSources.includes(s));
  out.sourceIds = [...storedSources, ...newSources];
  out.firstSeen = earlier(stored.firstSeen, incoming.firstSeen);
  out.lastSeen = later(stored.lastSeen, incoming.lastSeen);
  return out;
}

/** True when the merged record would store exactly what is stored. */
export function sameRecord(a: Values, b: Values, props: PropertyDef[]): boolean {
  return props.every((p) => JSON.stringify(a[p.name] ?? null) === JSON.stringify(b[p.name] ?? null));
}
