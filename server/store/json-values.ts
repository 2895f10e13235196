/** Conversions from engine scalars to plain JSON that both adapters share. */
import { propertyTypes } from '../model/schema.ts';
import type { JsonValue } from './types.ts';

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Integers beyond 2^53 cannot be JSON numbers without losing digits; they become strings. */
export function bigintToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/** A stored property, formatted by its declared type (DATE properties as YYYY-MM-DD). */
export function propertyToJson(name: string, value: JsonValue | Date, convert: (v: unknown) => JsonValue): JsonValue {
  if (value instanceof Date) return propertyTypes.get(name) === 'DATE' ? isoDate(value) : value.toISOString();
  return convert(value);
}
