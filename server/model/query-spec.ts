/**
 * What a saved query declares (its parameters) and how the library lists it: wire shapes the
 * server checks with and the client's types come from (`import type`), so the two cannot drift.
 */
import { z } from 'zod';
import { NODE_KIND_NAMES } from './kinds.ts';

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
    kind: z
      .enum(NODE_KIND_NAMES)
      .optional()
      .describe(
        'for an id (or list<id>) parameter: the kind of entity it takes, so a form can offer a picker of that kind; ' +
          'the library derives it from a parameter named for a kind (centre → Centre); absent: any kind',
      ),
  })
  .meta({ id: 'QueryParameter' });
export type ParamSpec = z.infer<typeof ParamSpec>;

export const QuerySummary = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    params: z.array(ParamSpec),
    returns: z.string(),
    builtin: z.boolean(),
    variants: z.array(z.enum(['ladybug', 'neo4j'])).describe('stores with a text of their own'),
    version: z.number().int().optional(),
    savedAt: z.string().optional(),
  })
  .meta({ id: 'QuerySummary' });
export type QuerySummary = z.infer<typeof QuerySummary>;
