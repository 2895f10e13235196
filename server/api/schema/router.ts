/** GET /api/schema: the domain model, for clients that build forms, legends and filters from it. */
import { Router } from 'express';
import { z } from 'zod';
import { describeSchema } from '../../model/schema.ts';

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

export function schemaRouter(): Router {
  const body = describeSchema();
  return Router().get('/schema', (_req, res) => {
    res.json(body);
  });
}
