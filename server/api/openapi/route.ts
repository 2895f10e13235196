/** GET /api/openapi.json: the document built from the route declarations (document.ts). */
import { z } from 'zod';
import { json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';

export const openApiRoutes = [
  defineRoute({
    method: 'get',
    path: '/openapi.json',
    permission: 'public',
    summary: 'This document',
    output: {
      status: 200,
      description: 'the OpenAPI 3.1 document',
      schema: z.object({ openapi: z.string() }).loose(),
    },
    errors: { 421: json(ErrorSchema, 'misdirected_request: the Host is not one this server serves') },
    handler: (_input, { openapi }) => openapi as { openapi: string },
  }),
];
