/**
 * Trafficking routes: origin country, up to two transit countries, then a hub country and a centre
 * there. Each route follows one victim flow; some also carry drugs, firearms or wildlife.
 */
import { regionId, type WorldCountry } from '../countries.ts';
import { makeNode, makeRel, type NodeOf } from '../records.ts';
import type { CentrePlan } from './centres.ts';
import type { FactIndex, NetworkBatch } from './context.ts';
import { nearbyCountries, shareBorder } from './countries.ts';
import type { FlowPlan } from './flows.ts';
import { randomWindow, syntheticProvenance, type Window } from './provenance.ts';
import type { Random } from './random.ts';

export interface RoutePlan {
  id: string;
  origin: WorldCountry;
  transits: WorldCountry[];
  centre: CentrePlan;
  window: Window;
}

/** Share of routes on which a converging crime is also seen (the documents give no figure). */
const CARRIES_SHARE = 0.3;

/** How many transit countries a route passes, and how often (one draw either way). */
const HOP_WEIGHTS = [
  [0, 30],
  [1, 45],
  [2, 25],
] as const;

function pickTransits(rng: Random, origin: WorldCountry, destination: WorldCountry): WorldCountry[] {
  const [hops] = rng.weighted(HOP_WEIGHTS, ([, weight]) => weight);
  const taken = new Set([origin.cca2, destination.cca2]);
  const fresh = (list: WorldCountry[]) => list.filter((c) => !taken.has(c.cca2));
  const transits: WorldCountry[] = [];
  // First hop near the origin, second near the destination; a single hop may be either.
  const sides = hops === 2 ? [origin, destination] : hops === 1 ? [rng.pick([origin, destination])] : [];
  for (const side of sides) {
    const candidates = fresh(nearbyCountries(side));
    if (candidates.length === 0) continue;
    const hop = rng.pick(candidates);
    taken.add(hop.cca2);
    transits.push(hop);
  }
  return transits;
}

function modeOf(rng: Random, path: readonly WorldCountry[]): NodeOf<'Route'>['mode'] {
  const overland = path.every((c, i) => {
    const previous = path[i - 1];
    return previous === undefined || shareBorder(previous, c);
  });
  if (overland) return 'land';
  if (path.length > 2) return 'mixed';
  const coastal = path.every((c) => !c.landlocked);
  return coastal && rng.chance(0.15) ? 'sea' : 'air';
}

export function planRoutes(rng: Random, count: number, flows: readonly FlowPlan[]): RoutePlan[] {
  // Spread routes over distinct flows first, the largest flows getting a second route after that.
  const order = rng.shuffle(flows);
  const pickFlow = count > order.length ? rng.weightedPicker(flows, (f) => f.victims) : undefined;
  return Array.from({ length: count }, (_, i) => {
    // every flow once in shuffled order, then weighted picks (pickFlow exists when count exceeds the flows)
    const flow = order[i] ?? pickFlow?.();
    if (!flow) throw new Error('a route was planned with no flow to follow');
    return {
      id: `route:syn-${String(i + 1).padStart(4, '0')}`,
      origin: flow.origin,
      transits: pickTransits(rng, flow.origin, flow.centre.country),
      centre: flow.centre,
      window: randomWindow(rng, 400, flow.period),
    };
  });
}

export function emitRoutes(rng: Random, routes: readonly RoutePlan[], facts: FactIndex, out: NetworkBatch): void {
  const crimeIds = [...facts.crimes.keys()];
  for (const route of routes) {
    const destination = route.centre.country;
    const path = [route.origin, ...route.transits, destination];
    const prov = () => syntheticProvenance(rng, route.window);
    out.nodes.push(
      makeNode(
        'Route',
        {
          id: route.id,
          name: `Route ${route.id.slice('route:syn-'.length)}: ${path.map((c) => c.name.common).join(' → ')}`,
          description: 'Illustrative synthetic trafficking route; not an observed one.',
          mode: modeOf(rng, path),
        },
        prov(),
      ),
    );
    const originId = out.useCountry(route.origin, 'victims’ origin');
    out.relationships.push(makeRel('ORIGINATES_IN', route.id, originId, prov(), {}));
    route.transits.forEach((transit, i) => {
      const to = out.useCountry(transit, 'transit');
      out.relationships.push(makeRel('TRANSITS', route.id, to, prov(), { hop: i + 1 }));
    });
    const destinationId = out.useCountry(destination, 'scam-centre host');
    out.relationships.push(makeRel('DESTINED_FOR', route.id, destinationId, prov(), {}));
    out.relationships.push(makeRel('DESTINED_FOR', route.id, route.centre.id, prov(), {}));
    if (rng.chance(CARRIES_SHARE)) {
      // Wildlife trafficking converges in a particular region: only routes ending there carry it.
      const hubId = regionId(route.centre.hub);
      const fits = crimeIds.filter((id) => {
        const regions = facts.crimes.get(id);
        if (!regions) throw new Error(`crime ${id} lost from the fact index it was listed from`);
        return regions.length === 0 || regions.includes(hubId);
      });
      if (fits.length > 0) {
        out.relationships.push(makeRel('CARRIES', route.id, rng.pick(fits), prov(), { shipments: rng.int(1, 12) }));
      }
    }
  }
}
