/** GET /api/health: is the store reachable, which is it, and how big is the graph. */
import { AppError } from '../../errors.ts';
import { graphCounts } from '../../graph/counts.ts';
import { HealthSchema, type Health } from '../../model/wire.ts';
import { failures } from '../errors-doc.ts';
import { actorOf, defineRoute } from '../route.ts';

export { HealthSchema };

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    permission: 'public',
    summary: 'Store status, and the graph size for a signed-in caller',
    description: 'Public, for load balancers and monitors: without a session or token it says only the status.',
    output: { status: 200, description: 'the store answers', schema: HealthSchema },
    errors: { ...failures },
    handler: async (_input, { store }, { res }) => {
      const state = store.status?.() ?? 'ready';
      const degraded = (s: Exclude<typeof state, 'ready'>): Health => ({
        status: 'degraded',
        backend: store.backend,
        store: s,
      });
      if (state !== 'ready') return degraded(state);
      // the size of the graph is not for anyone who reaches the port, and is counted at the reader's clearance
      const actor = actorOf(res);
      if (!actor) return { status: 'ok' as const, backend: store.backend };
      try {
        return { status: 'ok' as const, backend: store.backend, ...(await graphCounts(store, actor.clearance)) };
      } catch (error) {
        // the engine died while counting: the server is up, say so rather than fail
        if (error instanceof AppError && error.code === 'store_restarting') return degraded('restarting');
        throw error;
      }
    },
  }),
];
