/**
 * STIX 2.1 bundles written by scamnet's STIX export (server/export/formats/stix.ts): each object
 * with `x_scamnet_kind` is one record, its properties from `x_scamnet_properties`, its id from
 * `x_scamnet_id`; a relationship's ends are the scamnet ids of the objects its `source_ref` and
 * `target_ref` name in the bundle. The marking definitions, the producer identity and the manifest
 * note are the bundle's own and not records.
 *
 * A record's TLP must agree with its object_marking_refs: a bundle edited to mark an object lower
 * (or higher) than its record says is refused rather than guessed at. Bundles from other tools
 * (objects without `x_scamnet_kind`) are refused object by object, naming what is missing.
 */
import { TLP_BY_MARKING_ID, X } from '../model/stix-vocabulary.ts';
import { elementLines } from './json-reader.ts';
import type { ImportIssue, Origin, RawRecord } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Objects of the bundle itself, not of the graph. */
const FRAME_TYPES = new Set(['marking-definition', 'extension-definition', 'language-content']);

/** True when the text is a STIX bundle (`"type": "bundle"` at the top), whatever the file is named. */
export function looksLikeStixBundle(text: string): boolean {
  return /^\s*\{\s*"type"\s*:\s*"bundle"/.test(text.slice(0, 200));
}

/** One object of the bundle: a record, an issue naming it, or null for the bundle's own objects. */
function recordOf(o: unknown, origin: Origin, scamnetIdOf: Map<string, string>): RawRecord | ImportIssue | null {
  const refuse = (reason: string, column?: string): ImportIssue => ({
    ...origin,
    ...(column ? { column } : {}),
    reason,
  });
  if (!isObject(o)) return refuse('a STIX object must be a JSON object');
  if (typeof o.type !== 'string' || typeof o.id !== 'string')
    return refuse('a STIX object needs a type and an id', 'type');
  if (FRAME_TYPES.has(o.type)) return null;
  // the producer identity and the manifest note carry no x_scamnet_kind but are scamnet's own
  if (
    o[X.kind] === undefined &&
    (o[X.manifest] !== undefined || (o.type === 'identity' && o.identity_class === 'system'))
  )
    return null;
  if (typeof o[X.kind] !== 'string')
    return refuse(`${o.type} ${o.id} has no ${X.kind}: only bundles written by scamnet's STIX export are read`, X.kind);
  if (typeof o[X.id] !== 'string') return refuse(`${o.id} has no ${X.id} (the scamnet id)`, X.id);
  const props = o[X.properties];
  if (!isObject(props)) return refuse(`${o.id} has no ${X.properties} object`, X.properties);

  const marking = Array.isArray(o.object_marking_refs)
    ? o.object_marking_refs.map((m) => TLP_BY_MARKING_ID.get(String(m))).filter(Boolean)
    : [];
  if (marking.length !== 1)
    return refuse(
      `${o.id} must carry exactly one TLP 2.0 marking definition in object_marking_refs`,
      'object_marking_refs',
    );
  if (props.tlp !== marking[0])
    return refuse(
      `${o.id}: x_scamnet_properties.tlp is ${JSON.stringify(props.tlp)} but its marking is TLP:${marking[0]}`,
      'tlp',
    );
  const values: Json = Object.fromEntries(
    Object.entries(props).filter(([k, v]) => v !== null && v !== undefined && k !== 'label'),
  );
  values.id = o[X.id];
  if (o.type === 'relationship') {
    for (const [end, ref] of [
      ['from', o.source_ref],
      ['to', o.target_ref],
    ] as const) {
      const id = typeof ref === 'string' ? scamnetIdOf.get(ref) : undefined;
      if (!id)
        return refuse(
          `${o.id}: ${end === 'from' ? 'source_ref' : 'target_ref'} ${String(ref)} names no scamnet object of this bundle`,
          end,
        );
      values[end] = id;
    }
  }
  return { origin, kind: o[X.kind] as string, values };
}

export function readStix(name: string, text: string): { records: RawRecord[]; issues: ImportIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { records: [], issues: [{ file: name, line: 0, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!isObject(doc) || doc.type !== 'bundle' || !Array.isArray(doc.objects)) {
    return {
      records: [],
      issues: [
        { file: name, line: 0, reason: 'expected a STIX 2.1 bundle: {"type": "bundle", "id": …, "objects": […]}' },
      ],
    };
  }
  const lines = elementLines(text, 'objects');
  const issues: ImportIssue[] = [];
  const objects = doc.objects as unknown[];

  // STIX id → scamnet id, for the relationships' ends
  const scamnetIdOf = new Map<string, string>();
  for (const o of objects) {
    if (isObject(o) && typeof o.id === 'string' && typeof o[X.id] === 'string' && o.type !== 'relationship')
      scamnetIdOf.set(o.id, o[X.id] as string);
  }

  const records: RawRecord[] = [];
  for (const [i, o] of objects.entries()) {
    const read = recordOf(o, { file: name, line: lines[i] ?? 0 }, scamnetIdOf);
    if (read && 'reason' in read) issues.push(read);
    else if (read) records.push(read);
  }
  return { records, issues };
}
