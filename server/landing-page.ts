/**
 * The status page at `/status` (and at `/` when the client has not been built): what is running, how big the
 * graph is, and where the API and its documentation are.
 */
import type { RequestHandler } from 'express';
import { graphCounts } from './graph/counts.ts';
import type { GraphStore } from './store/types.ts';
import { actorOf } from './api/route.ts';

const LINKS: Array<[string, string]> = [
  ['/api/health', 'store status and graph size'],
  ['/api/schema', 'node and relationship kinds'],
  ['/api/search?q=namibia', 'search: “namibia”'],
  ['/api/nodes/centre:na-2024-01', 'a node: the Namibia centre dismantled in 2024'],
  ['/api/nodes/centre:na-2024-01/neighbors?depth=1', 'its neighbourhood'],
  ['/api/queries', 'the saved Cypher query library (run one with POST /api/queries/:name/run)'],
  ['/api/openapi.json', 'OpenAPI 3.1 description of every endpoint'],
  ['/api/docs', 'the same, readable in a browser (Swagger UI, offline)'],
];

export function landingPage(store: GraphStore): RequestHandler {
  return async (_req, res) => {
    // the graph's size only for a signed-in reader, at their clearance, as on /api/health
    const actor = actorOf(res);
    const { nodes, relationships } = actor
      ? await graphCounts(store, actor.clearance)
      : { nodes: '–', relationships: '–' };
    const items = LINKS.map(([href, text]) => `<li><a href="${href}"><code>${href}</code></a> — ${text}</li>`).join(
      '\n',
    );
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>scamnet</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
h1{margin-bottom:0}.stats{display:flex;gap:2rem;margin:1.5rem 0}.stat b{display:block;font-size:2rem}
code{background:#eef1f6;padding:0 .25rem;border-radius:3px}</style></head>
<body><h1>scamnet</h1>
<p>Link analysis of trafficking-fuelled scam centres. The graph API is running; the investigator client is at <a href="/">/</a>.</p>
<div class="stats"><div class="stat"><b id="nodes">${nodes}</b>nodes</div>
<div class="stat"><b id="relationships">${relationships}</b>relationships</div>
<div class="stat"><b id="backend">${store.backend}</b>store</div></div>
<ul>${items}</ul>
<p>Synthetic records (marked <code>synthetic: true</code>) are illustrative, generated around facts drawn from public INTERPOL reports.</p>
</body></html>`);
  };
}
