/**
 * The Neo4j adapter's conversions, on values built with neo4j-driver's own classes (what the
 * driver hands back from a real server), plus its error mapping and its refusal to start without
 * a server. The live behaviour is in test/neo4j/.
 */
import { createServer } from 'node:net';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { GraphCollector } from '../../server/store/graph-collector.ts';
import { Neo4jStore, neo4jError } from '../../server/store/neo4j/neo4j-store.ts';
import { Neo4jValues, toDriverParams } from '../../server/store/neo4j/values.ts';
import type { JsonValue } from '../../server/store/types.ts';
import { provWith } from '../support/fixtures.ts';

const { Node, Relationship, PathSegment, Path, Point } = neo4j.types;
const { Date: Neo4jDate, DateTime, LocalDateTime, Time, LocalTime, Duration } = neo4j.types;
const int = neo4j.int;

const prov = provWith({ grade: 'B2', tlp: 'AMBER', sourceIds: ['source:doc'], synthetic: false });

const country = new Node(
  int(1),
  ['Country'],
  {
    id: 'country:NA',
    name: 'Namibia',
    iso2: 'NA',
    lat: -22.5,
    lng: 17.0,
    subregion: null,
    searchKey: '|namibia|',
    firstSeen: new Neo4jDate(int(2024), int(1), int(15)),
    ...prov(),
  },
  'elem-1',
);
const centre = new Node(
  int(2),
  ['Flagged', 'Centre'],
  {
    id: 'centre:test-1',
    name: 'Test compound',
    aliases: ['Compound Ñ'],
    status: 'active',
    workforce: int(1200),
    description: null,
    searchKey: '|test compound|compound n|',
    ...prov(),
  },
  'elem-2',
);
const kh = new Node(int(3), ['Country'], { id: 'country:KH', name: 'Cambodia', ...prov() }, 'elem-3');
const trafficked = new Relationship(
  int(10),
  int(1),
  int(2),
  'TRAFFICKED_TO',
  {
    id: 'rel:t',
    victims: int(88),
    periodStart: new Neo4jDate(2024, 1, 15),
    periodEnd: null,
    ...prov(),
  },
  'elem-r10',
  'elem-1',
  'elem-2',
);
// stored pointing at the centre, so the path below walks it backwards
const located = new Relationship(
  int(11),
  int(3),
  int(2),
  'LOCATED_IN',
  { id: 'rel:l', ...prov() },
  'elem-r11',
  'elem-3',
  'elem-2',
);

const CENTRE_CELL = { key: 'centre:test-1', kind: 'Centre', label: 'Test compound' };
const COUNTRY_ATTRIBUTES = {
  kind: 'Country',
  label: 'Namibia',
  id: 'country:NA',
  name: 'Namibia',
  iso2: 'NA',
  lat: -22.5,
  lng: 17,
  firstSeen: '2024-01-15',
  ...prov(),
};
const CENTRE_ATTRIBUTES = {
  kind: 'Centre',
  label: 'Test compound',
  id: 'centre:test-1',
  name: 'Test compound',
  aliases: ['Compound Ñ'],
  status: 'active',
  workforce: 1200,
  ...prov(),
};

function convert() {
  const collector = new GraphCollector();
  return { collector, values: new Neo4jValues(collector) };
}

describe('Neo4jValues', () => {
  it('turns a node into a node cell and a graph node with plain JSON properties', () => {
    const { collector, values } = convert();
    expect(values.toJson(centre)).toEqual({ $type: 'node', ...CENTRE_CELL });
    expect(values.toJson(country)).toEqual({ $type: 'node', key: 'country:NA', kind: 'Country', label: 'Namibia' });
    // nulls dropped, the search key never exposed, Integer a number, DATE a YYYY-MM-DD string
    expect(collector.toGraph()).toEqual({
      nodes: [
        { key: 'centre:test-1', attributes: CENTRE_ATTRIBUTES },
        { key: 'country:NA', attributes: COUNTRY_ATTRIBUTES },
      ],
      edges: [],
    });
  });

  it('takes the first domain label as the kind, else the first label, and the element id as key without an id', () => {
    const { values } = convert();
    const flagged = new Node(int(5), ['Reviewed', 'Source', 'Centre'], { id: 'source:x' }, 'e5');
    expect(values.rawNode(flagged).kind).toBe('Source');
    expect(values.toJson(new Node(int(6), ['Person'], { name: 'Not ours' }, 'e6'))).toEqual({
      $type: 'node',
      key: 'e6',
      kind: 'Person',
      label: 'Not ours',
    });
  });

  it('joins a relationship to its ends by element id, whichever comes first in the row', () => {
    const { collector, values } = convert();
    const row = { r: values.toJson(trafficked), a: values.toJson(country), b: values.toJson(centre) } as JsonValue;
    expect(collector.missingEndRefs()).toEqual([]);
    expect(collector.resolveCells(row)).toEqual({
      r: { $type: 'edge', key: 'rel:t', kind: 'TRAFFICKED_TO', source: 'country:NA', target: 'centre:test-1' },
      a: { $type: 'node', key: 'country:NA', kind: 'Country', label: 'Namibia' },
      b: { $type: 'node', key: 'centre:test-1', kind: 'Centre', label: 'Test compound' },
    });
    expect(collector.toGraph().edges).toEqual([
      {
        key: 'rel:t',
        source: 'country:NA',
        target: 'centre:test-1',
        attributes: { kind: 'TRAFFICKED_TO', id: 'rel:t', victims: 88, periodStart: '2024-01-15', ...prov() },
      },
    ]);
  });

  it('asks for the ends of a relationship returned alone, then resolves its cell', () => {
    const { collector, values } = convert();
    const cell = values.toJson(trafficked);
    expect(cell).toEqual({ $type: 'edge', key: 'rel:t', kind: 'TRAFFICKED_TO', source: 'elem-1', target: 'elem-2' });
    expect(collector.missingEndRefs()).toEqual(['elem-1', 'elem-2']);
    expect(collector.toGraph().edges).toEqual([]); // not drawable yet
    // what the store does with `MATCH (n) WHERE elementId(n) IN $ids RETURN n`
    for (const node of [country, centre]) collector.addNode(values.rawNode(node));
    expect(collector.missingEndRefs()).toEqual([]);
    expect(collector.resolveCells({ r: cell })).toEqual({
      r: { $type: 'edge', key: 'rel:t', kind: 'TRAFFICKED_TO', source: 'country:NA', target: 'centre:test-1' },
    });
    expect(collector.toGraph().nodes.map((n) => n.key)).toEqual(['country:NA', 'centre:test-1']);
    const edges = collector.toGraph().edges.map((e) => [e.key, e.source, e.target]);
    expect(edges).toEqual([['rel:t', 'country:NA', 'centre:test-1']]);
  });

  it('turns a path into a path cell with its nodes in order and its relationships as stored', () => {
    const { collector, values } = convert();
    const segments = [new PathSegment(country, trafficked, centre), new PathSegment(centre, located, kh)];
    const path = new Path(country, kh, segments);
    expect(values.toJson(path)).toEqual({
      $type: 'path',
      nodes: ['country:NA', 'centre:test-1', 'country:KH'],
      edges: ['rel:t', 'rel:l'],
    });
    const graph = collector.toGraph();
    expect(graph.nodes.map((n) => n.key)).toEqual(['country:NA', 'centre:test-1', 'country:KH']);
    expect(graph.edges.map((e) => [e.key, e.source, e.target])).toEqual([
      ['rel:t', 'country:NA', 'centre:test-1'],
      ['rel:l', 'country:KH', 'centre:test-1'],
    ]);
    expect(values.toJson(new Path(kh, kh, []))).toEqual({ $type: 'path', nodes: ['country:KH'], edges: [] });
  });

  it('turns integers into numbers, and into strings beyond 2^53', () => {
    const { values } = convert();
    expect(values.toJson(int(42))).toBe(42);
    expect(values.toJson(int(-7))).toBe(-7);
    expect(values.toJson(int('9007199254740991'))).toBe(9007199254740991);
    expect(values.toJson(int('9007199254740993'))).toBe('9007199254740993');
    expect(values.toJson(int('-9223372036854775808'))).toBe('-9223372036854775808');
    expect(values.toJson(12n)).toBe(12);
    expect(values.toJson(2n ** 60n)).toBe('1152921504606846976');
    expect(values.toJson(2.5)).toBe(2.5);
  });

  it('turns temporal and spatial values into ISO strings and {srid, x, y[, z]}', () => {
    const { values } = convert();
    expect(values.toJson(new Neo4jDate(int(2024), int(12), int(31)))).toBe('2024-12-31');
    expect(values.toJson(new DateTime(2024, 1, 5, 10, 0, 0, 0, 3600))).toBe('2024-01-05T10:00:00+01:00');
    expect(values.toJson(new DateTime(2024, 1, 5, 10, 0, 0, 0, 0))).toBe('2024-01-05T10:00:00Z');
    expect(values.toJson(new LocalDateTime(2024, 1, 5, 10, 30, 0, 0))).toBe('2024-01-05T10:30:00');
    expect(values.toJson(new Time(10, 30, 15, 0, 3600))).toBe('10:30:15+01:00');
    expect(values.toJson(new LocalTime(10, 30, 15, 500000000))).toBe('10:30:15.500000000');
    expect(values.toJson(new Duration(14, 3, 3600, 0))).toBe('P1Y2M3DT1H');
    // ISO 8601 as Neo4j prints it: no `T` without a time part
    expect(values.toJson(new Duration(1, 0, 0, 0))).toBe('P1M');
    expect(values.toJson(new Duration(0, 2, 0, 0))).toBe('P2D');
    expect(values.toJson(new Duration(0, 0, 0, 0))).toBe('PT0S');
    expect(values.toJson(new Point(int(4326), 17.5, -22.5))).toEqual({ srid: 4326, x: 17.5, y: -22.5 });
    expect(values.toJson(new Point(int(9157), 1, 2, 3))).toEqual({ srid: 9157, x: 1, y: 2, z: 3 });
  });

  it('converts lists and maps recursively, graph values inside them included', () => {
    const { collector, values } = convert();
    const value = {
      counts: [int(1), int(2), 2.5],
      nested: { when: new Neo4jDate(2024, 3, 1), deeper: [{ n: int(3), none: null }] },
      nodes: [centre],
    };
    expect(values.toJson(value)).toEqual({
      counts: [1, 2, 2.5],
      nested: { when: '2024-03-01', deeper: [{ n: 3, none: null }] },
      nodes: [{ $type: 'node', key: 'centre:test-1', kind: 'Centre', label: 'Test compound' }],
    });
    expect(collector.toGraph().nodes.map((n) => n.key)).toEqual(['centre:test-1']);
  });

  it('reads a DATE property written as a datetime as its calendar date', () => {
    const { collector, values } = convert();
    const date = new DateTime(2024, 5, 1, 23, 0, 0, 0, -3600);
    values.toJson(new Node(int(7), ['Operation'], { id: 'operation:x', name: 'X', date }, 'e7'));
    expect(collector.toGraph().nodes[0]!.attributes.date).toBe('2024-05-01');
  });
});

describe('toDriverParams', () => {
  it('sends safe integers as neo4j Integers and leaves other numbers floats, recursively', () => {
    const date = new Neo4jDate(2024, 1, 15);
    const already = int(9);
    const params = toDriverParams({
      n: 5,
      x: 2.5,
      huge: 2 ** 60,
      s: 'five',
      b: true,
      none: null,
      list: [1, 2.5, [3]],
      rows: [{ workforce: 1200, lat: -22.5 }],
      date,
      already,
    }) as Record<string, unknown>;
    expect(neo4j.isInt(params.n)).toBe(true);
    expect((params.n as ReturnType<typeof int>).toNumber()).toBe(5);
    expect(params.x).toBe(2.5);
    expect(neo4j.isInt(params.x)).toBe(false);
    expect(params.huge).toBe(2 ** 60); // not safe: stays a float rather than being clamped
    expect([params.s, params.b, params.none]).toEqual(['five', true, null]);
    const [one, half, [three]] = params.list as [unknown, unknown, unknown[]];
    expect(neo4j.isInt(one) && neo4j.isInt(three)).toBe(true);
    expect(half).toBe(2.5);
    const row = (params.rows as Record<string, unknown>[])[0]!;
    expect(neo4j.isInt(row.workforce) && (row.workforce as ReturnType<typeof int>).toNumber() === 1200).toBe(true);
    expect(row.lat).toBe(-22.5);
    expect(params.date).toBe(date); // driver values pass through untouched
    expect(params.already).toBe(already);
  });
});

describe('neo4jError', () => {
  const driverError = (code: string, message = 'engine says no\n  at line 2') =>
    new neo4j.Neo4jError(message, code, '50N42', 'error');

  it('maps statement errors to query_error with the engine message', () => {
    const engineMessage = 'Invalid input \'RETURN\'\n"MATCH (n RETURN n"';
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError', engineMessage);
    const error = neo4jError(syntax, 5000);
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.status, error.message]).toEqual(['query_error', 400, "Invalid input 'RETURN'"]);
    expect(neo4jError(driverError('Neo.ClientError.Statement.ParameterMissing'), 5000).code).toBe('query_error');
    expect(neo4jError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed'), 5000).code).toBe('query_error');
  });

  it('maps server and client-side timeouts to timeout', () => {
    const codes = ['TransactionTimedOut', 'TransactionTimedOutClientConfiguration'].map(
      (c) => `Neo.ClientError.Transaction.${c}`,
    );
    for (const code of codes) {
      const error = neo4jError(driverError(code), 1500);
      expect([error.code, error.status, error.details]).toEqual(['timeout', 504, { timeoutMs: 1500 }]);
    }
    // the driver's own timeout waiting for a pooled connection has no server code, only its message
    const message = 'Connection acquisition timed out in 60000 ms. Pool status: …';
    const poolTimeout = new neo4j.Neo4jError(message, 'N/A', '50N42', 'error');
    expect(neo4jError(poolTimeout, 1500).code).toBe('timeout');
  });

  it("maps the server's transaction memory cap to too_large (seen live on a 100k-row import)", () => {
    // the message Neo4j 5.26 gave at commit, with a 1 GB heap
    const message =
      'The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB. Currently using 716.0 MiB. dbms.memory.transaction.total.max threshold reached';
    for (const code of [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'Neo.TransientError.General.TransactionMemoryLimit',
    ]) {
      const error = neo4jError(driverError(code, message), 1000);
      expect([error.code, error.status]).toEqual(['too_large', 413]);
      expect(error.message).toMatch(/dbms\.memory\.transaction\.total\.max/);
    }
  });

  it('maps an unreachable server to store_unavailable and anything else to internal, without a stack', () => {
    expect(neo4jError(driverError(neo4j.error.SERVICE_UNAVAILABLE), 1000).code).toBe('store_unavailable');
    expect(neo4jError(driverError(neo4j.error.SESSION_EXPIRED), 1000).code).toBe('store_unavailable');
    const internal = neo4jError(driverError('Neo.DatabaseError.General.UnknownError'), 1000);
    expect([internal.code, internal.status, internal.message]).toEqual(['internal', 500, 'the graph store failed']);
    const wrapped = neo4jError(new TypeError('x is not a function'), 1000);
    expect(wrapped.code).toBe('internal');
    expect(JSON.stringify({ message: wrapped.message, details: wrapped.details })).not.toMatch(/\n\s+at |\.ts:\d+/);
    const typed = new AppError('missing_endpoint', 'kept');
    expect(neo4jError(typed, 1000)).toBe(typed);
  });
});

describe('Neo4jStore without a server', () => {
  /** A local port nothing listens on. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('fails init with store_unavailable naming NEO4J_URI, and never shows a password', async () => {
    const port = await closedPort();
    const uri = `bolt://scamnet:uri-secret@127.0.0.1:${port}`;
    const limits = { timeoutMs: 1000, maxRows: 10, maxBytes: 1_000_000 };
    const store = new Neo4jStore({ uri, user: 'neo4j', password: 's3cret-pw', limits });
    const error = await store.init().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store_unavailable');
    expect((error as AppError).message).toContain(`NEO4J_URI=bolt://127.0.0.1:${port}`);
    const shown = JSON.stringify({ message: (error as AppError).message, details: (error as AppError).details });
    expect(shown).not.toMatch(/s3cret-pw|uri-secret/);
    const read = await store.read('RETURN 1').then(
      () => null,
      (e: unknown) => e,
    );
    expect((read as AppError).code).toBe('store_unavailable');
    await store.close();
  });
});
