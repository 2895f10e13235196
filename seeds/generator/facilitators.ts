/**
 * Synthetic facilitators, codenamed, with the published profile met as closely as whole numbers
 * allow: nationality about 90:11 Asia to South America or Africa, 80% men, 61% aged 20–39.
 */
import type { WorldCountry } from '../countries.ts';
import { makeNode, makeRel, type NodeOf } from '../records.ts';
import type { CentrePlan } from './centres.ts';
import type { Codenames } from './codenames.ts';
import type { FactIndex, NetworkBatch } from './context.ts';
import { NATIONALITY_POOLS, NATIONALITY_SHARES, inNationalityGroup, type NationalityGroup } from './countries.ts';
import { randomWindow, syntheticProvenance } from './provenance.ts';
import { itemAt, quotaLabels, type Random } from './random.ts';
import type { RoutePlan } from './routes.ts';

type Role = NodeOf<'Facilitator'>['role'];
type Gender = NodeOf<'Facilitator'>['gender'];
type AgeBand = NodeOf<'Facilitator'>['ageBand'];

/** 80% men (INTERPOL); the documents do not split the rest, mostly taken as women here. */
const GENDER_SHARES: ReadonlyArray<readonly [Gender, number]> = [
  ['male', 80],
  ['female', 17],
  ['unknown', 3],
];
/** 61% aged 20–39 (INTERPOL); the split inside it and the other bands are assumptions. */
const AGE_SHARES: ReadonlyArray<readonly [AgeBand, number]> = [
  ['20-29', 33],
  ['30-39', 28],
  ['under 20', 4],
  ['40-49', 20],
  ['50+', 9],
  ['unknown', 6],
];
const ROLE_SHARES: ReadonlyArray<readonly [Role, number]> = [
  ['recruiter', 35],
  ['transporter', 25],
  ['broker', 15],
  ['manager', 15],
  ['financier', 10],
];
const ROUTE_ROLES: readonly Role[] = ['recruiter', 'transporter', 'broker', 'financier'];
const RECRUITING_ROLES: readonly Role[] = ['recruiter', 'broker'];

export interface FacilitatorPlan {
  id: string;
  role: Role;
  group: NationalityGroup;
  routes: RoutePlan[];
  centres: CentrePlan[];
}

/** Who works which routes and centres: every route has an operator, every operator a route. */
export function planFacilitators(
  rng: Random,
  count: number,
  routes: readonly RoutePlan[],
  centres: readonly CentrePlan[],
): FacilitatorPlan[] {
  const roles = quotaLabels(rng, count, ROLE_SHARES);
  const groups = quotaLabels(rng, count, NATIONALITY_SHARES);
  const plans: FacilitatorPlan[] = roles.map((role, i) => ({
    id: `facilitator:syn-${String(i + 1).padStart(4, '0')}`,
    role,
    group: itemAt(groups, i),
    routes: [],
    centres: [],
  }));
  const operators = plans.filter((p) => ROUTE_ROLES.includes(p.role));
  if (operators.length > 0) {
    for (const route of routes) rng.pick(operators).routes.push(route);
    for (const op of operators) {
      if (op.routes.length === 0 || rng.chance(0.2)) {
        const route = rng.pick(routes);
        if (!op.routes.includes(route)) op.routes.push(route);
      }
    }
  }
  // one picker for all managers: a binary search each instead of a scan of every centre
  const pickCentre =
    centres.length > 0 ? rng.weightedPicker(centres, (c) => c.victims + 1) : () => rng.weighted(centres, () => 1);
  for (const plan of plans) {
    if (RECRUITING_ROLES.includes(plan.role)) plan.centres = [...new Set(plan.routes.map((r) => r.centre))];
    if (plan.role === 'manager') plan.centres = [pickCentre()];
  }
  return plans;
}

function nationality(rng: Random, plan: FacilitatorPlan): WorldCountry {
  // Often from a country the facilitator's own routes or centres touch, if one fits the group.
  const touched = [...plan.routes.flatMap((r) => [r.origin, r.centre.country]), ...plan.centres.map((c) => c.country)];
  const local = touched.filter((c) => inNationalityGroup(c, plan.group));
  return local.length > 0 && rng.chance(0.6) ? rng.pick(local) : rng.pick(NATIONALITY_POOLS[plan.group]);
}

export function emitFacilitators(
  rng: Random,
  codenames: Codenames,
  plans: readonly FacilitatorPlan[],
  facts: FactIndex,
  out: NetworkBatch,
): void {
  const genders = quotaLabels(rng, plans.length, GENDER_SHARES);
  const ages = quotaLabels(rng, plans.length, AGE_SHARES);
  const roleMethods: Record<Role, { ids: string[]; p: number; atLeastOne: boolean }> = {
    recruiter: { ids: facts.methods('recruitment'), p: 0.6, atLeastOne: true },
    broker: { ids: facts.methods('recruitment'), p: 0.5, atLeastOne: true },
    manager: { ids: facts.methods('control'), p: 0.45, atLeastOne: true },
    transporter: { ids: facts.methods('control'), p: 0.15, atLeastOne: false },
    financier: { ids: facts.methods('control'), p: 0.1, atLeastOne: false },
  };
  plans.forEach((plan, i) => {
    const window = randomWindow(rng, 1200);
    const prov = () => syntheticProvenance(rng, randomWindow(rng, 500, window));
    out.nodes.push(
      makeNode(
        'Facilitator',
        {
          id: plan.id,
          name: codenames.facilitator(),
          description: `Illustrative synthetic ${plan.role} (codename); not a real person.`,
          role: plan.role,
          gender: itemAt(genders, i),
          ageBand: itemAt(ages, i),
        },
        syntheticProvenance(rng, window),
      ),
    );
    const countryId = out.useCountry(nationality(rng, plan), 'facilitators’ nationality');
    out.relationships.push(makeRel('NATIONAL_OF', plan.id, countryId, prov(), {}));
    for (const route of plan.routes) out.relationships.push(makeRel('OPERATES', plan.id, route.id, prov(), {}));
    for (const centre of plan.centres) {
      const recruits = plan.role === 'manager' ? null : rng.int(1, Math.max(1, Math.min(60, centre.victims)));
      out.relationships.push(makeRel('RECRUITS_FOR', plan.id, centre.id, prov(), { recruits }));
    }
    const methods = roleMethods[plan.role];
    const chosen = methods.ids.filter(() => rng.chance(methods.p));
    if (chosen.length === 0 && methods.atLeastOne && methods.ids.length > 0) chosen.push(rng.pick(methods.ids));
    for (const method of chosen) out.relationships.push(makeRel('USES_METHOD', plan.id, method, prov(), {}));
  });
}
