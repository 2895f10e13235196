/**
 * A handful of synthetic national police operations, each raiding one synthetic centre and
 * arresting some of the facilitators tied to it. Raided centres change status accordingly.
 */
import { makeNode, makeRel } from '../records.ts';
import type { CentrePlan } from './centres.ts';
import type { FactIndex, NetworkBatch } from './context.ts';
import type { FacilitatorPlan } from './facilitators.ts';
import { isoDay, syntheticProvenance } from './provenance.ts';
import type { Random } from './random.ts';

/** Share of synthetic operations shown as supported by INTERPOL. */
const COORDINATED_SHARE = 0.4;

export function emitOperations(
  rng: Random,
  count: number,
  centres: readonly CentrePlan[],
  facilitators: readonly FacilitatorPlan[],
  facts: FactIndex,
  out: NetworkBatch,
): void {
  const targets = rng.sample(
    centres.filter((c) => c.synthetic),
    count,
  );
  // Who is linked to each centre, in the facilitators' own order (as a filter of them would give),
  // indexed once: filtering every facilitator for every raid grows with their product.
  const linkedTo = new Map<CentrePlan, FacilitatorPlan[]>();
  for (const f of facilitators) {
    for (const centre of new Set([...f.centres, ...f.routes.map((r) => r.centre)])) {
      const list = linkedTo.get(centre);
      if (list) list.push(f);
      else linkedTo.set(centre, [f]);
    }
  }
  targets.forEach((centre, i) => {
    const id = `operation:syn-${centre.country.cca2.toLowerCase()}-${String(i + 1).padStart(4, '0')}`;
    const day = rng.int(centre.window.first, centre.window.last);
    const window = { first: day, last: Math.min(centre.window.last, day + rng.int(0, 60)) };
    const prov = () => syntheticProvenance(rng, window);
    centre.status = rng.chance(0.4) ? 'dismantled' : 'raided';

    const linked = linkedTo.get(centre) ?? [];
    const arrested = linked.length > 0 ? rng.sample(linked, rng.int(1, Math.min(3, linked.length))) : [];
    out.nodes.push(
      makeNode(
        'Operation',
        {
          id,
          name: `${centre.country.name.common} police raid on ${centre.name}`,
          description: 'Illustrative synthetic national operation; it did not take place.',
          scope: 'national',
          date: isoDay(day),
          countriesInvolved: 1,
          arrests: arrested.length + rng.int(0, 25),
          victimsFreed: Math.round(centre.victims * (0.2 + rng.float() * 0.7)),
          computersSeized: rng.int(5, 200),
          phonesSeized: rng.int(10, 400),
        },
        prov(),
      ),
    );
    out.relationships.push(makeRel('RAIDED', id, centre.id, prov(), { date: isoDay(day) }));
    out.relationships.push(makeRel('CONDUCTED_IN', id, out.useCountry(centre.country, 'scam-centre host'), prov(), {}));
    for (const f of arrested) out.relationships.push(makeRel('ARRESTED', id, f.id, prov(), { date: isoDay(day) }));
    if (facts.interpolId && rng.chance(COORDINATED_SHARE)) {
      out.relationships.push(makeRel('COORDINATED', facts.interpolId, id, prov(), {}));
    }
  });
}
