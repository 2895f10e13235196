/** The error answers the OpenAPI document gives, shared by the route declarations. */
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { ErrorSchema } from './schemas.ts';

export const json = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema } },
});
export const errors = {
  400: json(
    ErrorSchema,
    'invalid input: `error.code` is validation_error (with `details` listing each problem) or bad_request',
  ),
  404: json(ErrorSchema, 'no such node or query'),
  403: json(
    ErrorSchema,
    'refused: `error.code` names why — write_not_allowed, file_access, settings_not_allowed, transaction_not_allowed, procedure_not_allowed, operation_not_allowed',
  ),
  409: json(ErrorSchema, 'the name is taken (built-in queries cannot be overwritten)'),
};
/** What any endpoint may answer when the server or the store fails or is slow. */
export const failures = {
  413: json(ErrorSchema, 'the request body is larger than 2 MB'),
  500: json(ErrorSchema, 'the server or the graph store failed'),
  503: json(ErrorSchema, 'the graph store is unavailable'),
  504: json(ErrorSchema, 'the query ran longer than QUERY_TIMEOUT_MS'),
};
