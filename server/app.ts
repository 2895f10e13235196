/**
 * The Express application, built apart from `listen()` so tests drive the real app over HTTP.
 */
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger.ts';
import type { GraphStore } from './store/types.ts';
import { healthRouter } from './api/health/router.ts';
import { nodesRouter } from './api/nodes/router.ts';
import { openApiDocument } from './api/openapi/document.ts';
import { pathsRouter } from './api/paths/router.ts';
import { schemaRouter } from './api/schema/router.ts';
import { searchRouter } from './api/search/router.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { landingPage } from './landing-page.ts';
import { cypherRouter } from './api/cypher/router.ts';
import { queriesRouter } from './api/queries/router.ts';
import { exportRouter } from './api/export/router.ts';
import type { QueryCatalogue } from './queries/catalogue.ts';

export interface AppDeps {
  store: GraphStore;
  logger: Logger;
  queries: QueryCatalogue;
  /** ANALYST_CYPHER: whether analysts may run and save their own Cypher */
  analystCypher: boolean;
  version?: string;
}

export function createApp({ store, logger, queries, analystCypher, version = '0.1.0' }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(express.json({ limit: '2mb' }));

  const openapi = openApiDocument(version);
  const api = express.Router();
  api.use(
    healthRouter(store),
    schemaRouter(),
    searchRouter(store),
    nodesRouter(store),
    pathsRouter(store),
    queriesRouter(store, queries, analystCypher),
    cypherRouter(store, analystCypher),
    exportRouter(store, queries, analystCypher),
  );
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.use(notFoundHandler);
  app.use('/api', api);
  app.get('/', landingPage(store));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
