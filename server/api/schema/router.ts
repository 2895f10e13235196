/** GET /api/schema: the domain model, for clients that build forms, legends and filters from it. */
import { z } from 'zod';
import { describeSchema } from '../../model/schema.ts';
import { failures } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';

const Property = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string().optional(),
});
export const SchemaSchema = z
  .object({
    nodeKinds: z.array(
      z.object({ kind: z.string(), idPrefix: z.string(), description: z.string(), properties: z.array(Property) }),
    ),
    relationshipKinds: z.array(
      z.object({
        kind: z.string(),
        description: z.string(),
        endpoints: z.array(z.object({ from: z.string(), to: z.string() })),
        properties: z.array(Property),
      }),
    ),
  })
  .meta({ id: 'Schema' });

// the same for every request: described once
const body = describeSchema();

export const schemaRoutes = [
  defineRoute({
    method: 'get',
    path: '/schema',
    summary: 'Node kinds with their properties, relationship kinds with their endpoints',
    output: { status: 200, description: 'the domain schema', schema: SchemaSchema },
    errors: { ...failures },
    handler: () => body,
  }),
];
