/** The facts dataset drawn from shared/seed-documents: its figures, citations and shape. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBatch, type GraphBatch, type NodeRecordValue, type RelRecordValue } from '../../server/model/schema.ts';
import { relId } from '../../server/model/relationships.ts';
import { buildFacts } from '../../seeds/index.ts';

const facts: GraphBatch = buildFacts();
// CI clones the repo with shared/ beside it, so resolve from this file, not from the working directory.
const DOCUMENTS_DIR = fileURLToPath(new URL('../../../shared/seed-documents/', import.meta.url));

const SRC = {
  trendUpdate: 'source:000_d5d37bd4ebfb1db8',
  nation: 'source:001_0b187844e311fd7f',
  assembly: 'source:002_845b10b1017ca4f8',
  digest: 'source:003_d1fbb8a45f81ff39',
  star: 'source:004_467ed27b33a965d4',
};

function node(id: string): NodeRecordValue & Record<string, unknown> {
  const found = facts.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no fact node ${id}`);
  return found as NodeRecordValue & Record<string, unknown>;
}
function rel(kind: string, from: string, to: string): RelRecordValue {
  const found = facts.relationships.find((r) => r.kind === kind && r.from === from && r.to === to);
  if (!found) throw new Error(`no ${kind} from ${from} to ${to}`);
  return found;
}

describe('facts dataset', () => {
  it('is a valid batch for the domain schema', () => {
    const parsed = parseBatch(facts);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('holds one Source node per document, with publisher and date', () => {
    const sources = facts.nodes.filter((n) => n.kind === 'Source');
    expect(sources.map((s) => s.id).sort()).toEqual(Object.values(SRC).sort());
    expect(node(SRC.trendUpdate)).toMatchObject({ publisher: 'INTERPOL', published: '2025-06-30' });
    expect(node(SRC.nation)).toMatchObject({ published: '2025-07' });
    expect(node(SRC.digest)).toMatchObject({ published: '2025' });
  });

  it('has the Namibia centre: 88 people, located in Namibia, cited to the June update', () => {
    const centre = node('centre:na-2024-01');
    expect(centre).toMatchObject({ kind: 'Centre', status: 'dismantled', workforce: 88, synthetic: false });
    expect(centre.sourceIds).toContain(SRC.trendUpdate);
    expect(centre).toMatchObject({ firstSeen: '2024-01-01', lastSeen: '2024-12-31' });
    expect(rel('LOCATED_IN', 'centre:na-2024-01', 'country:NA').sourceIds).toContain(SRC.trendUpdate);
    expect(node('country:NA')).toMatchObject({ name: 'Namibia', iso3: 'NAM', hubRegion: null });
  });

  it('has the Namibia operation with the seizures that only the Nation article reports', () => {
    const raid = facts.relationships.find((r) => r.kind === 'RAIDED' && r.to === 'centre:na-2024-01');
    expect(raid).toBeDefined();
    const operation = node(raid!.from);
    // the documents give neither the operation's scope nor a number freed
    expect(operation).toMatchObject({ scope: null, victimsFreed: null, computersSeized: 163, phonesSeized: 350 });
    expect(operation.sourceIds).toEqual(expect.arrayContaining([SRC.trendUpdate, SRC.nation]));
    // graded by its least-supported figure: a newspaper's alone
    expect(operation.grade).toBe('B2');
    expect(rel('CONDUCTED_IN', operation.id, 'country:NA')).toBeDefined();
  });

  it('has the raided Philippines centre and the global operation that raided it', () => {
    expect(node('centre:ph-2024-01')).toMatchObject({ status: 'raided', synthetic: false });
    expect(rel('LOCATED_IN', 'centre:ph-2024-01', 'country:PH')).toBeDefined();
    expect(rel('IN_REGION', 'country:PH', 'region:south-east-asia')).toBeDefined();
    const raid = facts.relationships.find((r) => r.kind === 'RAIDED' && r.to === 'centre:ph-2024-01')!;
    expect(node(raid.from)).toMatchObject({ scope: 'global' });
    expect(rel('COORDINATED', 'org:interpol', raid.from)).toBeDefined();
  });

  it('has the 2024 operation in 116 countries with over 2,500 arrests, cited to the Assembly release', () => {
    const operation = facts.nodes.find(
      (n) => n.kind === 'Operation' && (n as Record<string, unknown>).countriesInvolved === 116,
    );
    expect(operation).toMatchObject({ scope: 'global', arrests: 2500, firstSeen: '2024-01-01' });
    expect(operation!.sourceIds).toContain(SRC.assembly);
    expect(rel('COORDINATED', 'org:interpol', operation!.id).sourceIds).toContain(SRC.assembly);
  });

  it('has the Purple (2022) and Orange (2023) notices issued by INTERPOL and what they warn about', () => {
    const notices = facts.nodes.filter((n) => n.kind === 'Notice') as Array<NodeRecordValue & { colour: string }>;
    const purple = notices.find((n) => n.colour === 'Purple')!;
    const orange = notices.find((n) => n.colour === 'Orange')!;
    expect(purple.firstSeen?.slice(0, 4)).toBe('2022');
    expect(orange.firstSeen?.slice(0, 4)).toBe('2023');
    expect(rel('ISSUED', 'org:interpol', purple.id)).toBeDefined();
    expect(rel('ISSUED', 'org:interpol', orange.id)).toBeDefined();
    expect(rel('WARNS_ABOUT', purple.id, 'method:social-media-recruitment').sourceIds).toContain(SRC.assembly);
    expect(facts.relationships.some((r) => r.kind === 'WARNS_ABOUT' && r.from === orange.id)).toBe(true);
  });

  it('has the four hub regions with their published status', () => {
    expect(node('region:south-east-asia')).toMatchObject({ hubStatus: 'original', victimShare: 0.74 });
    expect(node('region:west-africa')).toMatchObject({ hubStatus: 'emerging' });
    expect(node('region:middle-east')).toMatchObject({ hubStatus: 'observed' });
    expect(node('region:central-america')).toMatchObject({ hubStatus: 'observed' });
  });

  it('names the scam types, the converging crimes and I-GRIP', () => {
    const scamTypes = facts.nodes.filter((n) => n.kind === 'ScamType').map((n) => n.id);
    expect(scamTypes).toEqual(
      expect.arrayContaining(
        [
          'romance',
          'investment',
          'cryptocurrency',
          'voice-phishing',
          'money-transfer',
          'online-gambling',
          'sextortion',
        ].map((s) => `scamtype:${s}`),
      ),
    );
    expect(node('crime:wildlife-pangolins')).toMatchObject({ category: 'wildlife', species: 'pangolin' });
    expect(rel('CONVERGES_IN', 'crime:wildlife-tigers', 'region:south-east-asia')).toBeDefined();
    expect(node('org:i-grip')).toMatchObject({ type: 'financial', sourceIds: [SRC.nation] });
    expect(node('country:KR').description).toMatch(/resolution/);
  });

  it('cites an existing Source on every record, and links every fact to each source it cites', () => {
    const sourceIds = new Set(facts.nodes.filter((n) => n.kind === 'Source').map((n) => n.id));
    const relIds = new Set(facts.relationships.map((r) => r.id));
    for (const record of [...facts.nodes, ...facts.relationships]) {
      expect(record.synthetic, record.id).toBe(false);
      expect(record.tlp, record.id).toBe('CLEAR');
      expect(record.sourceIds.length, record.id).toBeGreaterThan(0);
      for (const id of record.sourceIds) expect(sourceIds.has(id), `${record.id} cites ${id}`).toBe(true);
    }
    for (const n of facts.nodes.filter((x) => x.kind !== 'Source')) {
      for (const s of n.sourceIds) {
        expect(relIds.has(relId('REPORTED_IN', n.id, s)), `${n.id} REPORTED_IN ${s}`).toBe(true);
      }
    }
  });

  it('takes Country nodes from world-countries', () => {
    expect(node('country:PH')).toMatchObject({
      name: 'Philippines',
      iso2: 'PH',
      iso3: 'PHL',
      hubRegion: 'South-East Asia',
    });
    expect(node('country:KR')).toMatchObject({ name: 'South Korea', aliases: ['Republic of Korea'] });
  });

  it('cites only files present in shared/seed-documents', (ctx) => {
    if (!existsSync(DOCUMENTS_DIR)) {
      ctx.skip(`seed documents folder not found at ${DOCUMENTS_DIR}; cannot check the cited files`);
    }
    const sources = facts.nodes.filter((n) => n.kind === 'Source') as Array<NodeRecordValue & { file: string }>;
    const files = sources.map((s) => s.file);
    expect(files).toHaveLength(5);
    for (const file of files) expect(existsSync(join(DOCUMENTS_DIR, file)), file).toBe(true);
  });

  // Every figure in the facts must appear in a document its record cites (in the words used there).
  const FIGURES: Array<[id: string, property: string, value: number, text: RegExp]> = [
    ['centre:na-2024-01', 'workforce', 88, /\b88 (youths|young people)\b/],
    ['operation:na-2024-01', 'computersSeized', 163, /\b163 computers\b/],
    ['operation:na-2024-01', 'phonesSeized', 350, /\b350 mobile phones\b/],
    ['operation:global-2024-116-countries', 'countriesInvolved', 116, /\b116 countries\b/],
    ['operation:global-2024-116-countries', 'arrests', 2500, /\b(over )?2,500 (arrests|individuals)\b/],
    ['region:south-east-asia', 'victimShare', 0.74, /Seventy-four per ?cent/],
  ];

  it.for(FIGURES)('finds %s %s = %s in a document it cites', ([id, property, value, text], ctx) => {
    if (!existsSync(DOCUMENTS_DIR)) ctx.skip(`seed documents folder not found at ${DOCUMENTS_DIR}`);
    const record = node(id);
    expect(record[property]).toBe(value);
    const files = record.sourceIds.map((sid) => `${sid.replace(/^source:/, '')}.txt`);
    const cited = files.map((f) => readFileSync(join(DOCUMENTS_DIR, f), 'utf8'));
    expect(
      cited.some((doc) => text.test(doc)),
      `${id}.${property} in ${files.join(', ')}`,
    ).toBe(true);
  });
});
