/**
 * The web client core, run in node: the route view layout of client/src/core/geo/route-layout.ts.
 * Graphs here are built by hand in each test; none is drawn from a source.
 */
import { describe, expect, it } from 'vitest';
import { geoPlacements, project } from '../../../src/core/geo/route-layout.ts';
import { distance, graphOf } from '../fixtures.ts';

describe('route view layout', () => {
  it('puts east to the right of west and north above south (graph y grows upwards)', () => {
    const bangkok = project(100.5, 13.75)!;
    const nairobi = project(36.8, -1.3)!;
    const lima = project(-77, -12)!;
    expect(bangkok.x).toBeGreaterThan(nairobi.x);
    expect(nairobi.x).toBeGreaterThan(lima.x);
    expect(project(0, 60)!.y).toBeGreaterThan(project(0, 0)!.y);
    expect(project(0, 0)!.y).toBeGreaterThan(project(0, -40)!.y);
    expect(project(0, 0)).toEqual({ x: expect.closeTo(0, 9), y: expect.closeTo(0, 9) });
  });

  it('places countries at their centroids and centres beside the country they are located in', () => {
    const graph = graphOf(
      [
        ['country:TH', 'Country', { lat: 15, lng: 100, hubRegion: 'South-East Asia' }],
        ['country:KE', 'Country', { lat: 1, lng: 38, hubRegion: null }],
        ['country:XX', 'Country', { lat: null, lng: null }],
        ['centre:alpha', 'Centre'],
        ['centre:beta', 'Centre'],
        ['centre:lost', 'Centre'],
        ['centre:nowhere', 'Centre'],
        ['facilitator:f1', 'Facilitator', { lat: 15, lng: 100 }],
      ],
      [
        ['e1', 'centre:alpha', 'country:TH', 'LOCATED_IN'],
        ['e2', 'centre:beta', 'country:TH', 'LOCATED_IN'],
        ['e3', 'country:KE', 'centre:alpha', 'TRAFFICKED_TO'],
        ['e4', 'centre:lost', 'country:XX', 'LOCATED_IN'],
        ['e5', 'facilitator:f1', 'centre:nowhere', 'RECRUITS_FOR'],
      ],
    );
    const placed = geoPlacements(graph);
    expect([...placed.keys()].sort()).toEqual(['centre:alpha', 'centre:beta', 'country:KE', 'country:TH']);
    const th = placed.get('country:TH')!;
    expect(th).toEqual({ ...project(100, 15)!, hub: 'South-East Asia' });
    expect(placed.get('country:KE')!.hub).toBeNull();
    for (const key of ['centre:alpha', 'centre:beta']) {
      const centre = placed.get(key)!;
      expect(centre.hub).toBe('South-East Asia');
      expect(distance(centre, th)).toBeGreaterThan(0);
      expect(distance(centre, th)).toBeLessThan(15);
      expect(distance(centre, th)).toBeLessThan(distance(centre, placed.get('country:KE')!));
    }
    // two centres in one country do not sit on each other
    expect(distance(placed.get('centre:alpha')!, placed.get('centre:beta')!)).toBeGreaterThan(1);
  });
});
