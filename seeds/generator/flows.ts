/**
 * Victim flows (TRAFFICKED_TO) from origin countries to centres. Victim numbers are shared out so
 * that the South-East Asian centres receive the published 74% of all victims.
 */
import type { WorldCountry } from '../countries.ts';
import { makeRel } from '../records.ts';
import type { CentrePlan } from './centres.ts';
import type { NetworkBatch } from './context.ts';
import { isoDay, randomWindow, syntheticProvenance, type Window } from './provenance.ts';
import { apportion, itemAt, type Random } from './random.ts';

export interface FlowPlan {
  origin: WorldCountry;
  centre: CentrePlan;
  victims: number;
  period: Window;
}

/** Share of trafficking victims taken to centres in South-East Asia (INTERPOL, June 2025). */
export const SOUTH_EAST_ASIA_VICTIM_SHARE = 0.74;
/** Average victims per centre over the generator's window; the documents give no per-centre figure. */
const VICTIMS_PER_CENTRE = 300;

export function planFlows(rng: Random, origins: readonly WorldCountry[], centres: readonly CentrePlan[]): FlowPlan[] {
  const pairs = new Map<string, { origin: WorldCountry; centre: CentrePlan }>();
  const add = (origin: WorldCountry, centre: CentrePlan) =>
    pairs.set(`${origin.cca2}>${centre.id}`, { origin, centre });
  const abroad = (origin: WorldCountry) => centres.filter((c) => c.country.cca2 !== origin.cca2);

  // Every origin country sends victims to one to three centres abroad, South-East Asia first.
  for (const origin of origins) {
    const candidates = abroad(origin);
    for (let k = rng.int(1, 3); k > 0; k--) {
      add(
        origin,
        rng.weighted(candidates, (c) => (c.hub === 'South-East Asia' ? 2 : 1) * c.weight),
      );
    }
  }
  // Every centre receives someone.
  const served = new Set([...pairs.values()].map((p) => p.centre.id));
  for (const centre of centres.filter((c) => !served.has(c.id))) {
    add(rng.pick(origins.filter((o) => o.cca2 !== centre.country.cca2)), centre);
  }

  const flows = [...pairs.values()].map((p) => ({ ...p, victims: 0, period: randomWindow(rng, 500, p.centre.window) }));
  const total = Math.round(VICTIMS_PER_CENTRE * centres.length * (0.8 + rng.float() * 0.4));
  const southEastAsia = Math.round(total * SOUTH_EAST_ASIA_VICTIM_SHARE);
  shareOut(
    rng,
    southEastAsia,
    centres.filter((c) => c.hub === 'South-East Asia'),
    flows,
  );
  shareOut(
    rng,
    total - southEastAsia,
    centres.filter((c) => c.hub !== 'South-East Asia'),
    flows,
  );
  return flows;
}

/** Splits `victims` over the centres by weight, then each centre's over its inbound flows (one at least each). */
function shareOut(rng: Random, victims: number, centres: readonly CentrePlan[], flows: FlowPlan[]): void {
  const byCentre = new Map<string, FlowPlan[]>();
  for (const f of flows) byCentre.set(f.centre.id, [...(byCentre.get(f.centre.id) ?? []), f]);
  const inbound = centres.map((c) => byCentre.get(c.id) ?? []);
  const floors = inbound.map((list) => list.length);
  const perCentre = apportion(
    victims - floors.reduce((a, b) => a + b, 0),
    centres.map((c) => c.weight),
  );
  centres.forEach((centre, i) => {
    const list = itemAt(inbound, i);
    centre.victims = itemAt(perCentre, i) + list.length;
    const split = apportion(
      centre.victims - list.length,
      list.map(() => 0.2 + rng.float()),
    );
    list.forEach((flow, j) => (flow.victims = itemAt(split, j) + 1));
  });
}

export function emitFlows(rng: Random, flows: readonly FlowPlan[], out: NetworkBatch): void {
  for (const flow of flows) {
    const from = out.useCountry(flow.origin, 'victims’ origin');
    out.relationships.push(
      makeRel('TRAFFICKED_TO', from, flow.centre.id, syntheticProvenance(rng, flow.period), {
        victims: flow.victims,
        periodStart: isoDay(flow.period.first),
        periodEnd: isoDay(flow.period.last),
      }),
    );
  }
}
