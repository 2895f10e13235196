/** The web client core, run in node: the parameters detected in a Cypher text (core/query/cypher-params.ts). */
import { describe, expect, it } from 'vitest';
import { detectParams, guessParam, parameterNamesOf, queryNameOf } from '../../../src/core/query/cypher-params.ts';

describe('parameters detected in Cypher', () => {
  it('finds each $name once, in order, and none in strings, comments or backquoted names', () => {
    const text = [
      'MATCH (c:Centre {id: $centre}) // not $inComment',
      "/* nor $inBlock */ WHERE c.name <> \"$inDouble\" AND c.status <> '$inSingle \\' $stillIn'",
      'AND c.`$inBackquotes` = $status RETURN c LIMIT $limit',
      'UNION MATCH (c:Centre {id: $centre}) RETURN c LIMIT $limit',
    ].join('\n');
    expect(parameterNamesOf(text)).toEqual(['centre', 'status', 'limit']);
    expect(parameterNamesOf('RETURN 1')).toEqual([]);
    expect(parameterNamesOf('RETURN $ , $1, $_x')).toEqual(['_x']);
  });

  it('guesses an id of the kind its pattern or variable has, else the kind it is named for', () => {
    expect(guessParam('MATCH (c:Centre {id: $x}) RETURN c', 'x')).toMatchObject({ type: 'id', kind: 'Centre' });
    expect(guessParam('MATCH (o:Operation) WHERE o.id = $op RETURN o', 'op')).toMatchObject({
      type: 'id',
      kind: 'Operation',
    });
    expect(guessParam('MATCH (n) WHERE n.id = $from RETURN n', 'from')).toEqual({
      name: 'from',
      type: 'id',
      required: true,
      description: '',
    });
    expect(guessParam('MATCH (n) WHERE n.name = $country RETURN n', 'country')).toMatchObject({
      type: 'id',
      kind: 'Country',
    });
    expect(guessParam('MATCH (s:ScamType) WHERE s.id IN $types RETURN s', 'types')).toMatchObject({
      type: 'list<id>',
      kind: 'ScamType',
    });
  });

  it('guesses counts, numbers, dates, booleans, lists and strings from use and name', () => {
    const text =
      'MATCH (c:Centre) WHERE c.status IN $statuses AND c.firstSeen >= $since AND c.share > $share AND c.synthetic = $synthetic AND c.name = $hub RETURN c SKIP $offset LIMIT $n';
    const types = Object.fromEntries(detectParams(text).map((p) => [p.name, p.type]));
    expect(types).toEqual({
      statuses: 'list<string>',
      since: 'date',
      share: 'number',
      synthetic: 'boolean',
      hub: 'string',
      offset: 'integer',
      n: 'integer',
    });
    expect(guessParam('MATCH p = (a)-[*1..$maxHops]-(b) RETURN p', 'maxHops').type).toBe('integer');
    expect(guessParam('RETURN $minCentres', 'minCentres').type).toBe('integer');
  });

  it('keeps a corrected declaration while its name is used, and drops names no longer used', () => {
    const corrected = { name: 'hub', type: 'id' as const, kind: 'Region' as const, required: true, description: 'x' };
    const params = detectParams('MATCH (r) WHERE r.id = $hub AND r.x = $other RETURN r', [
      corrected,
      { name: 'gone', type: 'string', required: true, description: '' },
    ]);
    expect(params.map((p) => p.name)).toEqual(['hub', 'other']);
    expect(params[0]).toBe(corrected);
  });

  it('makes a query name from a title the server takes', () => {
    expect(queryNameOf('Centres in Côte d’Ivoire, 2024')).toBe('centres-in-cote-d-ivoire-2024');
    expect(queryNameOf('2024 raids')).toBe('raids');
    expect(queryNameOf('!')).toBe('');
    expect(queryNameOf('x'.repeat(100))).toHaveLength(64);
    for (const title of ['A b', 'Über Straße', '--a--b--', 'x'.repeat(70) + ' y'])
      expect(queryNameOf(title)).toMatch(/^[a-z][a-z0-9-]{1,63}$/);
  });
});
