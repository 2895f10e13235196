/** zod helpers for query strings, where lists arrive as `a,b` or as repeated keys. */
import { z } from 'zod';

/**
 * A list given as `kinds=A,B` or `kinds=A&kinds=B`, each item checked by `item`. A list with no
 * items (`kinds=` or `kinds=,`) counts as not given: an empty filter would otherwise mean "none"
 * in one place and "all" in another.
 */
export function csvList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    const items = parts.map((p) => p.trim()).filter(Boolean);
    return items.length > 0 ? items : undefined;
  }, z.array(item).optional());
}

export const intParam = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
