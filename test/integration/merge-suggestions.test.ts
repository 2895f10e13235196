/**
 * Duplicate suggestions on the seed graph (the facts and a small synthetic network), with
 * near-duplicates of seed entities added as an analyst's import would bring them: a name written
 * in capitals with accents and punctuation, and an entity known by another's alias. Both stores.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeKindOfId, parseBatch, type NodeRecordValue } from '../../server/model/schema.ts';
import { foldText } from '../../server/model/text.ts';
import { buildSeedGraph } from '../../seeds/index.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';

let h: Harness;
let centre: NodeRecordValue;
let facilitator: NodeRecordValue;

/** The name with accents on its vowels, in capitals, its spaces turned to hyphens: equal once folded. */
const disguised = (name: string) => name.toUpperCase().replace(/A/g, 'Á').replace(/E/g, 'É').replace(/ /g, ' - ');

beforeAll(async () => {
  const seed = buildSeedGraph({ seed: 3, scale: 0.2 });
  // a centre and a facilitator whose names no other entity of their kind shares
  const unique = (kind: string) =>
    seed.nodes.find(
      (n) =>
        n.kind === kind &&
        seed.nodes.filter((m) => m.kind === kind && foldText(m.name) === foldText(n.name)).length === 1,
    )!;
  centre = unique('Centre');
  facilitator = unique('Facilitator');
  const copy = (n: NodeRecordValue, id: string, over: object) => ({ ...n, id, ...over });
  const parsed = parseBatch({
    nodes: [
      ...seed.nodes,
      copy(centre, 'centre:dup-1', { name: disguised(centre.name), aliases: [] }),
      copy(facilitator, 'facilitator:dup-1', { name: 'Someone Else Entirely', aliases: [facilitator.name] }),
    ],
    relationships: seed.relationships,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  h = await startHarness(parsed.batch);
});
afterAll(async () => {
  await h?.close();
});

describe('duplicate suggestions on the seed', () => {
  it('finds a seed centre written another way, by its folded name', async () => {
    const res = await request(h.app).get('/api/merge/suggestions?kind=Centre').expect(200);
    expect(res.body.suggestions).toContainEqual({
      kind: 'Centre',
      ids: [centre.id, 'centre:dup-1'].sort(),
      labels: expect.arrayContaining([centre.name, disguised(centre.name)]),
      reason: 'same name',
      key: foldText(centre.name),
    });
    expect(res.body.suggestions.every((s: { kind: string }) => s.kind === 'Centre')).toBe(true);
  });

  it('finds a facilitator known by another’s name as an alias', async () => {
    const res = await request(h.app).get('/api/merge/suggestions').expect(200);
    expect(res.body.suggestions).toContainEqual(
      expect.objectContaining({
        kind: 'Facilitator',
        ids: [facilitator.id, 'facilitator:dup-1'].sort(),
        reason: 'shared alias',
        key: foldText(facilitator.name),
      }),
    );
    // every suggestion is of one kind, with at least two different entities
    for (const s of res.body.suggestions as { ids: string[]; kind: string }[]) {
      expect(new Set(s.ids).size).toBeGreaterThanOrEqual(2);
      expect(s.ids.every((id) => nodeKindOfId(id)?.kind === s.kind)).toBe(true);
    }
  });
});
