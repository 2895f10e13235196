/**
 * Synthetic scam centres in hub-region countries: where they are, what they run, and how they hold
 * people. The two factual centres can join in as destinations, keeping their own records.
 */
import type { HubRegionName, WorldCountry } from '../countries.ts';
import { makeNode, makeRel, type NodeOf } from '../records.ts';
import type { Codenames } from './codenames.ts';
import type { FactIndex, NetworkBatch } from './context.ts';
import { hubCountries } from './countries.ts';
import { FIRST_DAY, dayOf, randomWindow, syntheticProvenance, type Window } from './provenance.ts';
import { apportion, itemAt, type Random } from './random.ts';

export interface CentrePlan {
  id: string;
  name: string;
  country: WorldCountry;
  hub: HubRegionName;
  /** false for a factual centre that only receives synthetic links */
  synthetic: boolean;
  window: Window;
  /** relative size, for sharing out victims */
  weight: number;
  status: NodeOf<'Centre'>['status'];
  victims: number;
}

/** Centres outside the original hub, split between the newer regions (West Africa emerging). */
const OUTER_HUB_WEIGHTS: ReadonlyArray<readonly [HubRegionName, number]> = [
  ['West Africa', 40],
  ['Middle East', 35],
  ['Central America', 25],
];
/** Share of synthetic centres placed outside South-East Asia; the victim share is set apart from this. */
const OUTER_CENTRE_SHARE = 0.4;

export function planCentres(rng: Random, codenames: Codenames, count: number, facts: FactIndex): CentrePlan[] {
  const outer = Math.max(1, Math.round(count * OUTER_CENTRE_SHARE));
  const outerCounts = apportion(
    outer,
    OUTER_HUB_WEIGHTS.map(([, w]) => w),
  );
  const perHub: Array<readonly [HubRegionName, number]> = [
    ['South-East Asia', count - outer],
    ...OUTER_HUB_WEIGHTS.map(([hub], i) => [hub, itemAt(outerCounts, i)] as const),
  ];
  const plans: CentrePlan[] = [];
  for (const [hub, n] of perHub) {
    // Uneven random weights make centres cluster in a few countries of each region; the fourth root
    // of the area makes city-states less likely hosts than countries with room for compounds.
    const countries = hubCountries(hub).map((country) => ({
      country,
      weight: (0.05 + rng.float() ** 2) * Math.max(1, country.area) ** 0.25,
    }));
    for (let i = 0; i < n; i++) {
      const { country } = rng.weighted(countries, (c) => c.weight);
      const seq = String(plans.length + 1).padStart(4, '0');
      plans.push({
        id: `centre:syn-${country.cca2.toLowerCase()}-${seq}`,
        name: codenames.centre(),
        country,
        hub,
        synthetic: true,
        window: randomWindow(rng, 1400),
        weight: 0.2 + rng.float() * 1.8,
        status: rng.chance(0.7) ? 'active' : 'suspected',
        victims: 0,
      });
    }
  }
  // Factual centres in a hub country join as destinations only; their own records are never re-emitted,
  // so name and status here are placeholders.
  for (const fact of facts.hubCentres) {
    const last = fact.lastSeen ? dayOf(fact.lastSeen) : FIRST_DAY;
    plans.push({
      id: fact.id,
      name: fact.id,
      country: fact.country,
      hub: fact.hub,
      synthetic: false,
      window: { first: FIRST_DAY, last: Math.max(FIRST_DAY, last) },
      weight: 1,
      status: 'raided',
      victims: 0,
    });
  }
  return plans;
}

/** Nodes and links of the synthetic centres (factual centres keep their factual records). */
export function emitCentres(rng: Random, plans: readonly CentrePlan[], facts: FactIndex, out: NetworkBatch): void {
  for (const plan of plans.filter((p) => p.synthetic)) {
    const countryId = out.useCountry(plan.country, 'scam-centre host');
    const prov = () => syntheticProvenance(rng, randomWindow(rng, 600, plan.window));
    out.nodes.push(
      makeNode(
        'Centre',
        {
          id: plan.id,
          name: plan.name,
          description: `Illustrative synthetic scam centre in ${plan.country.name.common}; not a real place.`,
          status: plan.status,
          workforce: Math.round(plan.victims * (1.05 + rng.float() * 0.35)),
          city: null,
        },
        syntheticProvenance(rng, plan.window),
      ),
    );
    out.relationships.push(makeRel('LOCATED_IN', plan.id, countryId, syntheticProvenance(rng, plan.window), {}));
    for (const scam of rng.sample(facts.scamTypeIds, rng.int(1, 3))) {
      out.relationships.push(makeRel('RUNS_SCAM', plan.id, scam, prov(), {}));
    }
    const recruitment = rng.sample(facts.methods('recruitment'), 1);
    const control = rng.sample(facts.methods('control'), rng.int(1, 3));
    const exploitationMethods = facts.methods('exploitation');
    const exploitation = rng.sample(exploitationMethods, rng.int(1, exploitationMethods.length));
    for (const method of [...recruitment, ...control, ...exploitation]) {
      out.relationships.push(makeRel('USES_METHOD', plan.id, method, prov(), {}));
    }
  }
}
