import request from 'supertest';
import { startHarness } from './test/support/app-harness.ts';
import { smallGraph } from './test/support/small-graph.ts';
const h = await startHarness(smallGraph(), { limits: { timeoutMs: 2000 } });
const t0 = performance.now();
const big = request(h.app).post('/api/cypher').send({ query: 'RETURN range(1, 4000000) AS r' }).then((r) => [r.status, r.body.error?.code, Math.round(performance.now() - t0)]);
await new Promise((r) => setTimeout(r, 200));
const hs: number[] = [];
for (let i = 0; i < 5; i++) { const s = performance.now(); await request(h.app).get('/api/health'); hs.push(Math.round(performance.now() - s)); await new Promise((r) => setTimeout(r, 300)); }
console.log('health ms during big list:', hs, 'big:', await big, 'rss MB', Math.round(process.memoryUsage().rss / 1e6));
await h.close();
