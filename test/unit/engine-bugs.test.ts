/**
 * The LadybugDB 0.19.1 aggregate bug the query library ran into: with grouping keys, a plain
 * aggregate after a DISTINCT one aborts the process or counts 0. The refusal must catch exactly
 * that order and let every other shape through.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
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
  ])('refuses a plain aggregate after a DISTINCT one with grouping keys: %s', (query) => {
    const error = refusal(query);
    expect(error?.code).toBe('unsupported_query');
    expect(error?.message).toMatch(/put the plain aggregates before the DISTINCT ones/);
  });

  it('names the two aggregates as written', () => {
    expect(refusal('MATCH (r) RETURN r.mode AS m, count(DISTINCT r.grade) AS g, collect(r.id) AS ids')?.details).toEqual({
      engine: 'ladybug',
      distinct: 'count(DISTINCT r.grade) AS g',
      plain: 'collect(r.id) AS ids',
    });
  });

  it.each([
    'MATCH (r:Route) RETURN r.mode AS mode, count(*) AS n, count(DISTINCT r.grade) AS g',
    'MATCH (r:Route) RETURN count(DISTINCT r.grade) AS g, collect(r.id) AS ids',
    'MATCH (r:Route) RETURN r.mode AS mode, count(DISTINCT r.grade) AS g, count(DISTINCT r.tlp) AS t',
    'MATCH (r:Route) WITH DISTINCT r.mode AS mode, r RETURN mode, count(r) AS n',
    "MATCH (r:Route) WHERE r.name = 'count(DISTINCT x), count(*)' RETURN r.mode AS m, count(*) AS n",
    'MATCH (r:Route) RETURN r.mode AS mode, count(DISTINCT r.grade) AS g ORDER BY g DESC LIMIT 3',
  ])('lets other shapes through: %s', (query) => {
    expect(refusal(query)).toBeUndefined();
  });
});
