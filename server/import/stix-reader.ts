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
import type { ImportIssue, RawRecord } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Objects of the bundle itself, not of the graph. */
const FRAME_TYPES = new Set(['marking-definition', 'extension-definition', 'language-content']);

/** True when the text is a STIX bundle (`"type": "bundle"` at the top), whatever the file is named. */
export function looksLikeStixBundle(text: string): boolean {
  return /^\s*\{\s*"type"\s*:\s*"bundle"/.test(text.slice(0, 200));
}

export function readStix(name: string, text: string): { records: RawRecord[]; issues: ImportIssue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { records: [], issues: [{ file: name, line: 0, reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!isObject(doc) || doc.type !== 'bundle' || !Array.isArray(doc.objects)) {
    return { records: [], issues: [{ file: name, line: 0, reason: 'expected a STIX 2.1 bundle: {"type": "bundle", "id": …, "objects": […]}' }] };
  }
  const lines = elementLines(text, 'objects');
  const issues: ImportIssue[] = [];
  const objects = doc.objects as unknown[];
  const at = (i: number, reason: string, column?: string): ImportIssue => ({ file: name, line: lines[i] ?? 0, ...(column ? { column } : {}), reason });

  // STIX id → scamnet id, for the relationships' ends
  const scamnetIdOf = new Map<string, string>();
  for (const o of objects) {
    if (isObject(o) && typeof o.id === 'string' && typeof o[X.id] === 'string' && o.type !== 'relationship') scamnetIdOf.set(o.id, o[X.id] as string);
  }

  const records: RawRecord[] = [];
  const refuse = (issue: ImportIssue) => void issues.push(issue);
  // each refusal names the object and goes on to the next one
  objects: for (const [i, o] of objects.entries()) {
    if (!isObject(o)) { refuse(at(i, 'a STIX object must be a JSON object')); continue; }
    if (typeof o.type !== 'string' || typeof o.id !== 'string') { refuse(at(i, 'a STIX object needs a type and an id', 'type')); continue; }
    if (FRAME_TYPES.has(o.type)) continue;
    // the producer identity and the manifest note carry no x_scamnet_kind but are scamnet's own
    if (o[X.kind] === undefined && (o[X.manifest] !== undefined || (o.type === 'identity' && o.identity_class === 'system'))) continue;
    if (typeof o[X.kind] !== 'string') { refuse(at(i, `${o.type} ${o.id} has no ${X.kind}: only bundles written by scamnet's STIX export are read`, X.kind)); continue; }
    if (typeof o[X.id] !== 'string') { refuse(at(i, `${o.id} has no ${X.id} (the scamnet id)`, X.id)); continue; }
    const props = o[X.properties];
    if (!isObject(props)) { refuse(at(i, `${o.id} has no ${X.properties} object`, X.properties)); continue; }

    const marking = Array.isArray(o.object_marking_refs) ? o.object_marking_refs.map((m) => TLP_BY_MARKING_ID.get(String(m))).filter(Boolean) : [];
    if (marking.length !== 1) { refuse(at(i, `${o.id} must carry exactly one TLP 2.0 marking definition in object_marking_refs`, 'object_marking_refs')); continue; }
    if (props.tlp !== marking[0]) {
      { refuse(at(i, `${o.id}: x_scamnet_properties.tlp is ${JSON.stringify(props.tlp)} but its marking is TLP:${marking[0]}`, 'tlp')); continue; }
    }
    const values: Json = Object.fromEntries(Object.entries(props).filter(([k, v]) => v !== null && v !== undefined && k !== 'label'));
    values.id = o[X.id];
    if (o.type === 'relationship') {
      const ends = { from: o.source_ref, to: o.target_ref };
      for (const [end, ref] of Object.entries(ends)) {
        const id = typeof ref === 'string' ? scamnetIdOf.get(ref) : undefined;
        if (!id) { refuse(at(i, `${o.id}: ${end === 'from' ? 'source_ref' : 'target_ref'} ${String(ref)} names no scamnet object of this bundle`, end)); continue objects; }
        values[end] = id;
      }
    }
    records.push({ origin: { file: name, line: lines[i] ?? 0 }, kind: o[X.kind] as string, values });
  }
  return { records, issues };
}
