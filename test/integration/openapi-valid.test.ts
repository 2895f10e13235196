/**
 * The OpenAPI document read by a parser this project did not write: @apidevtools/swagger-parser
 * validates it against the OpenAPI 3.1 schema and resolves every $ref. (Before: POST
 * /api/subgraph carried `body` where the specification has `requestBody`, which the validator
 * rejects; no operation had an operationId.)
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/api/routes.ts';
import { REQUEST_EXAMPLES } from '../../server/api/openapi/examples.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document to swagger-parser, with every $ref resolved', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').expect(200)).body;
    const api = await SwaggerParser.validate(structuredClone(doc));
    expect(api.info.title).toBe('scamnet API');
  });

  it('names every operation once, gives request bodies as requestBody, and lists itself', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const ids: string[] = [];
    for (const [route, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.operationId, `${method} ${route}`).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        ids.push(String(operation.operationId));
        expect(operation, `${method} ${route}`).not.toHaveProperty('body');
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/subgraph']!.post).toHaveProperty('requestBody');
    expect(doc.paths).toHaveProperty('/api/openapi.json');
  });

  it('documents exactly the declared routes, and Express serves every declared route', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([route, item]) =>
      Object.keys(item).map((m) => `${m} ${route}`),
    );
    const declared = apiRoutes.filter((r) => !r.undocumented).map((r) => `${r.method} ${r.openApiPath}`);
    expect(documented.sort()).toEqual(declared.sort());
    // a route the table declares but Express did not get would fall through to "no route …"
    for (const route of apiRoutes) {
      // an unknown asset falls through on purpose, so the probe asks for one that exists
      const url =
        '/api' +
        route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name) => (name === 'asset' ? 'swagger-ui.css' : 'zz-route-probe'));
      const res = await request(h.app)[route.method](url).set('Content-Type', 'application/json').send('{}');
      expect(String(res.body?.error?.message ?? ''), `${route.method} ${route.path}`).not.toMatch(/^no route/);
    }
  });
});

describe('the request examples of /api/openapi.json', () => {
  let seed: Harness;
  beforeAll(async () => {
    seed = await startHarness(buildSeedGraph({ seed: 42, scale: 0.2 }));
  }, 120_000);
  afterAll(async () => {
    await seed?.close();
  });

  it('are in the document, and the server answers each with a 2xx on the seed graph', async () => {
    const doc = (await request(seed.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { examples?: object }> } }>>;
    };
    expect(Object.keys(REQUEST_EXAMPLES).length).toBeGreaterThanOrEqual(6);
    for (const [key, example] of Object.entries(REQUEST_EXAMPLES)) {
      const [method, route] = key.split(' ') as ['post', string];
      const documented = doc.paths[route]?.[method]?.requestBody?.content['application/json']?.examples;
      expect(documented, key).toEqual({ seed: example });
      const url = route.replace('{name}', 'centre-profile');
      const res = await request(seed.app)
        [method](url)
        .send(example.value as object);
      expect(res.status, `${key}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${key}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
    }
  });
});
