/**
 * Readable API documentation at /api/docs that works offline: Swagger UI's own build
 * (swagger-ui-dist, from node_modules) drawing /api/openapi.json. Its start-up script is a file
 * of ours rather than an inline script, so the page runs under the server's one
 * Content-Security-Policy; only the two files the page needs are served from the package.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineRoute } from '../route.ts';

const require = createRequire(import.meta.url);
const SWAGGER_UI = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'swagger-ui.css',
  'swagger-ui-bundle.js': 'swagger-ui-bundle.js',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>scamnet API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>
`;

// deepLinking gives each operation a URL; the validator badge would call out to the network.
const START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

const page = (description: string) => ({ status: 200 as const, description });

/** The documentation pages: served, but not operations of the API, so not in the document. */
export const docsRoutes = [
  defineRoute({
    method: 'get',
    path: '/docs',
    permission: 'public',
    summary: 'The API documentation page',
    undocumented: true,
    writesOwnAnswer: true,
    output: page('Swagger UI'),
    handler: (_input, _deps, { res }) => void res.type('html').send(PAGE),
  }),
  defineRoute({
    method: 'get',
    path: '/docs/start.js',
    permission: 'public',
    summary: 'Its start-up script',
    undocumented: true,
    writesOwnAnswer: true,
    output: page('the script'),
    handler: (_input, _deps, { res }) => void res.type('js').send(START),
  }),
  defineRoute({
    method: 'get',
    path: '/docs/:asset',
    permission: 'public',
    summary: 'Swagger UI’s script and style sheet',
    undocumented: true,
    writesOwnAnswer: true,
    output: page('the asset'),
    handler: (_input, _deps, { req, res, next }) => {
      const file = ASSETS[String(req.params.asset)];
      if (!file) return next();
      res.sendFile(path.join(SWAGGER_UI, file), { maxAge: '1d' });
    },
  }),
];
