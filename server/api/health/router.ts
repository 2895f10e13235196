/** GET /api/health: is the store reachable, which is it, and how big is the graph. */
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { graphCounts } from '../../graph/counts.ts';
import type { GraphStore } from '../../store/types.ts';

export const HealthSchema = z
  .object({
    status: z
      .enum(['ok', 'degraded'])
      .describe('degraded while the graph engine restarts: the server answers, the graph does not'),
    backend: z.enum(['embedded', 'neo4j']),
    nodes: z.number().int().optional(),
    relationships: z.number().int().optional(),
    store: z.enum(['starting', 'ready', 'restarting', 'closed']).optional().describe('set when the store is not ready'),
  })
  .meta({ id: 'Health' });

export function healthRouter(store: GraphStore): Router {
  return Router().get('/health', async (_req, res) => {
    const state = store.status?.() ?? 'ready';
    const degraded = (s: Exclude<typeof state, 'ready'>): z.infer<typeof HealthSchema> => ({
      status: 'degraded',
      backend: store.backend,
      store: s,
    });
    if (state !== 'ready') return void res.json(degraded(state));
    try {
      const body: z.infer<typeof HealthSchema> = {
        status: 'ok',
        backend: store.backend,
        ...(await graphCounts(store)),
      };
      res.json(body);
    } catch (error) {
      // the engine died while counting: the server is up, say so rather than fail
      if (error instanceof AppError && error.code === 'store_restarting') return void res.json(degraded('restarting'));
      throw error;
    }
  });
}
