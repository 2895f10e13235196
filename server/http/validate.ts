/** Request validation: parse once with zod and keep the parsed value (never re-read req.query). */
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'validation_error',
    `invalid ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || what} ${i.message}`).join('; ')}`,
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
