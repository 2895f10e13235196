/**
 * The OpenAPI document, generated from the route declarations (routes.ts) the server serves, with
 * the same zod schemas the routes validate with, so the documentation and the code cannot drift apart.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { apiRoutes } from '../routes.ts';
import type { Route } from '../route.ts';
import { REQUEST_EXAMPLES } from './examples.ts';

export function openApiDocument(version: string, routes: readonly Route[] = apiRoutes) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'scamnet_session',
    description: 'the session cookie POST /api/auth/sign-in sets (HttpOnly, SameSite=Strict)',
  });
  registry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'an API token (`snt_…`) made by POST /api/users/{name}/tokens or `npm run user -- token <name>`',
  });
  for (const route of routes)
    if (!route.undocumented) registry.registerPath({ method: route.method, path: route.openApiPath, ...route.openApi });
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'scamnet API',
      version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Link analysis of trafficking-fuelled scam centres. Errors are `{error: {code, message, details}}`. Every path answers 421 misdirected_request to a Host it does not serve; POST, PUT, PATCH and DELETE answer 403 cross_origin from another origin (or, without Origin and Referer, unless the body is JSON or X-Scamnet-Request is sent) and 415 unsupported_content_type for bodies other than JSON.',
    },
    servers: [{ url: '/' }],
    // Each operation says what it needs (route.ts): the session cookie or an API token, or, for
    // the public ones, nothing (an empty requirement is how OpenAPI writes "anonymous").
    security: [{ session: [] }, { token: [] }],
  });
  // Every operation named, so generated clients and documentation tools have stable handles:
  // the method and the path's words (`post /api/queries/{name}/run` → postQueriesNameRun).
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, { operationId?: string }>)) {
      if (!operation || typeof operation !== 'object' || operation.operationId) continue;
      const words = route
        .replace(/^\/api\//, '')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean);
      operation.operationId = method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    }
  }
  for (const [key, example] of Object.entries(REQUEST_EXAMPLES)) {
    const [method, route] = key.split(' ') as [string, string];
    const operation = (document.paths?.[route] as Record<string, { requestBody?: unknown }> | undefined)?.[method];
    const body = operation?.requestBody as { content?: Record<string, { examples?: unknown }> } | undefined;
    const json = body?.content?.['application/json'];
    if (json) json.examples = { seed: example };
  }
  return document;
}
