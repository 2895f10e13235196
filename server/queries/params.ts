/**
 * Parameter types of saved queries and the zod schemas that check values before anything reaches
 * the store. Every parameter is required or has a default: LadybugDB cannot type a null parameter
 * used beside a value, so nulls never reach it.
 */
import { z } from 'zod';
import { nodeKindOfId } from '../model/schema.ts';

export const BASE_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'id'] as const;
export type BaseType = (typeof BASE_TYPES)[number];
export type ParamType = BaseType | `list<${BaseType}>`;

const BASE = BASE_TYPES.join('|');
export const ParamTypeSchema = z
  .string()
  .regex(new RegExp(`^(${BASE}|list<(${BASE})>)$`), `one of ${BASE_TYPES.join(', ')}, or list<…> of one`)
  .transform((value) => value as ParamType);

/**
 * Names every JavaScript object has (`constructor`, `toString`, `__proto__`…): the embedded
 * engine's binding reads `params.constructor` to check it was given a plain object, so a parameter
 * of that name fails inside it, and the others are traps for any code that reads the map.
 */
export const RESERVED_PARAM_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

export const ParamSpec = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a parameter name: letters, digits and _')
      .refine((n) => !RESERVED_PARAM_NAMES.has(n), 'a name JavaScript objects reserve'),
    type: ParamTypeSchema,
    required: z.boolean(),
    default: z.unknown().optional().describe('used when the parameter is not given; required parameters have none'),
    description: z
      .string()
      .max(500)
      .regex(/^[^\r\n]*$/, 'one line, without line breaks')
      .default(''),
  })
  .meta({ id: 'QueryParameter' });
export type ParamSpec = z.infer<typeof ParamSpec>;

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
