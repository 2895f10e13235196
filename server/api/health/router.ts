/** GET /api/health: is the store reachable, which is it, and how big is the graph. */
import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../../store/types.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    backend: z.enum(['embedded', 'neo4j']),
    nodes: z.number().int(),
    relationships: z.number().int(),
  })
  .meta({ id: 'Health' });

export async function graphCounts(store: GraphStore): Promise<{ nodes: number; relationships: number }> {
  const nodes = await store.read('MATCH (n) RETURN count(n) AS c');
  const relationships = await store.read('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(nodes.rows[0]?.c ?? 0), relationships: Number(relationships.rows[0]?.c ?? 0) };
}

export function healthRouter(store: GraphStore): Router {
  return Router().get('/health', async (_req, res) => {
    const body: z.infer<typeof HealthSchema> = { status: 'ok', backend: store.backend, ...(await graphCounts(store)) };
    res.json(body);
  });
}
