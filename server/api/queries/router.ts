/**
 * /api/queries: the query library (built-in and saved), running a query with checked parameters,
 * and analysts saving, changing and deleting their own.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { assertAnalystCypher, assertMayRunQuery } from '../../cypher/analyst-switch.ts';
import { parseInput } from '../../http/validate.ts';
import { formatHeader } from '../../queries/header.ts';
import { ParamSpec } from '../../queries/params.ts';
import type { CatalogueEntry, QueryCatalogue } from '../../queries/catalogue.ts';
import { runSavedQuery } from '../../queries/runner.ts';
import { SavedQueryInput } from '../../queries/user-queries.ts';
import type { GraphStore } from '../../store/types.ts';

export const QueryName = z.object({ name: z.string().min(1).max(64) });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const RunBody = z.object({ params: z.record(z.string(), z.unknown()).default({}) }).meta({ id: 'RunQuery' });

export const QuerySummary = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    params: z.array(ParamSpec),
    returns: z.string(),
    builtin: z.boolean(),
    variants: z.array(z.enum(['ladybug', 'neo4j'])).describe('stores with a text of their own'),
    version: z.number().int().optional(),
    savedAt: z.string().optional(),
  })
  .meta({ id: 'QuerySummary' });
export const QueryDetail = QuerySummary.extend({
  dialect: z.enum(['ladybug', 'neo4j']),
  query: z.string().describe('the Cypher the active store runs'),
  source: z.string().describe('the query as a .cypher file: header and Cypher'),
}).meta({ id: 'QueryDetail' });

function summary(entry: CatalogueEntry): z.infer<typeof QuerySummary> {
  const { texts: _texts, ...rest } = entry;
  return rest;
}

/** Refuses analysts' own Cypher (ad hoc, and saving or running their queries) when ANALYST_CYPHER is off. */
export function requireAnalystCypher(enabled: boolean): RequestHandler {
  return (_req, _res, next) => {
    assertAnalystCypher(enabled);
    next();
  };
}

export function queriesRouter(store: GraphStore, catalogue: QueryCatalogue, analystCypher: boolean): Router {
  const edits = requireAnalystCypher(analystCypher);
  const detail = (entry: CatalogueEntry): z.infer<typeof QueryDetail> => {
    const query = entry.texts[store.dialect.name];
    return { ...summary(entry), dialect: store.dialect.name, query, source: `${formatHeader(entry)}\n\n${query}\n` };
  };
  return Router()
    .get('/queries', (_req, res) => {
      res.json({ queries: catalogue.list().map(summary) });
    })
    .get('/queries/:name', (req, res) => {
      const { name } = parseInput(QueryName, req.params, 'query name');
      const { version } = parseInput(VersionQuery, req.query, 'version');
      res.json(detail(catalogue.get(name, version)));
    })
    .get('/queries/:name/versions', (req, res) => {
      const { name } = parseInput(QueryName, req.params, 'query name');
      res.json({ name, versions: catalogue.versions(name) });
    })
    .post('/queries/:name/run', async (req, res) => {
      const { name } = parseInput(QueryName, req.params, 'query name');
      const { params } = parseInput(RunBody, req.body ?? {}, 'request body');
      const entry = catalogue.get(name);
      assertMayRunQuery(entry, analystCypher);
      res.json(await runSavedQuery(store, entry, params));
    })
    .post('/queries', edits, async (req, res) => {
      const input = parseInput(SavedQueryInput, req.body, 'query');
      res.status(201).json(detail(await catalogue.save(input, false)));
    })
    .put('/queries/:name', edits, async (req, res) => {
      const { name } = parseInput(QueryName, req.params, 'query name');
      const input = parseInput(SavedQueryInput, { ...req.body, name }, 'query');
      res.json(detail(await catalogue.save(input, true)));
    })
    .delete('/queries/:name', edits, async (req, res) => {
      const { name } = parseInput(QueryName, req.params, 'query name');
      await catalogue.remove(name);
      res.status(204).end();
    });
}
