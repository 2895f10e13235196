/**
 * Every route of /api, in the order Express tries them. The routers (app.ts) and the OpenAPI
 * document (openapi/document.ts) are both made from this list.
 */
import { auditRoutes } from './audit/router.ts';
import { authRoutes } from './auth/router.ts';
import { backupsRoutes } from './backups/router.ts';
import { cypherRoutes } from './cypher/router.ts';
import { docsRoutes } from './docs/router.ts';
import { editsRoutes } from './edits/router.ts';
import { exportRoutes } from './export/router.ts';
import { healthRoutes } from './health/router.ts';
import { importRoutes } from './import/router.ts';
import { nodesRoutes } from './nodes/router.ts';
import { oidcRoutes } from './oidc/router.ts';
import { openApiRoutes } from './openapi/route.ts';
import { pathsRoutes } from './paths/router.ts';
import { queriesRoutes } from './queries/router.ts';
import type { Route } from './route.ts';
import { schemaRoutes } from './schema/router.ts';
import { searchRoutes } from './search/router.ts';
import { sourcesRoutes } from './sources/router.ts';
import { subgraphRoutes } from './subgraph/router.ts';
import { usersRoutes } from './users/router.ts';
import { workspacesRoutes } from './workspaces/router.ts';

export const apiRoutes: readonly Route[] = [
  ...healthRoutes,
  ...authRoutes,
  ...usersRoutes,
  ...oidcRoutes,
  ...schemaRoutes,
  ...searchRoutes,
  ...nodesRoutes,
  ...editsRoutes,
  ...sourcesRoutes,
  ...pathsRoutes,
  ...queriesRoutes,
  ...cypherRoutes,
  ...exportRoutes,
  ...subgraphRoutes,
  ...importRoutes,
  ...workspacesRoutes,
  ...backupsRoutes,
  ...auditRoutes,
  ...openApiRoutes,
  ...docsRoutes,
];
