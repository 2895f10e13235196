/**
 * The STIX 2.1 export (issue 15) checked by OASIS's stix2-validator, on the seed graph; its TLP
 * 2.0 markings, Admiralty confidence and sources; nothing above the recipient's TLP in the file;
 * and its import back into an empty store, to the same graph (same data version). Hostile
 * bundles are refused with a 400 naming the object, and nothing is written.
 * The validator lives in .venv-interop/ (test/interop/setup-python.sh); without it the validator
 * tests are skipped with a message, except under CI=true, where they fail.
 *
 * The exporting stores are LadybugDB in both vitest projects; what is imported goes into the
 * project's store, so in the `neo4j` project each round trip runs from LadybugDB into Neo4j.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../../server/graph/counts.ts';
import { STIX_TYPE_OF_KIND, TLP_MARKING_IDS, X, stixId } from '../../server/model/stix-vocabulary.ts';
import type { GraphBatch } from '../../server/model/schema.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { VISIBLE_TO_GREEN, markedGraph, withheldFromGreen } from '../support/export-marked-graph.ts';
import { announcePythonSkip, hasPython, pythonRequired, validateStix } from '../support/interop.ts';
import { allOf, exportFrom } from '../support/export-request.ts';

announcePythonSkip('test/integration/export-stix.test.ts (stix2-validator)');

type Stix = Record<string, unknown> & { type: string; id: string };
type Bundle = { type: string; id: string; objects: Stix[] };

const SEED = { seed: 42, scale: 0.2 };
let seed: GraphBatch;
let h: Harness;
let marked: Harness;

beforeAll(async () => {
  seed = buildSeedGraph(SEED);
  h = await startHarness(seed, { backend: 'embedded' });
  marked = await startHarness(markedGraph(), { backend: 'embedded' });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await marked?.close();
});

const records = (bundle: Bundle) => bundle.objects.filter((o) => typeof o[X.kind] === 'string');

describe('STIX 2.1 export of the seed graph', () => {
  let bytes: Buffer;
  let bundle: Bundle;
  beforeAll(async () => {
    const out = await exportFrom(h.app, { format: 'stix', selection: allOf(seed), title: 'Seed STIX' });
    bytes = out.bytes;
    bundle = JSON.parse(bytes.toString()) as Bundle;
    expect(out.res.headers['content-type']).toMatch(/^application\/stix\+json/);
    expect(out.res.headers['content-disposition']).toMatch(/Seed-STIX-\d{4}-\d{2}-\d{2}\.stix\.json/);
  });

  it('is one bundle with an object per node and per relationship, of the mapped STIX types', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    const objs = records(bundle);
    expect(objs.length).toBe(seed.nodes.length + seed.relationships.length);
    for (const n of seed.nodes) {
      const o = objs.find((x) => x[X.id] === n.id && x.type !== 'relationship');
      expect(o, n.id).toBeDefined();
      const expected =
        n.kind === 'Region' && !['South-East Asia', 'Middle East', 'West Africa', 'Central America'].includes(n.name)
          ? 'x-scamnet-region'
          : STIX_TYPE_OF_KIND[n.kind];
      expect(o!.type, n.id).toBe(expected);
      expect(o!.id).toBe(stixId(o!.type, n.id));
      expect(o!.name).toBe(n.name);
      if (n.kind === 'Country') expect(o!.country).toBe((n as { iso2: string }).iso2);
      if (n.kind === 'Organisation') expect(o!.identity_class).toBe('organization');
      if (n.kind === 'Facilitator') expect(o!.threat_actor_types).toEqual(['criminal']);
    }
    const rels = objs.filter((o) => o.type === 'relationship');
    expect(rels.length).toBe(seed.relationships.length);
    const byScamnetId = new Map(objs.filter((o) => o.type !== 'relationship').map((o) => [o.id, o[X.id]]));
    for (const r of seed.relationships) {
      const o = rels.find((x) => x[X.id] === r.id)!;
      expect(o, r.id).toBeDefined();
      expect([byScamnetId.get(o.source_ref as string), byScamnetId.get(o.target_ref as string)]).toEqual([
        r.from,
        r.to,
      ]);
      expect(o.relationship_type).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('marks every object with the official TLP 2.0 marking definition of its TLP, defined in the bundle', () => {
    const definitions = bundle.objects.filter((o) => o.type === 'marking-definition');
    for (const d of definitions) {
      const tlp = String(d.name).replace('TLP:', '') as keyof typeof TLP_MARKING_IDS;
      expect(d.id).toBe(TLP_MARKING_IDS[tlp]);
      expect(d.extensions).toEqual({
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: tlp.toLowerCase(),
        },
      });
    }
    const defined = new Set(definitions.map((d) => d.id));
    const items = new Map([...seed.nodes, ...seed.relationships].map((i) => [i.id, i]));
    for (const o of records(bundle)) {
      const item = items.get(o[X.id] as string)!;
      expect(o.object_marking_refs, o.id).toEqual([TLP_MARKING_IDS[item.tlp]]);
      expect(defined.has(TLP_MARKING_IDS[item.tlp])).toBe(true);
    }
    // and every other object too: the producer's identity, the manifest's note
    for (const o of bundle.objects.filter((x) => x.type !== 'marking-definition')) {
      const refs = o.object_marking_refs as string[] | undefined;
      expect(refs?.length, o.id).toBe(1);
      expect(defined.has(refs![0]!), o.id).toBe(true);
    }
  });

  it('maps the Admiralty credibility to confidence (STIX 2.1 appendix), carries both halves and cites the sources', () => {
    const want: Record<string, number | undefined> = { '1': 90, '2': 70, '3': 50, '4': 30, '5': 10, '6': undefined };
    const items = new Map([...seed.nodes, ...seed.relationships].map((i) => [i.id, i]));
    const sources = new Map(seed.nodes.filter((n) => n.kind === 'Source').map((n) => [n.id, n]));
    let cited = 0;
    for (const o of records(bundle)) {
      const item = items.get(o[X.id] as string)!;
      expect(o[X.reliability]).toBe(item.grade[0]);
      expect(o[X.credibility]).toBe(item.grade[1]);
      expect(o.confidence, `${o.id} ${item.grade}`).toBe(want[item.grade[1]!]);
      const refs = (o.external_references ?? []) as { source_name: string; external_id?: string }[];
      expect(refs.map((r) => r.external_id)).toEqual(item.sourceIds);
      for (const r of refs)
        if (sources.has(r.external_id!)) expect(r.source_name).toBe(sources.get(r.external_id!)!.name);
      cited += refs.length;
      expect(o[X.properties]).toMatchObject({ grade: item.grade, tlp: item.tlp, synthetic: item.synthetic });
    }
    expect(cited).toBeGreaterThan(0);
  });

  describe.runIf(hasPython || pythonRequired)('read by stix2-validator', () => {
    it('has the validator', () => {
      expect(hasPython, '.venv-interop is missing: .ci/run must call test/interop/setup-python.sh').toBe(true);
    });

    it('is a valid STIX 2.1 bundle: no errors', () => {
      const check = validateStix(bytes);
      expect(check.errors).toEqual([]);
      expect(check.valid).toBe(true);
      // the warnings are of three kinds only, each a choice the README explains: deterministic
      // UUIDv5 ids (103), x_scamnet_ custom properties and x-scamnet- objects rather than
      // extension definitions (401), relationship types outside the spec's suggestions (202)
      const codes = new Set(check.warnings.map((w) => w.match(/\{(\d+)\}/)?.[1]));
      expect([...codes].sort()).toEqual(['103', '202', '401']);
      expect(check.objects.relationship).toBe(seed.relationships.length);
      expect(check.objects['marking-definition']).toBeGreaterThanOrEqual(1);
      // the validator takes 5 s on a quiet machine, over 30 s on a busy one
    }, 180_000);
  });
});

describe('STIX export for a recipient: markings are law', () => {
  it('holds nothing above GREEN: not the objects, their ids, STIX ids or names', async () => {
    const all = markedGraph();
    const { bytes } = await exportFrom(marked.app, { format: 'stix', selection: allOf(all), recipientTlp: 'GREEN' });
    const text = bytes.toString();
    const bundle = JSON.parse(text) as Bundle;
    expect(
      records(bundle)
        .filter((o) => o.type !== 'relationship')
        .map((o) => o[X.id])
        .sort(),
    ).toEqual([...VISIBLE_TO_GREEN].sort());
    for (const secret of withheldFromGreen()) expect(text, secret).not.toContain(secret);
    for (const n of all.nodes.filter((x) => !VISIBLE_TO_GREEN.includes(x.id))) {
      for (const type of new Set(Object.values(STIX_TYPE_OF_KIND).concat('x-scamnet-region')))
        expect(text).not.toContain(stixId(type, n.id));
    }
    for (const tlp of ['AMBER', 'AMBER+STRICT', 'RED'] as const) expect(text).not.toContain(TLP_MARKING_IDS[tlp]);
    // a citation of the RED source reads `withheld`
    const ngo = bundle.objects.find((o) => o[X.id] === 'org:green-ngo')!;
    expect((ngo.external_references as { source_name: string }[]).map((r) => r.source_name)).toContain('withheld');
    if (hasPython) expect(validateStix(bytes).errors).toEqual([]);
  }, 120_000);
});

async function importInto(target: Harness, name: string, bytes: Buffer) {
  return request(target.app).post('/api/import').set('X-Scamnet-Request', '1').attach('files', bytes, name);
}

describe('STIX import', () => {
  it('reads the export back into an empty store as the same graph (same data version and counts)', async () => {
    const { bytes } = await exportFrom(h.app, { format: 'stix', selection: allOf(seed) });
    const empty = await startHarness();
    try {
      const res = await importInto(empty, 'seed.stix.json', bytes);
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.body.nodes.created).toBe(seed.nodes.length);
      expect(res.body.relationships.created).toBe(seed.relationships.length);
      expect(await graphCounts(empty.store)).toEqual({
        nodes: seed.nodes.length,
        relationships: seed.relationships.length,
      });
      const before = JSON.parse((await exportFrom(h.app, { format: 'json', selection: allOf(seed) })).bytes.toString());
      const after = JSON.parse(
        (await exportFrom(empty.app, { format: 'json', selection: allOf(seed) })).bytes.toString(),
      );
      expect(after.attributes.manifest.dataVersion).toBe(before.attributes.manifest.dataVersion);
      // and again: nothing changes
      const again = await importInto(empty, 'seed.json', bytes);
      expect(again.body.nodes).toEqual({ created: 0, updated: 0, unchanged: seed.nodes.length });
    } finally {
      await empty.close();
    }
  }, 120_000);

  it('refuses hostile bundles with a 400 naming the problem, and writes nothing', async () => {
    const { bytes } = await exportFrom(marked.app, { format: 'stix', selection: allOf(markedGraph()) });
    const good = JSON.parse(bytes.toString()) as Bundle;
    const edit = (f: (b: Bundle) => void) => {
      const b = structuredClone(good);
      f(b);
      return Buffer.from(JSON.stringify(b, null, 2));
    };
    const first = (b: Bundle, kind: string) => b.objects.find((o) => o[X.kind] === kind)!;
    const cases: [string, Buffer, RegExp][] = [
      ['malformed JSON', Buffer.from('{"type": "bundle", "objects": [ {'), /not valid JSON/],
      ['not a bundle', Buffer.from('{"type": "bundle", "objects": 7}'), /expected a STIX 2\.1 bundle/],
      [
        'a foreign object',
        edit((b) =>
          b.objects.push({ type: 'malware', id: 'malware--6f1c1a4e-2b7d-4e0a-9a55-5c2a9d1f0b3e', name: 'x' }),
        ),
        /has no x_scamnet_kind/,
      ],
      ['an unknown kind', edit((b) => void (first(b, 'Centre')[X.kind] = 'Spaceship')), /unknown kind Spaceship/],
      [
        'a wrong type',
        edit((b) => void ((first(b, 'Centre')[X.properties] as Record<string, unknown>).workforce = 'many')),
        /workforce|number/,
      ],
      [
        'a marking that disagrees with the record',
        edit((b) => void (first(b, 'Centre').object_marking_refs = [TLP_MARKING_IDS.CLEAR])),
        /marking is TLP:CLEAR/,
      ],
      [
        'a dangling relationship end',
        edit(
          (b) =>
            void (b.objects.find((o) => o.type === 'relationship')!.target_ref =
              'location--00000000-0000-5000-8000-000000000000'),
        ),
        /names no scamnet object/,
      ],
    ];
    const empty = await startHarness();
    try {
      for (const [what, body, reason] of cases) {
        const res = await importInto(empty, 'hostile.stix.json', body);
        expect(res.status, what).toBe(400);
        expect(res.body.error.code, what).toBe('invalid_import');
        expect(typeof res.body.error.message).toBe('string');
        expect(JSON.stringify(res.body.error.details.issues), what).toMatch(reason);
        expect(await graphCounts(empty.store), what).toEqual({ nodes: 0, relationships: 0 });
      }
    } finally {
      await empty.close();
    }
  }, 120_000);
});
