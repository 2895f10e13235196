/**
 * Serves the built client at `/`. Paths that are not files fall back to index.html so a shared
 * link (`/?nodes=…`) or a reload opens the app; `/api` is never shadowed.
 */
import path from 'node:path';
import express, { type Router } from 'express';
import { CLIENT_DIST } from './client-build.ts';

export function clientRouter(): Router {
  const router = express.Router();
  router.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex }));
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(CLIENT_DIST, 'index.html'));
  });
  return router;
}

// index.html names the hashed bundles, so it must be revalidated; the bundles may be cached.
function noCacheForIndex(res: express.Response, file: string): void {
  if (file.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
