/**
 * The synthetic network around the facts: centres, victim flows, routes, facilitators and a few
 * raids, sized by `scale` and fixed by `seed`. Returns only the synthetic records; the facts it
 * links to are not repeated.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { emitCentres, planCentres } from './centres.ts';
import { Codenames } from './codenames.ts';
import { FactIndex, NetworkBatch } from './context.ts';
import { ORIGIN_COUNTRY_COUNT, WORLD_REGIONS, pickOrigins } from './countries.ts';
import { emitFacilitators, planFacilitators } from './facilitators.ts';
import { emitFlows, planFlows } from './flows.ts';
import { emitOperations } from './operations.ts';
import { Random } from './random.ts';
import { emitRoutes, planRoutes } from './routes.ts';

/** Counts at scale 1; `scale` multiplies them. */
export const BASE_COUNTS = { centres: 40, facilitators: 150, routes: 120, operations: 6 } as const;

export interface NetworkOptions {
  seed: number;
  scale: number;
}

export function networkCounts(scale: number) {
  const scaled = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  return {
    // Two at least, so that both South-East Asia and another hub have a synthetic centre.
    centres: scaled(BASE_COUNTS.centres, 2),
    facilitators: scaled(BASE_COUNTS.facilitators, 1),
    routes: scaled(BASE_COUNTS.routes, 1),
    operations: scaled(BASE_COUNTS.operations, 1),
    // The published 66 from scale 1 up; a small graph keeps one origin per continent at least.
    origins: Math.min(ORIGIN_COUNTRY_COUNT, scaled(ORIGIN_COUNTRY_COUNT, WORLD_REGIONS.length)),
  };
}

export function generateNetwork(facts: GraphBatch, { seed, scale }: NetworkOptions): GraphBatch {
  const counts = networkCounts(scale);
  const root = Random.fromSeed(seed);
  const rng = {
    names: root.fork(),
    origins: root.fork(),
    centres: root.fork(),
    flows: root.fork(),
    routes: root.fork(),
    facilitators: root.fork(),
    operations: root.fork(),
    records: root.fork(),
  };
  const index = new FactIndex(facts);
  const out = new NetworkBatch(index);
  const codenames = new Codenames(rng.names);

  const origins = pickOrigins(rng.origins, counts.origins);
  const centres = planCentres(rng.centres, codenames, counts.centres, index);
  const flows = planFlows(rng.flows, origins, centres);
  const routes = planRoutes(rng.routes, counts.routes, flows);
  const facilitators = planFacilitators(rng.facilitators, counts.facilitators, routes, centres);

  // Operations first: they set the status of the centres they raid.
  emitOperations(rng.operations, counts.operations, centres, facilitators, index, out);
  emitCentres(rng.records, centres, index, out);
  emitFlows(rng.records, flows, out);
  emitRoutes(rng.records, routes, index, out);
  emitFacilitators(rng.records, codenames, facilitators, index, out);
  return out.finish();
}
