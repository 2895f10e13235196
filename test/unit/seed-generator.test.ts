/** The synthetic network: determinism, the published figures it follows, and its provenance. */
import { describe, expect, it } from 'vitest';
import type { GraphBatch, NodeRecordValue } from '../../server/model/schema.ts';
import { buildFacts, buildSeedGraph, generateNetwork } from '../../seeds/index.ts';
import { CENTRE_CODENAME_PATTERN, FACILITATOR_CODENAME_PATTERN } from '../../seeds/generator/codenames.ts';

const graph = buildSeedGraph({ seed: 42, scale: 1 });
type Props = NodeRecordValue & Record<string, unknown>;
const byId = new Map(graph.nodes.map((n) => [n.id, n as Props]));
const ofKind = (g: GraphBatch, kind: string) => g.relationships.filter((r) => r.kind === kind);
const synthetic = <T extends { synthetic: boolean }>(xs: T[]) => xs.filter((x) => x.synthetic);

function share(items: Props[], test: (p: Props) => boolean): number {
  return items.filter(test).length / items.length;
}

describe('synthetic network', () => {
  it('is the same for the same seed and scale, and differs for another seed', () => {
    const again = JSON.stringify(buildSeedGraph({ seed: 42, scale: 1 }));
    expect(again).toBe(JSON.stringify(graph));
    expect(JSON.stringify(buildSeedGraph())).toBe(again);
    expect(JSON.stringify(buildSeedGraph({ seed: 43, scale: 1 }))).not.toBe(again);
  });

  it('draws victims from exactly 66 origin countries on at least five continents', () => {
    const origins = new Set(ofKind(graph, 'TRAFFICKED_TO').map((r) => r.from));
    expect(origins.size).toBe(66);
    const regions = new Set([...origins].map((id) => byId.get(id)!.region as string));
    expect(regions.size).toBeGreaterThanOrEqual(5);
  });

  it('takes about 74% of victims to centres in South-East Asia, the rest to the other hubs', () => {
    const hubOfCentre = new Map(
      ofKind(graph, 'LOCATED_IN')
        .filter((r) => r.from.startsWith('centre:'))
        .map((r) => [r.from, byId.get(r.to)!.hubRegion as string | null]),
    );
    const flows = ofKind(graph, 'TRAFFICKED_TO') as Array<{ to: string; victims: number | null }>;
    const total = flows.reduce((sum, f) => sum + (f.victims ?? 0), 0);
    const toSea = flows
      .filter((f) => hubOfCentre.get(f.to) === 'South-East Asia')
      .reduce((s, f) => s + (f.victims ?? 0), 0);
    expect(total).toBeGreaterThan(0);
    expect(Math.abs(toSea / total - 0.74)).toBeLessThanOrEqual(0.03);
    const hubs = ['South-East Asia', 'Middle East', 'West Africa', 'Central America'];
    for (const f of flows) expect(hubs).toContain(hubOfCentre.get(f.to));
  });

  it('gives facilitators the published profile', () => {
    const facilitators = graph.nodes.filter((n) => n.kind === 'Facilitator') as Props[];
    expect(facilitators).toHaveLength(150);
    const nationality = new Map(ofKind(graph, 'NATIONAL_OF').map((r) => [r.from, byId.get(r.to)!]));
    expect(nationality.size).toBe(facilitators.length);
    const asian = share(facilitators, (f) => nationality.get(f.id)!.region === 'Asia');
    const southAmericaOrAfrica = share(facilitators, (f) => {
      const c = nationality.get(f.id)!;
      return c.region === 'Africa' || c.subregion === 'South America';
    });
    expect(Math.abs(asian - 0.89)).toBeLessThanOrEqual(0.05);
    expect(asian + southAmericaOrAfrica).toBeCloseTo(1);
    expect(Math.abs(share(facilitators, (f) => f.gender === 'male') - 0.8)).toBeLessThanOrEqual(0.05);
    const aged20to39 = share(facilitators, (f) => f.ageBand === '20-29' || f.ageBand === '30-39');
    expect(Math.abs(aged20to39 - 0.61)).toBeLessThanOrEqual(0.05);
  });

  it('marks every generated record synthetic, without sources, illustrative, inside the date window', () => {
    const network = generateNetwork(buildFacts(), { seed: 42, scale: 1 });
    expect(network.nodes.length).toBeGreaterThan(0);
    for (const record of [...network.nodes, ...network.relationships]) {
      expect(record.synthetic, record.id).toBe(true);
      expect(record.sourceIds, record.id).toEqual([]);
      expect(record.firstSeen! >= '2020-01-01' && record.lastSeen! <= '2025-10-31', record.id).toBe(true);
      expect(record.firstSeen! <= record.lastSeen!, record.id).toBe(true);
    }
    for (const n of network.nodes) expect(n.description, n.id).toMatch(/illustrative/i);
    // and the full graph is exactly the facts plus the generator's records
    const facts = buildFacts();
    expect(synthetic(graph.nodes)).toHaveLength(network.nodes.length);
    expect(graph.nodes.filter((n) => !n.synthetic)).toHaveLength(facts.nodes.length);
    expect(graph.relationships.filter((r) => !r.synthetic)).toHaveLength(facts.relationships.length);
  });

  it('draws grades and TLP markings from a mix, mostly B2–C3 and GREEN/AMBER', () => {
    const records = synthetic([...graph.nodes, ...graph.relationships]).filter((r) => !r.id.startsWith('country:'));
    const frac = (test: (r: (typeof records)[number]) => boolean) => records.filter(test).length / records.length;
    expect(frac((r) => ['B2', 'B3', 'C2', 'C3'].includes(r.grade))).toBeGreaterThan(0.5);
    expect(frac((r) => r.grade === 'E5' || r.grade === 'F6')).toBeGreaterThan(0);
    expect(frac((r) => r.tlp === 'GREEN' || r.tlp === 'AMBER')).toBeGreaterThan(0.6);
    expect(frac((r) => r.tlp === 'RED')).toBeGreaterThan(0);
  });

  it('builds valid graphs at scale 0.1 and 5, growing with scale', () => {
    const small = buildSeedGraph({ seed: 42, scale: 0.1 });
    const large = buildSeedGraph({ seed: 42, scale: 5 });
    expect(small.nodes.length).toBeLessThan(graph.nodes.length);
    expect(large.nodes.length).toBeGreaterThan(graph.nodes.length);
    const count = (g: GraphBatch, kind: string) => g.nodes.filter((n) => n.kind === kind).length;
    for (const kind of ['Centre', 'Facilitator', 'Route']) {
      expect(count(small, kind)).toBeLessThan(count(graph, kind));
      expect(count(large, kind)).toBeGreaterThan(count(graph, kind));
    }
    expect(count(large, 'Facilitator')).toBe(750);
  });

  it('gives every record a unique id and every relationship existing ends', () => {
    const ids = [...graph.nodes, ...graph.relationships].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of graph.relationships) expect(byId.has(r.from) && byId.has(r.to), r.id).toBe(true);
  });

  it('locates every centre, and routes lead from an origin through numbered hops to a centre', () => {
    const centres = graph.nodes.filter((n) => n.kind === 'Centre');
    const located = new Set(ofKind(graph, 'LOCATED_IN').map((r) => r.from));
    for (const c of centres) expect(located.has(c.id), c.id).toBe(true);
    for (const route of graph.nodes.filter((n) => n.kind === 'Route')) {
      const transits = ofKind(graph, 'TRANSITS') as Array<{ from: string; hop: number }>;
      const hops = transits.filter((t) => t.from === route.id);
      expect(hops.map((h) => h.hop).sort()).toEqual(hops.map((_, i) => i + 1));
      const ends = ofKind(graph, 'DESTINED_FOR')
        .filter((d) => d.from === route.id)
        .map((d) => d.to.split(':')[0]);
      expect(ends.sort()).toEqual(['centre', 'country']);
    }
  });

  it('names facilitators and synthetic centres only from the codename word lists', () => {
    const facilitators = graph.nodes.filter((n) => n.kind === 'Facilitator');
    for (const f of facilitators) expect(f.name).toMatch(FACILITATOR_CODENAME_PATTERN);
    const centres = synthetic(graph.nodes.filter((n) => n.kind === 'Centre'));
    for (const c of centres) expect(c.name).toMatch(CENTRE_CODENAME_PATTERN);
    expect(new Set(facilitators.map((f) => f.name)).size).toBe(facilitators.length);
  });
});
