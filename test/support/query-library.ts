/**
 * Shared by the saved-query suites under test/integration/queries/: the graph columns and sample
 * parameters of every query, small readers of a QueryResult, and (for the seed-graph suites) the
 * plain-TypeScript lookups over the batch records that the expected answers are computed from.
 */
import { expect } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { fullActor, type Actor } from '../../server/model/access.ts';
import {
  REL_KIND_NAMES,
  type GraphBatch,
  type NodeRecordValue,
  type RelRecordValue,
} from '../../server/model/schema.ts';
import { loadBuiltinQueries, type QueryDef } from '../../server/queries/library.ts';
import { runSavedQuery } from '../../server/queries/runner.ts';
import type { JsonValue, QueryResult } from '../../server/store/types.ts';
import type { Harness } from './app-harness.ts';

export type Row = Record<string, JsonValue>;

export const library = loadBuiltinQueries();

/** The columns of each query that hold nodes, relationships or paths (the rest is the table). */
export const GRAPH_COLUMNS: Record<string, string[]> = {
  'centre-profile': ['centre', 'located', 'scamLinks', 'methodLinks', 'flows', 'raids'],
  'centres-by-scam-type': ['scam', 'centre', 'runs', 'located'],
  'centres-in-hub': ['region', 'inRegion', 'centre', 'located', 'flows'],
  'convergence-centres': ['centre', 'crime', 'arrivals', 'cargo'],
  'crimes-on-routes-to-hub': ['crime', 'cargo', 'arrivals'],
  'facilitator-nationalities': ['country', 'links'],
  'facilitator-network': ['f', 'ties', 'nationality', 'elsewhere', 'arrests'],
  'new-links': ['r'],
  'notice-links': ['n', 'paths'],
  'operation-impact': ['operation', 'raids', 'arrestLinks', 'conductedIn', 'coordination'],
  'origin-and-transit': ['country', 'departures', 'crossings'],
  'routes-from-country': ['route', 'departs', 'hops', 'toCountry', 'toCentre', 'carried'],
  'routes-through-country': ['route', 'crosses', 'departs', 'toCountry', 'toCentre'],
  'shared-facilitators': ['f', 'links', 'nationality'],
  'shortest-connection': ['p'],
  'source-contents': ['p'],
  'top-facilitators': ['f', 'recruitLinks', 'routeLinks'],
  'victim-flows': ['links'],
  'weak-links': ['r'],
};

/** Parameters giving every query a non-empty answer on the hand-made graph. */
export const SAMPLE_PARAMS: Record<string, Record<string, unknown>> = {
  'centre-profile': { centre: 'centre:qa' },
  'centres-by-scam-type': { scamType: 'scamtype:qromance' },
  'centres-in-hub': { hub: 'South-East Asia' },
  'convergence-centres': {},
  'crimes-on-routes-to-hub': { hub: 'South-East Asia' },
  'facilitator-nationalities': {},
  'facilitator-network': { centre: 'centre:qa' },
  'new-links': { from: '2024-05-01', to: '2024-05-31' },
  'notice-links': { notice: 'notice:qpurple' },
  'operation-impact': { operation: 'operation:qop1' },
  'origin-and-transit': {},
  'routes-from-country': { country: 'country:KE' },
  'routes-through-country': { country: 'country:KE' },
  'shared-facilitators': {},
  'shortest-connection': { from: 'facilitator:qf4', to: 'operation:qop1' },
  'source-contents': { source: 'source:qdoc1' },
  'top-facilitators': {},
  'victim-flows': {},
  'weak-links': {},
};

/** The queries that cannot share one text between the two stores. */
export const WITH_LADYBUG_VARIANT = [
  'new-links',
  'notice-links',
  'shortest-connection',
  'source-contents',
  'weak-links',
];

export function query(name: string): QueryDef {
  const def = library.find((q) => q.name === name);
  if (!def) throw new Error(`no saved query named ${name}`);
  return def;
}

const FULL = fullActor('test', 'operator');

/** Runs a library query as `actor` (by default one cleared for everything). */
export const run = (h: Harness, name: string, params: Record<string, unknown> = {}, actor: Actor = FULL) =>
  runSavedQuery(h.store, query(name), params, actor);

/** The readable table: every row without its graph columns. */
export function table(name: string, result: QueryResult): Row[] {
  const graph = new Set(GRAPH_COLUMNS[name]);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !graph.has(column))));
}

export const nodeKeys = (result: QueryResult) => result.graph.nodes.map((n) => n.key).sort();
export const edgeKeys = (result: QueryResult) => result.graph.edges.map((e) => e.key).sort();
export const sorted = (keys: string[]) => [...keys].sort();

export function holdsGraphCell(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(holdsGraphCell);
  return value !== null && typeof value === 'object' && typeof value.$type === 'string';
}

export async function expectValidationError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_error');
}

/** Every relationship kind except REPORTED_IN, as a pattern's type list. */
export const LINK_KINDS = REL_KIND_NAMES.filter((k) => k !== 'REPORTED_IN');

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by a list of keys: numbers ascending (negate for descending), strings in code-unit order. */
export function orderBy<T>(items: T[], keys: (item: T) => Array<number | string>): T[] {
  return [...items].sort((x, y) => {
    const a = keys(x);
    const b = keys(y);
    for (let i = 0; i < a.length; i++) {
      const d = typeof a[i] === 'number' ? (a[i] as number) - (b[i] as number) : cmp(a[i] as string, b[i] as string);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** Lookups over the seed batch records, for computing expected answers without Cypher. */
export class SeedRecords {
  private readonly nodes = new Map<string, NodeRecordValue>();
  constructor(readonly batch: GraphBatch) {
    for (const node of batch.nodes) this.nodes.set(node.id, node);
  }
  node(id: string): Record<string, unknown> & { id: string; name: string; kind: string; synthetic: boolean } {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no node ${id}`);
    return node as unknown as Record<string, unknown> & { id: string; name: string; kind: string; synthetic: boolean };
  }
  name(id: string): string {
    return this.node(id).name;
  }
  ofKind(kind: string) {
    return this.batch.nodes.filter((n) => n.kind === kind).map((n) => this.node(n.id));
  }
  rels(kind: string, ends: { from?: string; to?: string } = {}): Array<RelRecordValue & Record<string, unknown>> {
    return this.batch.relationships.filter(
      (r) =>
        r.kind === kind &&
        (ends.from === undefined || r.from === ends.from) &&
        (ends.to === undefined || r.to === ends.to),
    ) as Array<RelRecordValue & Record<string, unknown>>;
  }
  /** the `to` of the only relationship of a kind from a node, if any */
  target(kind: string, from: string, toKind?: string): string | null {
    return this.rels(kind, { from }).find((r) => !toKind || this.node(r.to).kind === toKind)?.to ?? null;
  }
}

export const victimsOf = (r: Record<string, unknown>) => (typeof r.victims === 'number' ? r.victims : 0);
export const sortedNames = (seed: SeedRecords, ids: string[]) => ids.map((id) => seed.name(id)).sort(cmp);

/** centres in the hub region named `hub`, as centres-in-hub should list them */
export function centresInHub(seed: SeedRecords, hub: string) {
  const region = seed.ofKind('Region').find((r) => r.name === hub);
  if (!region) throw new Error(`no region named ${hub}`);
  const countries = new Set(seed.rels('IN_REGION', { to: region.id }).map((r) => r.from));
  const rows = seed
    .rels('LOCATED_IN')
    .filter((l) => countries.has(l.to) && seed.node(l.from).kind === 'Centre')
    .map((l) => {
      const centre = seed.node(l.from);
      const byOrigin = new Map<string, number>();
      for (const f of seed.rels('TRAFFICKED_TO', { to: centre.id }))
        byOrigin.set(f.from, (byOrigin.get(f.from) ?? 0) + victimsOf(f));
      const origins = orderBy([...byOrigin], ([id, v]) => [-v, seed.name(id)]).map(([id]) => seed.name(id));
      const victims = [...byOrigin.values()].reduce((a, b) => a + b, 0);
      return {
        centreId: centre.id,
        centreName: centre.name,
        status: centre.status,
        countryName: seed.name(l.to),
        victims,
        originCount: origins.length,
        origins,
      };
    });
  return orderBy(rows, (r) => [-r.victims, r.centreName, r.centreId]);
}
