/**
 * Reads a property's storage type off its zod schema, so the DDL of both stores is derived from
 * the one domain definition instead of being written again by hand.
 */
import type { z } from 'zod';

export const STORAGE_TYPES = ['STRING', 'INT64', 'DOUBLE', 'BOOLEAN', 'DATE', 'STRING[]'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];

interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } };
  format?: string | null;
}

/** Unwraps optional/nullable/default and returns the inner schema. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as unknown as ZodInternals;
  while (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(current._zod.def.type)) {
    current = current._zod.def.innerType as unknown as ZodInternals;
  }
  return current as unknown as z.ZodType;
}

export function storageTypeOf(schema: z.ZodType, where = 'property'): StorageType {
  const inner = unwrap(schema) as unknown as ZodInternals;
  const def = inner._zod.def;
  switch (def.type) {
    case 'string':
      return inner.format === 'date' ? 'DATE' : 'STRING';
    case 'enum':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return inner.format === 'safeint' || inner.format === 'int32' ? 'INT64' : 'DOUBLE';
    case 'array': {
      const element = storageTypeOf(def.element as z.ZodType, `${where}[]`);
      if (element !== 'STRING') break;
      return 'STRING[]';
    }
  }
  throw new Error(`${where}: no storage type for zod type "${def.type}"`);
}

/** The allowed values of an enum property (through optional/nullable/default), else undefined. */
export function enumValuesOf(schema: z.ZodType): string[] | undefined {
  const inner = unwrap(schema) as unknown as { _zod: { def: { type: string; entries?: Record<string, string> } } };
  const { type, entries } = inner._zod.def;
  return type === 'enum' && entries ? Object.values(entries) : undefined;
}

/** True when the schema accepts a missing value (optional, nullable or defaulted). */
export function isRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}
