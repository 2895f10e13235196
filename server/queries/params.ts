/**
 * Parameter types of saved queries and the zod schemas that check values before anything reaches
 * the store. Every parameter is required or has a default: LadybugDB cannot type a null parameter
 * used beside a value, so nulls never reach it.
 */
import { z } from 'zod';
import { nodeKindOfId } from '../model/schema.ts';
import { nodeKindNamed } from '../model/kinds.ts';

// The declarations themselves are wire shapes the client reads too: they live in the model.
export {
  BASE_TYPES,
  ParamSpec,
  ParamTypeSchema,
  RESERVED_PARAM_NAMES,
  type BaseType,
  type ParamType,
} from '../model/query-spec.ts';
import type { BaseType, ParamSpec, ParamType } from '../model/query-spec.ts';

/** Values arrive as JSON from the API and as strings from the CLI: both are accepted. */
function baseSchema(type: BaseType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string().max(10_000);
    case 'integer':
      return z.coerce
        .number()
        .int()
        .min(-(2 ** 53) + 1)
        .max(2 ** 53 - 1);
    case 'number':
      return z.coerce.number().finite();
    case 'boolean':
      return z.union([z.boolean(), z.stringbool()]);
    case 'date':
      return z.iso.date();
    case 'id':
      return z
        .string()
        .max(300)
        .refine((id) => nodeKindOfId(id) !== undefined, 'a node id with a kind prefix, e.g. centre:na-2024-01');
  }
}

export function valueSchema(type: ParamType): z.ZodType {
  const list = /^list<(\w+)>$/.exec(type);
  if (!list) return baseSchema(type as BaseType);
  const item = baseSchema(list[1] as BaseType);
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(10_000),
  );
}

/** The schema of a query's parameters: unknown names refused, defaults filled in. */
export function paramsSchema(specs: ParamSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) {
    const value = valueSchema(spec.type);
    shape[spec.name] = spec.required ? value : value.default(spec.default as never);
  }
  return z.strictObject(shape);
}

/** Whether a parameter takes node ids (`id` or `list<id>`): the ones a kind can restrict. */
export const takesIds = (type: string): boolean => type === 'id' || type === 'list<id>';

/**
 * The declaration with its kind filled in from its name when it takes ids and names a kind
 * (`centre` → Centre, `scamType` → ScamType): the library's headers say the kind that way, so
 * `from`/`to` of a path query stay open to any kind. A kind already given is kept.
 */
export function withNamedKind(spec: ParamSpec): ParamSpec {
  if (spec.kind !== undefined || !takesIds(spec.type)) return spec;
  const kind = nodeKindNamed(spec.name);
  return kind ? { ...spec, kind } : spec;
}

/** Problems with a parameter declaration itself (a default of the wrong type, none at all, …). */
export function specIssues(spec: ParamSpec): string[] {
  const issues =
    spec.kind !== undefined && !takesIds(spec.type)
      ? [`${spec.name}: a kind (${spec.kind}) is for id or list<id> parameters, not ${spec.type}`]
      : [];
  if (spec.required)
    return spec.default === undefined ? issues : [...issues, `${spec.name}: a required parameter has no default`];
  if (spec.default === undefined)
    return [...issues, `${spec.name}: give a default or mark it required (nulls cannot be typed by LadybugDB)`];
  const parsed = valueSchema(spec.type).safeParse(spec.default);
  return parsed.success
    ? issues
    : [...issues, `${spec.name}: default ${JSON.stringify(spec.default)} is not a ${spec.type}`];
}

/** A value of the declared type, for planning a query (EXPLAIN needs every parameter bound). */
export function sampleValue(spec: ParamSpec): unknown {
  if (spec.default !== undefined) return spec.default;
  const samples: Record<BaseType, unknown> = {
    string: 'x',
    integer: 1,
    number: 1.5,
    boolean: true,
    date: '2024-01-01',
    id: 'country:NA',
  };
  const list = /^list<(\w+)>$/.exec(spec.type);
  return list ? [samples[list[1] as BaseType]] : samples[spec.type as BaseType];
}
