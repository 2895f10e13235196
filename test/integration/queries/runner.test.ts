/**
 * The saved queries run the way the server runs them (server/queries/runner.ts: parameter check,
 * token guard, the engine's read-only plan check, analyst lane) on the hand-made graph of
 * test/support/query-graph.ts: every query answers with a table and graph elements, and the
 * declared parameters are checked and defaulted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/app-harness.ts';
import { queryGraph } from '../../support/query-graph.ts';
import {
  library,
  GRAPH_COLUMNS,
  SAMPLE_PARAMS,
  query,
  run,
  table,
  holdsGraphCell,
  expectValidationError,
} from '../../support/query-library.ts';

describe('on the hand-made graph', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(queryGraph());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every query answers with a table and graph elements', async () => {
    for (const q of library) {
      const result = await run(h, q.name, SAMPLE_PARAMS[q.name]);
      expect(result.rows.length, q.name).toBeGreaterThan(0);
      expect(result.graph.nodes.length, q.name).toBeGreaterThan(0);
      const graphColumns = GRAPH_COLUMNS[q.name]!;
      expect(result.columns, q.name).toEqual(expect.arrayContaining(graphColumns));
      expect(result.columns.length, q.name).toBeGreaterThan(graphColumns.length);
      expect(
        result.rows.some((row) => graphColumns.some((c) => holdsGraphCell(row[c]!))),
        q.name,
      ).toBe(true);
      for (const row of table(q.name, result))
        for (const [c, v] of Object.entries(row)) expect(holdsGraphCell(v), `${q.name}.${c}`).toBe(false);
    }
  });

  describe('parameters', () => {
    it('refuses a missing required parameter', async () => {
      await expectValidationError(run(h, 'routes-from-country', {}));
      await expectValidationError(run(h, 'new-links', { from: '2024-05-01' }));
      await expectValidationError(run(h, 'shortest-connection', { from: 'facilitator:qf4' }));
    });

    it('refuses a value of the wrong type', async () => {
      await expectValidationError(run(h, 'routes-from-country', { country: 42 }));
      await expectValidationError(run(h, 'routes-from-country', { country: 'Kenya' }));
      await expectValidationError(run(h, 'shared-facilitators', { minCentres: 'two' }));
      await expectValidationError(run(h, 'shared-facilitators', { minCentres: 1.5 }));
      await expectValidationError(run(h, 'new-links', { from: '2024-05-01', to: 'next May' }));
      await expectValidationError(run(h, 'convergence-centres', { categories: [1, 2] }));
      await expectValidationError(run(h, 'weak-links', { minGrade: null }));
    });

    it('refuses a parameter the query does not declare', async () => {
      await expectValidationError(run(h, 'origin-and-transit', { country: 'country:KE' }));
    });

    it('applies the declared defaults', async () => {
      expect(query('weak-links').params).toEqual([
        expect.objectContaining({ name: 'minGrade', required: false, default: 'C3' }),
      ]);
      expect(table('weak-links', await run(h, 'weak-links'))).toEqual(
        table('weak-links', await run(h, 'weak-links', { minGrade: 'C3' })),
      );
      expect(table('weak-links', await run(h, 'weak-links'))).not.toEqual(
        table('weak-links', await run(h, 'weak-links', { minGrade: 'B5' })),
      );
      // maxHops defaults to 4: a three-hop connection is found, and not with 2
      expect((await run(h, 'shortest-connection', { from: 'notice:qpurple', to: 'centre:qc' })).rows).toHaveLength(1);
      expect(
        (await run(h, 'shortest-connection', { from: 'notice:qpurple', to: 'centre:qc', maxHops: 2 })).rows,
      ).toHaveLength(0);
      expect(query('top-facilitators').params[0]).toMatchObject({ name: 'limit', default: 10 });
      expect(query('shared-facilitators').params[0]).toMatchObject({ name: 'minCentres', default: 2 });
      expect(query('convergence-centres').params[0]).toMatchObject({ default: ['drugs', 'firearms', 'wildlife'] });
    });
  });
});
