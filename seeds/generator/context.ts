/**
 * What the generator needs to know about the facts (the ids it links to), and the batch it fills:
 * synthetic records only, with the Country nodes it touches added once at the end.
 */
import type { GraphBatch, NodeRecordValue, RelRecordValue } from '../../server/model/schema.ts';
import {
  countryId,
  countryNode,
  hubRegionOf,
  regionId,
  worldCountry,
  type HubRegionName,
  type WorldCountry,
} from '../countries.ts';
import { INTERPOL_ID } from '../facts/enforcement.ts';
import { makeRel, type NodeOf } from '../records.ts';
import { syntheticCountryProvenance } from './provenance.ts';

type Stage = NodeOf<'Method'>['stage'];

export interface FactCentre {
  id: string;
  country: WorldCountry;
  hub: HubRegionName;
  lastSeen: string | null;
}

/** The parts of the facts the synthetic network hangs on, found by kind rather than by name. */
export class FactIndex {
  readonly nodeIds: ReadonlySet<string>;
  readonly relIds: ReadonlySet<string>;
  readonly scamTypeIds: string[];
  readonly methodIdsByStage: ReadonlyMap<Stage, string[]>;
  /** crime id → the hub regions it converges in (empty: it travels any route) */
  readonly crimes: ReadonlyMap<string, string[]>;
  /** fact centres in a hub-region country, which may receive synthetic flows */
  readonly hubCentres: FactCentre[];
  readonly interpolId: string | undefined;

  constructor(facts: GraphBatch) {
    this.nodeIds = new Set(facts.nodes.map((n) => n.id));
    this.relIds = new Set(facts.relationships.map((r) => r.id));
    const ofKind = (kind: string) => facts.nodes.filter((n) => n.kind === kind);
    this.scamTypeIds = ofKind('ScamType').map((n) => n.id);
    const byStage = new Map<Stage, string[]>();
    for (const m of ofKind('Method') as NodeOf<'Method'>[]) {
      byStage.set(m.stage, [...(byStage.get(m.stage) ?? []), m.id]);
    }
    this.methodIdsByStage = byStage;
    const rels = (kind: string) => facts.relationships.filter((r) => r.kind === kind);
    this.crimes = new Map(
      ofKind('Crime').map((c) => [
        c.id,
        rels('CONVERGES_IN')
          .filter((r) => r.from === c.id)
          .map((r) => r.to),
      ]),
    );
    this.hubCentres = ofKind('Centre').flatMap((centre) => {
      const located = rels('LOCATED_IN').find((r) => r.from === centre.id);
      const iso2 = located?.to.replace(/^country:/, '');
      const country = iso2 ? worldCountry(iso2) : undefined;
      const hub = country ? hubRegionOf(country) : null;
      return country && hub ? [{ id: centre.id, country, hub, lastSeen: centre.lastSeen }] : [];
    });
    this.interpolId = this.nodeIds.has(INTERPOL_ID) ? INTERPOL_ID : undefined;
  }

  methods(stage: Stage): string[] {
    return this.methodIdsByStage.get(stage) ?? [];
  }
}

export type CountryRole = 'victims’ origin' | 'transit' | 'scam-centre host' | 'facilitators’ nationality';

export class NetworkBatch {
  readonly nodes: NodeRecordValue[] = [];
  readonly relationships: RelRecordValue[] = [];
  private readonly countryRoles = new Map<string, { country: WorldCountry; roles: Set<CountryRole> }>();

  constructor(private readonly facts: FactIndex) {}

  /** Notes that the network uses a country in some role; returns its node id. */
  useCountry(country: WorldCountry, role: CountryRole): string {
    const entry = this.countryRoles.get(country.cca2) ?? { country, roles: new Set<CountryRole>() };
    entry.roles.add(role);
    this.countryRoles.set(country.cca2, entry);
    return countryId(country.cca2);
  }

  /** Country nodes and hub-region links for the countries used, where the facts lack them. */
  finish(): GraphBatch {
    for (const { country, roles } of this.countryRoles.values()) {
      const id = countryId(country.cca2);
      if (!this.facts.nodeIds.has(id)) {
        const description = `Real country; its role here (${[...roles].join(', ')}) is illustrative, made by the seed generator.`;
        this.nodes.push(countryNode(country, description, syntheticCountryProvenance()));
      }
      const hub = hubRegionOf(country);
      const inRegion = hub && makeRel('IN_REGION', id, regionId(hub), syntheticCountryProvenance(), {});
      if (inRegion && !this.facts.relIds.has(inRegion.id)) this.relationships.push(inRegion);
    }
    return { nodes: this.nodes, relationships: this.relationships };
  }
}
