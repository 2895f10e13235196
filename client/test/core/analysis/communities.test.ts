/**
 * Louvain communities of what is shown: two groups joined by one link are two communities, each
 * naming its hub as its most central member; hidden and filtered nodes are in none; the same
 * canvas gives the same answer every time.
 */
import { describe, expect, it } from 'vitest';
import { detectCommunities, seededRandom } from '../../../src/core/analysis/communities.ts';
import { COMMUNITY_PALETTE, communityColours, OTHER_COMMUNITY } from '../../../src/core/analysis/community-colours.ts';
import { NO_FILTERS } from '../../../src/core/filters/filters.ts';
import { createGroup } from '../../../src/core/groups/groups.ts';
import { filters, graphOf } from '../fixtures.ts';

/**
 * Two wheels: facilitator:h1 recruits for centres p1..p5, which are linked in a ring
 * (p1-p2-…-p5-p1); facilitator:h2 the same with q1..q5. One link p5 - q5 joins the wheels. And
 * country:lone, linked to nobody. Within a wheel the hub lies on half the shortest paths between
 * leaves two apart on the ring: the most central member.
 */
function twoStars(extra: Record<string, Record<string, unknown>> = {}) {
  const node = (id: string, kind: string): [string, string, Record<string, unknown>] => [id, kind, extra[id] ?? {}];
  const wheel = (hub: string, leaf: string): [string, string, string, string][] => {
    const leaves = [1, 2, 3, 4, 5].map((i) => `centre:${leaf}${i}`);
    return [
      ...leaves.map((l, i): [string, string, string, string] => [`${leaf}-spoke${i}`, hub, l, 'RECRUITS_FOR']),
      ...leaves.map((l, i): [string, string, string, string] => [
        `${leaf}-ring${i}`,
        l,
        leaves[(i + 1) % leaves.length]!,
        'LINKED',
      ]),
    ];
  };
  return graphOf(
    [
      node('facilitator:h1', 'Facilitator'),
      node('facilitator:h2', 'Facilitator'),
      ...[1, 2, 3, 4, 5].flatMap((i) => [node(`centre:p${i}`, 'Centre'), node(`centre:q${i}`, 'Centre')]),
      node('country:lone', 'Country'),
    ],
    [...wheel('facilitator:h1', 'p'), ...wheel('facilitator:h2', 'q'), ['bridge', 'centre:p5', 'centre:q5', 'LINKED']],
  );
}

describe('communities of what is shown', () => {
  it('finds the two stars, largest first, each with its hub as the most central member', () => {
    const { list, of, modularity } = detectCommunities(twoStars(), NO_FILTERS);
    expect(list.map((c) => [c.number, c.members.length, c.central])).toEqual([
      [1, 6, 'facilitator:h1'],
      [2, 6, 'facilitator:h2'],
      [3, 1, 'country:lone'],
    ]);
    expect(list[0]!.members.sort()).toEqual([
      'centre:p1',
      'centre:p2',
      'centre:p3',
      'centre:p4',
      'centre:p5',
      'facilitator:h1',
    ]);
    expect(list[0]!.centrality).toBeGreaterThan(0);
    expect(of.get('centre:q5')).toBe(2);
    expect(of.get('country:lone')).toBe(3);
    expect(modularity).toBeGreaterThan(0.3);
  });

  it('measures the entities a group stands for, never the group node or its aggregated links', () => {
    const graph = twoStars();
    const group = createGroup(graph, ['centre:p1', 'centre:p2', 'centre:p3']);
    expect(group).toBeTruthy();
    const { list, of } = detectCommunities(graph, NO_FILTERS);
    expect(of.has(group!)).toBe(false);
    expect(list.flatMap((c) => c.members)).not.toContain(group);
    // the members still count, in their star, as before the grouping
    expect(list.map((c) => [c.members.length, c.central])).toEqual([
      [6, 'facilitator:h1'],
      [6, 'facilitator:h2'],
      [1, 'country:lone'],
    ]);
  });

  it('leaves hidden and filtered nodes out of every community', () => {
    const hidden = detectCommunities(twoStars({ 'facilitator:h2': { hiddenByUser: true } }), NO_FILTERS);
    expect(hidden.of.has('facilitator:h2')).toBe(false);
    expect(hidden.list.flatMap((c) => c.members)).not.toContain('facilitator:h2');
    const filtered = detectCommunities(twoStars(), filters({ hiddenKinds: ['Country'], fade: true }));
    expect(filtered.of.has('country:lone')).toBe(false);
    expect(filtered.list.map((c) => c.members.length)).toEqual([6, 6]);
    // with the ring links filtered out, the wheels are two stars still
    const spokes = detectCommunities(twoStars(), filters({ hiddenRelKinds: ['LINKED'], hiddenKinds: ['Country'] }));
    expect(spokes.list.map((c) => [c.members.length, c.central])).toEqual([
      [6, 'facilitator:h1'],
      [6, 'facilitator:h2'],
    ]);
    expect(spokes.list[0]!.centrality).toBe(1);
  });

  it('does not group two facts because one document reports both', () => {
    const graph = twoStars();
    graph.addNode('source:doc', { kind: 'Source', label: 'doc', x: 0, y: 0 });
    // the document cites one member of each star and the lone country
    for (const n of ['centre:p1', 'centre:q1', 'country:lone'])
      graph.addEdgeWithKey(`cite-${n}`, n, 'source:doc', { kind: 'REPORTED_IN' });
    const { list, of } = detectCommunities(graph, NO_FILTERS);
    expect(list.filter((c) => c.members.length > 1).map((c) => c.members.length)).toEqual([6, 6]);
    expect(list.filter((c) => c.members.length > 1).map((c) => c.central)).toEqual([
      'facilitator:h1',
      'facilitator:h2',
    ]);
    expect(list.find((c) => c.members.includes('source:doc'))!.members).toEqual(['source:doc']);
    expect(of.get('country:lone')).not.toBe(of.get('source:doc'));
  });

  it('gives the same communities for the same canvas, every time', () => {
    const once = detectCommunities(twoStars(), NO_FILTERS);
    for (let i = 0; i < 5; i++) expect(detectCommunities(twoStars(), NO_FILTERS)).toEqual(once);
    // and the two wheels whatever the seed: the answer is the graph's, not the generator's
    for (let seed = 1; seed <= 20; seed++)
      expect(detectCommunities(twoStars(), NO_FILTERS, seed).list.map((c) => c.members.sort())).toEqual(
        once.list.map((c) => c.members.sort()),
      );
    const r = seededRandom(7);
    const first = [r(), r(), r()];
    const again = seededRandom(7);
    expect([again(), again(), again()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('copes with nothing to group: an empty canvas, and nodes with no link', () => {
    expect(detectCommunities(graphOf([]), NO_FILTERS)).toEqual({ list: [], of: new Map(), modularity: 0 });
    const apart = detectCommunities(
      graphOf([
        ['a', 'Centre'],
        ['b', 'Centre'],
      ]),
      NO_FILTERS,
    );
    expect(apart.list.map((c) => c.members)).toEqual([['a'], ['b']]);
  });

  it('colours each community of two or more in turn, and the single nodes grey', () => {
    const colours = communityColours(detectCommunities(twoStars(), NO_FILTERS));
    expect(colours.get('facilitator:h1')).toBe(COMMUNITY_PALETTE[0]);
    expect(colours.get('centre:p3')).toBe(COMMUNITY_PALETTE[0]);
    expect(colours.get('centre:q5')).toBe(COMMUNITY_PALETTE[1]);
    expect(colours.get('country:lone')).toBe(OTHER_COMMUNITY);
  });
});
