/**
 * The LadybugDB 0.19.1 aggregate bug the query library ran into: with grouping keys, a plain
 * aggregate after a DISTINCT one aborts the process or counts 0. The refusal must catch exactly
 * that order and let every other shape through.
 */
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../server/errors.ts';
import { refuseKnownEngineBugs } from '../../server/store/embedded/engine-bugs.ts';

function refusal(query: string): AppError | undefined {
  try {
    refuseKnownEngineBugs(query);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('known engine bugs', () => {
  it.each([
    'MATCH (r:Route) RETURN r.mode AS mode, count(DISTINCT r.grade) AS g, collect(r.id) AS ids',
    'MATCH (r:Route) WITH r.mode AS mode, count(DISTINCT r.grade) AS g, count(*) AS n RETURN mode, g, n',
    'MATCH (c)<-[:ORIGINATES_IN]-(r) RETURN c.id AS cid, size(collect(DISTINCT r.mode)) AS modes, sum(1) AS n',
    'match (r) return r.mode, COUNT(distinct r.a), max(r.b)',
    // the same order nested inside one item: each of these aborted the process or answered wrong
    // numbers when run on the engine in a process of its own
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, [count(DISTINCT m.id), size(collect(r.id))] AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, {a: count(DISTINCT m.id), b: count(*)} AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, {a: count(DISTINCT m.id), b: collect(r.id)} AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, count(DISTINCT m.id) + count(*) AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, CASE WHEN count(DISTINCT m.id) > 0 THEN count(*) ELSE 0 END AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, coalesce(count(DISTINCT m.id), 0) AS a, coalesce(sum(1), 0) AS b',
    'MATCH (c:Centre)-[r]-(m) RETURN count(DISTINCT m.id) AS a, c.id AS k, count(*) AS b',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, count(*) AS b, count(DISTINCT m.id) AS a, count(r) AS z',
    'MATCH (c:Centre)-[r]-(m) RETURN DISTINCT c.id AS k, count(DISTINCT m.id) AS a, count(*) AS b',
    'MATCH (c:Centre)-[r]-(m) WITH c, [x IN collect(DISTINCT m) | x.id] AS a, min(m.id) AS b RETURN c.id, a, b',
    'MATCH (c)-[r]-(m) CALL { WITH c RETURN c.id AS k, count(DISTINCT c) AS a, count(*) AS b } RETURN k',
  ])('refuses a plain aggregate after a DISTINCT one with grouping keys: %s', (query) => {
    const error = refusal(query);
    expect(error?.code).toBe('unsupported_query');
    expect(error?.message).toMatch(/put the plain aggregates before the DISTINCT ones/);
  });

  it('names the two aggregates as written', () => {
    expect(
      refusal('MATCH (r) RETURN r.mode AS m, count(DISTINCT r.grade) AS g, collect(r.id) AS ids')?.details,
    ).toEqual({
      engine: 'ladybug',
      distinct: 'count(DISTINCT r.grade)',
      plain: 'collect(r.id)',
    });
  });

  it.each([
    'MATCH (r:Route) RETURN r.mode AS mode, count(*) AS n, count(DISTINCT r.grade) AS g',
    'MATCH (r:Route) RETURN count(DISTINCT r.grade) AS g, collect(r.id) AS ids',
    'MATCH (r:Route) RETURN r.mode AS mode, count(DISTINCT r.grade) AS g, count(DISTINCT r.tlp) AS t',
    'MATCH (r:Route) WITH DISTINCT r.mode AS mode, r RETURN mode, count(r) AS n',
    "MATCH (r:Route) WHERE r.name = 'count(DISTINCT x), count(*)' RETURN r.mode AS m, count(*) AS n",
    'MATCH (r:Route) RETURN r.mode AS mode, count(DISTINCT r.grade) AS g ORDER BY g DESC LIMIT 3',
    // without a grouping key every order is right (checked on the engine)
    'MATCH (c:Centre)-[r]-(m) RETURN count(DISTINCT m.id) + count(*) AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN [count(DISTINCT m.id), size(collect(r.id))] AS x',
    // plain first, nested or not
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, {b: count(*), a: count(DISTINCT m.id)} AS x',
    'MATCH (c:Centre)-[r]-(m) RETURN c.id AS k, count(m.id) AS b, count(DISTINCT m.id) AS a',
    // a subquery's RETURN ends at its brace: the outer projection's aggregates are not its own
    'MATCH (c) WITH c, count(*) AS n CALL { WITH c MATCH (c)--(m) RETURN count(DISTINCT m) AS d } RETURN c.id, n, d',
  ])('lets other shapes through: %s', (query) => {
    expect(refusal(query)).toBeUndefined();
  });
});
