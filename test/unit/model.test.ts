import { describe, expect, it } from 'vitest';
import { ladybugDdl } from '../../server/store/embedded/ddl.ts';
import { gradeRank, weakestGrade } from '../../server/model/provenance.ts';
import {
  NODE_KINDS,
  REL_KINDS,
  nodeKindOfId,
  nodeProperties,
  parseBatch,
  relProperties,
} from '../../server/model/schema.ts';
import { foldText, searchKeyOf } from '../../server/model/text.ts';

describe('domain schema', () => {
  it('gives every node and relationship kind the provenance properties', () => {
    const provenance = ['sourceIds', 'grade', 'tlp', 'firstSeen', 'lastSeen', 'synthetic'];
    for (const kind of NODE_KINDS)
      expect(nodeProperties.get(kind.kind)!.map((p) => p.name)).toEqual(
        expect.arrayContaining(['id', 'name', ...provenance]),
      );
    for (const kind of REL_KINDS)
      expect(relProperties.get(kind.kind)!.map((p) => p.name)).toEqual(expect.arrayContaining(['id', ...provenance]));
  });

  it('has unique kinds and id prefixes, and maps ids back to kinds', () => {
    expect(new Set(NODE_KINDS.map((k) => k.prefix)).size).toBe(NODE_KINDS.length);
    expect(nodeKindOfId('centre:na-2024-01')?.kind).toBe('Centre');
    expect(nodeKindOfId('org:interpol')?.kind).toBe('Organisation');
    expect(nodeKindOfId('planet:mars')).toBeUndefined();
    expect(nodeKindOfId('centre')).toBeUndefined();
  });

  it('derives the Ladybug DDL: one table per kind, typed columns, rel tables with their endpoint pairs', () => {
    const all = ladybugDdl();
    const ddl = all.filter((s) => s.startsWith('CREATE'));
    expect(ddl).toHaveLength(NODE_KINDS.length + REL_KINDS.length);
    // columns added since: to every table, for data dirs made before them
    const alters = all.filter((s) => s.startsWith('ALTER'));
    expect(alters).toHaveLength(NODE_KINDS.length + REL_KINDS.length);
    expect(alters).toContain('ALTER TABLE Centre ADD IF NOT EXISTS excerpt STRING');
    expect(ddl.find((s) => s.includes('NODE TABLE IF NOT EXISTS Centre('))).toContain('excerpt STRING');
    const centre = ddl.find((s) => s.includes('NODE TABLE IF NOT EXISTS Centre('))!;
    expect(centre).toContain('id STRING PRIMARY KEY');
    expect(centre).toContain('workforce INT64');
    expect(centre).toContain('firstSeen DATE');
    expect(centre).toContain('sourceIds STRING[]');
    expect(centre).toContain('synthetic BOOLEAN');
    expect(ddl.find((s) => s.includes('Country('))).toContain('lat DOUBLE');
    expect(ddl.find((s) => s.includes('REL TABLE IF NOT EXISTS DESTINED_FOR('))).toContain(
      'FROM Route TO Country, FROM Route TO Centre',
    );
    const reported = ddl.find((s) => s.includes('REPORTED_IN('))!;
    expect(reported.match(/FROM \w+ TO Source/g)).toHaveLength(NODE_KINDS.length - 1);
  });

  it('rejects bad records with a path to each problem', () => {
    const result = parseBatch({
      nodes: [
        { kind: 'Centre', id: 'centre:x', name: 'X', status: 'active', grade: 'B2', tlp: 'AMBER' },
        { kind: 'Centre', id: 'country:x', name: 'Y', status: 'closed', grade: 'G9', tlp: 'PURPLE', synthetic: true },
      ],
      relationships: [
        { kind: 'LOCATED_IN', id: 'r1', from: 'centre:x', to: 'centre:y', grade: 'A1', tlp: 'RED', synthetic: true },
        {
          kind: 'LOCATED_IN',
          id: 'r2',
          from: 'centre:x',
          to: 'country:NA',
          grade: 'A1',
          tlp: 'RED',
          synthetic: true,
          firstSeen: '2024-05-01',
          lastSeen: '2023-01-01',
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'nodes[0]',
      'nodes[1].id',
      'nodes[1].status',
      'nodes[1].grade',
      'nodes[1].tlp',
      'relationships[0]',
      'relationships[1]',
    ]);
    expect(result.issues[0]!.message).toMatch(/must cite a source/);
    expect(result.issues[5]!.message).toBe('LOCATED_IN cannot join Centre to Centre');
    expect(result.issues[6]!.message).toMatch(/lastSeen is before firstSeen/);
  });

  it('refuses duplicate ids within a batch', () => {
    const node = {
      kind: 'ScamType',
      id: 'scamtype:romance',
      name: 'Romance',
      grade: 'A1',
      tlp: 'CLEAR',
      synthetic: true,
    };
    const result = parseBatch({ nodes: [node, node] });
    expect(result.ok ? [] : result.issues).toEqual([{ path: 'nodes[1].id', message: 'duplicate id scamtype:romance' }]);
  });
});

describe('Admiralty grades', () => {
  it('ranks reliability before credibility and finds the weakest', () => {
    expect(gradeRank('A1')).toBeLessThan(gradeRank('A6'));
    expect(gradeRank('B6')).toBeLessThan(gradeRank('C1'));
    expect(weakestGrade(['B2', 'F6', 'A1'])).toBe('F6');
    expect(weakestGrade(['B2', 'C1', 'B6'])).toBe('C1');
    expect(weakestGrade([undefined, null, 'bogus'])).toBeNull();
  });
});

describe('search text', () => {
  it('folds case and accents and keeps every name between separators', () => {
    expect(foldText('  Ça   Bêta ZONE ')).toBe('ca beta zone');
    expect(foldText('South-East Asia (dismantled 2024)')).toBe('south east asia dismantled 2024');
    expect(searchKeyOf('Beta Park', ['Bêta Zone', 'A|B'])).toBe('|beta park|beta zone|a b|');
  });
});

describe('README generated blocks', () => {
  it('match what the code generates (run `npm run docs` after changing the model or the library)', async () => {
    const { readFileSync } = await import('node:fs');
    const { currentBlock, readmeBlocks } = await import('../../server/docs/readme-blocks.ts');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const block of readmeBlocks()) expect(currentBlock(readme, block.id), block.id).toBe(block.content);
  });
});
