/**
 * Parameter types of saved queries and the zod schemas that check values before anything reaches
 * the store. Every parameter is required or has a default: LadybugDB cannot type a null parameter
 * used beside a value, so nulls never reach it.
 */
import { z } from 'zod';
import { nodeKindOfId } from '../model/schema.ts';

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

/** Problems with a parameter declaration itself (a default of the wrong type, none at all, …). */
export function specIssues(spec: ParamSpec): string[] {
  if (spec.required) return spec.default === undefined ? [] : [`${spec.name}: a required parameter has no default`];
  if (spec.default === undefined)
    return [`${spec.name}: give a default or mark it required (nulls cannot be typed by LadybugDB)`];
  const parsed = valueSchema(spec.type).safeParse(spec.default);
  return parsed.success ? [] : [`${spec.name}: default ${JSON.stringify(spec.default)} is not a ${spec.type}`];
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
