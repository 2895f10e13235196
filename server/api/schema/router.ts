/** GET /api/schema: the domain model, for clients that build forms, legends and filters from it. */
import { describeSchema } from '../../model/schema.ts';
import { SchemaSchema } from '../../model/wire.ts';
import { failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';

export { SchemaSchema };

// the same for every request: described once
const body = describeSchema();

export const schemaRoutes = [
  defineRoute({
    method: 'get',
    path: '/schema',
    permission: 'graph:read',
    summary: 'Node kinds with their properties, relationship kinds with their endpoints',
    output: { status: 200, description: 'the domain schema', schema: SchemaSchema },
    errors: { ...failures },
    handler: () => body,
  }),
];
