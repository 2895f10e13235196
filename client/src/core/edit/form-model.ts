/**
 * The entity and link forms as data (issue 13, recording intelligence): which field each property
 * of /api/schema becomes, the form's text back into the record the server validates, what changed
 * for a PATCH, the provenance rules checked before sending, and where the server's 400 issues
 * belong. No React and no transport, so it is tested in node.
 */
import type { SchemaInfo } from '../../../../server/model/wire.ts';
import type { NewSource } from '../../../../server/model/changes.ts';
import { CREDIBILITY, RELIABILITY, TLP_LEVELS, tlpRank, type Tlp } from '../../../../server/model/markings.ts';

export type NodeKindInfo = SchemaInfo['nodeKinds'][number];
export type RelKindInfo = SchemaInfo['relationshipKinds'][number];
export type PropertyInfo = NodeKindInfo['properties'][number];

export type Widget = 'select' | 'integer' | 'number' | 'date' | 'boolean' | 'list' | 'text' | 'longtext';

export interface FieldSpec {
  name: string;
  widget: Widget;
  required: boolean;
  description?: string;
  /** the choices of a select */
  options?: string[];
}

/** Properties the provenance section edits (not shown among the kind's own properties). */
export const PROVENANCE_PROPERTIES: ReadonlySet<string> = new Set([
  'sourceIds',
  'grade',
  'tlp',
  'firstSeen',
  'lastSeen',
  'synthetic',
  'excerpt',
]);
/** Set by the server (an id from the kind's prefix and the name) or fixed once made. */
const NOT_EDITED: ReadonlySet<string> = new Set(['id', 'from', 'to', 'kind']);
/** The passage of a source an entity cites: the server caps it at this length. */
export const EXCERPT_MAX = 5000;

export function widgetOf(p: Pick<PropertyInfo, 'name' | 'type' | 'values'>): Widget {
  if (p.values?.length) return 'select';
  switch (p.type) {
    case 'INT64':
      return 'integer';
    case 'DOUBLE':
      return 'number';
    case 'DATE':
      return 'date';
    case 'BOOLEAN':
      return 'boolean';
    case 'STRING[]':
      return 'list';
    default:
      return p.name === 'description' ? 'longtext' : 'text';
  }
}

/** The form's fields for a kind's properties, in the schema's order, provenance and ids left out. */
export function fieldsOf(properties: readonly PropertyInfo[]): FieldSpec[] {
  return properties
    .filter((p) => !PROVENANCE_PROPERTIES.has(p.name) && !NOT_EDITED.has(p.name))
    .map((p) => ({
      name: p.name,
      widget: widgetOf(p),
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      ...(p.values?.length ? { options: p.values } : {}),
    }));
}

/** What the form holds per field: text for most, a flag for booleans, the chips of a list. */
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

/** The form's starting values: the record's (editing) or empty (a new entity). */
export function initialValues(fields: readonly FieldSpec[], record: Record<string, unknown> = {}): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, toFieldValue(f, record[f.name])]));
}

function toFieldValue(field: FieldSpec, value: unknown): FieldValue {
  if (field.widget === 'list') return Array.isArray(value) ? value.map(String) : [];
  if (field.widget === 'boolean') return value === true;
  return value === null || value === undefined ? '' : String(value);
}

/** "a, b ,, c" → ["a", "b", "c"], duplicates dropped: what typing into a chip box adds. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function convert(field: FieldSpec, raw: FieldValue | undefined): Converted {
  if (field.widget === 'list') return { ok: true, value: Array.isArray(raw) ? raw : parseList(String(raw ?? '')) };
  if (field.widget === 'boolean') return { ok: true, value: raw === true };
  const text = String(raw ?? '').trim();
  if (text === '') return field.required ? { ok: false, message: 'required' } : { ok: true, value: null };
  if (field.widget === 'integer' || field.widget === 'number') {
    const n = Number(text);
    if (!Number.isFinite(n)) return { ok: false, message: 'a number' };
    if (field.widget === 'integer' && !Number.isInteger(n)) return { ok: false, message: 'a whole number' };
    return { ok: true, value: n };
  }
  if (field.widget === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, message: 'a date, YYYY-MM-DD' };
  if (field.widget === 'select' && field.options && !field.options.includes(text))
    return { ok: false, message: `one of ${field.options.join(', ')}` };
  return { ok: true, value: text };
}

export interface RecordValues {
  values: Record<string, unknown>;
  /** field name → what is wrong, in words */
  errors: Record<string, string>;
}

/**
 * The form's values as the record's properties. An empty optional field is left out for a new
 * record (the schema's default applies) and sent as null when editing (it was cleared).
 */
export function toRecordValues(
  fields: readonly FieldSpec[],
  values: FormValues,
  mode: 'create' | 'edit',
): RecordValues {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const c = convert(field, values[field.name]);
    if (!c.ok) errors[field.name] = c.message;
    else if (mode === 'edit' || !isEmpty(c.value)) out[field.name] = c.value;
  }
  return { values: out, errors };
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0) || v === false;

/**
 * Loose equality for record values: missing, null, '' and [] are all "nothing" (the server drops
 * nulls from what it sends); lists compare by content.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The properties of `next` that differ from the `original` record: the `set` of a PATCH. */
export function changedValues(
  next: Record<string, unknown>,
  original: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => !sameValue(v, original[k])));
}

/** Attributes the canvas or the server's serialisation adds, which are not the record's. */
const NOT_RECORD: ReadonlySet<string> = new Set([
  'label',
  'x',
  'y',
  'fixed',
  'hiddenByUser',
  'netX',
  'netY',
  'placedOnMap',
]);

/**
 * The record an edit starts from, as the details answers give it: the node's or link's attributes
 * (nulls left out by the server) and its provenance, with the cited sources by id.
 */
export function editableRecord(
  attributes: Record<string, unknown>,
  provenance: {
    sources: ReadonlyArray<{ id: string }>;
    grade: string | null;
    tlp: string | null;
    firstSeen: string | null;
    lastSeen: string | null;
    excerpt?: string | null;
  },
): Record<string, unknown> {
  const record = Object.fromEntries(Object.entries(attributes).filter(([k]) => !NOT_RECORD.has(k)));
  return {
    ...record,
    sourceIds: provenance.sources.map((s) => s.id),
    grade: provenance.grade,
    tlp: provenance.tlp,
    firstSeen: provenance.firstSeen,
    lastSeen: provenance.lastSeen,
    excerpt: provenance.excerpt ?? record.excerpt ?? null,
  };
}

// ---- provenance -------------------------------------------------------------------------------

/** A Source typed into the form, before the server makes it (NewSource's fields as text). */
export interface NewSourceDraft {
  name: string;
  publisher: string;
  published: string;
  url: string;
  tlp: Tlp;
}

export interface ProvenanceValues {
  /** the existing Sources cited, by id */
  sourceIds: string[];
  newSources: NewSourceDraft[];
  reliability: string;
  credibility: string;
  tlp: Tlp;
  firstSeen: string;
  lastSeen: string;
  excerpt: string;
}

export const RELIABILITY_WORDS: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
export const CREDIBILITY_WORDS: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};
export { CREDIBILITY, RELIABILITY };

/** The TLP markings a user may give: none above their own clearance. */
export function tlpOptions(clearance: Tlp): Tlp[] {
  return TLP_LEVELS.filter((t) => tlpRank(t) <= tlpRank(clearance));
}

/** The provenance an entity starts with (a new one) or has (editing one). */
export function initialProvenance(clearance: Tlp, record: Record<string, unknown> = {}): ProvenanceValues {
  const grade = typeof record.grade === 'string' && /^[A-F][1-6]$/.test(record.grade) ? record.grade : 'B2';
  const options = tlpOptions(clearance);
  const tlp = options.includes(record.tlp as Tlp) ? (record.tlp as Tlp) : (options[0] ?? 'CLEAR');
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    sourceIds: Array.isArray(record.sourceIds) ? record.sourceIds.map(String) : [],
    newSources: [],
    reliability: grade.charAt(0),
    credibility: grade.charAt(1),
    tlp,
    firstSeen: text(record.firstSeen),
    lastSeen: text(record.lastSeen),
    excerpt: text(record.excerpt),
  };
}

export const emptySource = (tlp: Tlp): NewSourceDraft => ({ name: '', publisher: '', published: '', url: '', tlp });

/**
 * What the provenance section lacks before it can be sent, by field (`sources`, `firstSeen`,
 * `lastSeen`, `excerpt`, `tlp`, `newSources.0.name`, …): the server checks the same and more.
 */
export function provenanceErrors(p: ProvenanceValues, clearance: Tlp): Record<string, string> {
  const errors: Record<string, string> = {};
  if (p.sourceIds.length === 0 && p.newSources.length === 0)
    errors.sources = 'cite at least one source: pick one or add a new one';
  for (const [field, value] of [
    ['firstSeen', p.firstSeen],
    ['lastSeen', p.lastSeen],
  ] as const)
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[field] = 'a date, YYYY-MM-DD';
  if (p.firstSeen && p.lastSeen && !errors.firstSeen && !errors.lastSeen && p.firstSeen > p.lastSeen)
    errors.lastSeen = 'before first seen';
  if (p.excerpt.length > EXCERPT_MAX) errors.excerpt = `at most ${EXCERPT_MAX} characters (${p.excerpt.length})`;
  if (tlpRank(p.tlp) > tlpRank(clearance)) errors.tlp = `above your clearance (${clearance})`;
  p.newSources.forEach((s, i) => {
    if (!s.name.trim()) errors[`newSources.${i}.name`] = 'required';
    if (!s.publisher.trim()) errors[`newSources.${i}.publisher`] = 'required';
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.published.trim()))
      errors[`newSources.${i}.published`] = 'YYYY, YYYY-MM or YYYY-MM-DD';
    if (tlpRank(s.tlp) > tlpRank(clearance)) errors[`newSources.${i}.tlp`] = `above your clearance (${clearance})`;
  });
  return errors;
}

/** The provenance properties of the record (sources cited by id; new ones travel as newSources). */
export function provenanceRecord(p: ProvenanceValues): Record<string, unknown> {
  return {
    sourceIds: p.sourceIds,
    grade: `${p.reliability}${p.credibility}`,
    tlp: p.tlp,
    firstSeen: p.firstSeen || null,
    lastSeen: p.lastSeen || null,
    excerpt: p.excerpt.trim() ? p.excerpt : null,
  };
}

export function newSourcesOf(p: ProvenanceValues): NewSource[] {
  return p.newSources.map((s) => ({
    name: s.name.trim(),
    publisher: s.publisher.trim(),
    published: s.published.trim(),
    url: s.url.trim() || null,
    // the Source's own reliability is not asked for here: the server's default applies
    grade: 'B2',
    tlp: s.tlp,
  }));
}

// ---- links ------------------------------------------------------------------------------------

/** The relationship kinds the schema allows from a node of one kind to a node of another. */
export function allowedRelKinds(
  schema: Pick<SchemaInfo, 'relationshipKinds'>,
  from: string,
  to: string,
): RelKindInfo[] {
  return schema.relationshipKinds.filter((r) => r.endpoints.some((e) => e.from === from && e.to === to));
}

/** The kinds allowed the other way round: offered as a hint when none fit the drawn direction. */
export function reversedRelKinds(
  schema: Pick<SchemaInfo, 'relationshipKinds'>,
  from: string,
  to: string,
): RelKindInfo[] {
  return allowedRelKinds(schema, to, from);
}

// ---- the server's answer ----------------------------------------------------------------------

export interface FieldIssues {
  byField: Record<string, string[]>;
  /** issues that name no field of the form */
  general: string[];
}

/**
 * Sorts the server's 400 issues ({path, message}) by the form field they name. Paths come as the
 * import validation writes them (`nodes[0].name`, `record.tlp`, `newSources[1].published`); an
 * issue on the whole record often names its field in its message ("sourceIds: …").
 */
export function issuesByField(details: unknown, fields: Iterable<string>): FieldIssues {
  const known = new Set(fields);
  const out: FieldIssues = { byField: {}, general: [] };
  const issues = (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return out;
  const add = (field: string, message: string) => (out.byField[field] ??= []).push(message);
  for (const issue of issues) {
    const path = String((issue as { path?: unknown }).path ?? '');
    const message = String((issue as { message?: unknown }).message ?? issue);
    const source = /newSources\[(\d+)\]\.(\w+)/.exec(path) ?? /newSources\.(\d+)\.(\w+)/.exec(path);
    if (source) {
      add(`newSources.${source[1]}.${source[2]}`, message);
      continue;
    }
    const segments = path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter((s) => s && !/^\d+$/.test(s) && !['nodes', 'relationships', 'record', 'set', 'body'].includes(s));
    const named = segments.find((s) => known.has(s)) ?? /^(\w+): /.exec(message)?.[1];
    const field = named === 'sourceIds' ? 'sources' : named;
    if (field && (known.has(field) || field === 'sources')) add(field, message.replace(/^\w+: /, ''));
    else out.general.push(path ? `${path}: ${message}` : message);
  }
  return out;
}
