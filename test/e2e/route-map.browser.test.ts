/**
 * The route view at scale in real Chromium against the real server, on the seed at scale 5
 * (~200 centres, ~200 victim flows into four hub regions): flows aggregated into one arrow per
 * origin and hub, arrow widths ordered by victims, every hub region's disc labelled and apart, a
 * country's centres one disc until a click opens it, an arrow's details listing its flows, and
 * discs as wide on screen at two zoom levels. Skipped, with a message, without Chromium; under
 * CI=true the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { HUB_REGIONS } from '../../server/model/kinds.ts';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { clickCanvasAt, keepScreenshot, usePageSession } from '../support/browser-page.ts';

announceSkip('test/e2e/route-map.browser.test.ts');
// seeding scale 5 and starting the server takes longer than the default hook bound on a busy machine
vi.setConfig({ hookTimeout: 180_000 });

interface MapNode {
  key: string;
  role: string;
  country: string | null;
  members: string[];
  label: string;
  size: number;
  forceLabel: boolean;
  hidden: boolean;
  at: { x: number; y: number };
}
interface MapEdge {
  key: string;
  source: string;
  target: string;
  victims: number;
  members: string[];
  size: number;
}

/** What sigma draws in the route view: the map graph's nodes and arrows, with where and how big. */
async function drawnMap(page: Page): Promise<{ nodes: MapNode[]; edges: MapEdge[] }> {
  return page.evaluate(() => {
    const { sigma } = (window as unknown as ScamnetWindow).scamnet;
    const g = sigma.getGraph();
    const nodes = g.mapNodes((key, a) => {
      const shown = sigma.getNodeDisplayData(key);
      return {
        key,
        role: String(a.role),
        country: (a.country as string | null) ?? null,
        members: a.members as string[],
        label: String(shown?.label ?? ''),
        size: shown?.size ?? 0,
        forceLabel: Boolean(shown?.forceLabel),
        hidden: Boolean(shown?.hidden),
        at: shown ? sigma.framedGraphToViewport(shown) : { x: NaN, y: NaN },
      };
    });
    const edges = g.mapEdges((key, a, source, target) => ({
      key,
      source,
      target,
      victims: Number(a.victims),
      members: a.members as string[],
      size: sigma.getEdgeDisplayData(key)?.size ?? 0,
    }));
    return { nodes, edges };
  });
}

/** The data graph's victim flows and centres, as the server sent them. */
async function dataFlows(page: Page) {
  return page.evaluate(() => {
    const { graph } = (window as unknown as ScamnetWindow).scamnet;
    const flows = Object.fromEntries(
      graph
        .filterEdges((_: string, a: Record<string, unknown>) => a.kind === 'TRAFFICKED_TO')
        .map((e: string) => [e, Number(graph.getEdgeAttribute(e, 'victims') ?? 0)]),
    ) as Record<string, number>;
    const countryOf: Record<string, string> = {};
    const hubOf: Record<string, string | null> = {};
    graph.forEachEdge((_: string, a: Record<string, unknown>, s: string, t: string) => {
      if (a.kind === 'LOCATED_IN' && graph.getNodeAttribute(s, 'kind') === 'Centre') {
        countryOf[s] = t;
        hubOf[s] = (graph.getNodeAttribute(t, 'hubRegion') as string | null) ?? null;
      }
    });
    return { flows, countryOf, hubOf };
  });
}

/** Waits until a node of the map stays put on screen (the camera's animation has ended). */
async function still(page: Page, key: string): Promise<{ x: number; y: number }> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify((await drawnMap(page)).nodes.find((n) => n.key === key)?.at ?? null);
        const same = now === last && now !== 'null';
        last = now;
        return same;
      },
      { interval: 150, timeout: 10_000 },
    )
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number };
}

/** A node's drawn radius in pixels, as sigma's own picking sees it: the first offset right of its centre that is not it. */
async function pickedRadius(page: Page, key: string): Promise<number> {
  return page.evaluate((n) => {
    const { sigma } = (window as unknown as ScamnetWindow).scamnet;
    const s = sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null };
    const shown = sigma.getNodeDisplayData(n);
    if (!shown) throw new Error(`${n} is not drawn`);
    const c = sigma.framedGraphToViewport(shown);
    let r = 0;
    while (r < 80 && s.getNodeAtPosition({ x: c.x + r, y: c.y }) === n) r += 1;
    return r;
  }, key);
}

async function loadEveryHub(page: Page): Promise<void> {
  await page.click('text=Load victim flows to every hub');
  await expect
    .poll(async () => (await drawnMap(page)).nodes.filter((n) => n.role === 'hub').length, { timeout: 30_000 })
    .toBe(HUB_REGIONS.length);
  // the four hub queries arrive one after the other: wait until every flow the page holds is drawn
  await expect
    .poll(
      async () => {
        const [map, data] = [await drawnMap(page), await dataFlows(page)];
        const drawn = map.edges.reduce((s, e) => s + e.members.length, 0);
        return drawn > 0 && drawn === Object.keys(data.flows).length;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

describe.runIf(hasChromium || browserRequired)('the route view at scale in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '5' });

  it('aggregates the flows into one arrow per origin region and hub, widths ordered by victims, every hub labelled', async () => {
    const page = await session.open('?view=routes');
    await loadEveryHub(page);
    const map = await drawnMap(page);
    const data = await dataFlows(page);
    // far fewer arrows than flows, each the sum of the flows it stands for, every flow in one arrow
    expect(map.edges.length).toBeLessThan(Object.keys(data.flows).length / 2);
    for (const e of map.edges) expect(e.victims).toBe(e.members.reduce((s, m) => s + data.flows[m]!, 0));
    expect(map.edges.flatMap((e) => e.members).sort()).toEqual(Object.keys(data.flows).sort());
    for (const e of map.edges) expect(e.source.startsWith('origin-region:')).toBe(true);
    // drawn widths follow the victims: never thinner for more
    const byVictims = [...map.edges].sort((a, b) => a.victims - b.victims);
    for (let i = 1; i < byVictims.length; i++) {
      const [a, b] = [byVictims[i - 1]!, byVictims[i]!];
      if (b.victims > a.victims) expect(b.size, `${b.key} vs ${a.key}`).toBeGreaterThan(a.size);
    }
    expect(byVictims.at(-1)!.size).toBeGreaterThan(byVictims[0]!.size * 2);
    // every hub region: one disc with its centres' count, always labelled, inside the canvas, clear of the others
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const hubs = map.nodes.filter((n) => n.role === 'hub');
    for (const hub of HUB_REGIONS) {
      const disc = hubs.find((n) => n.key === `hub:${hub}`)!;
      const centres = Object.entries(data.hubOf).filter(([, h]) => h === hub).length;
      expect(disc.label).toBe(`${hub} · ${centres} centres`);
      expect(disc.members).toHaveLength(centres);
      expect(disc.forceLabel).toBe(true);
      expect(disc.at.x).toBeGreaterThan(0);
      expect(disc.at.x).toBeLessThan(stage.width);
      for (const other of hubs.filter((n) => n !== disc))
        expect(Math.hypot(disc.at.x - other.at.x, disc.at.y - other.at.y)).toBeGreaterThan(disc.size + other.size);
    }
    await keepScreenshot(page, 'route-map-world.png');
  });

  it('clusters a country’s centres into one disc with their count, opened on a click; an arrow lists its flows', async () => {
    const page = await session.open('?view=routes');
    await loadEveryHub(page);
    // a click on South-East Asia's disc zooms in to its countries
    const sea = await still(page, 'hub:South-East Asia');
    await clickCanvasAt(page, sea.x, sea.y);
    await expect
      .poll(async () => (await drawnMap(page)).nodes.filter((n) => n.role === 'cluster').length, { timeout: 10_000 })
      .toBeGreaterThan(3);
    const data = await dataFlows(page);
    const clusters = (await drawnMap(page)).nodes.filter((n) => n.role === 'cluster' && !n.hidden);
    for (const c of clusters) {
      const inCountry = Object.entries(data.countryOf).filter(([, country]) => country === c.country);
      expect(c.members.sort()).toEqual(inCountry.map(([centre]) => centre).sort());
      expect(c.label).toMatch(new RegExp(` · ${c.members.length} centres?$`));
    }
    const biggest = clusters.sort((a, b) => b.members.length - a.members.length)[0]!;
    expect(biggest.members.length).toBeGreaterThan(5);
    await keepScreenshot(page, 'route-map-countries.png');
    const at = await still(page, biggest.key);
    await clickCanvasAt(page, at.x, at.y);
    await expect
      .poll(async () => {
        const now = await drawnMap(page);
        return {
          closed: now.nodes.some((n) => n.key === biggest.key),
          centres: now.nodes
            .filter((n) => n.role === 'centre' && n.country === biggest.country)
            .map((n) => n.key)
            .sort(),
        };
      })
      .toEqual({ closed: false, centres: biggest.members });
    await still(page, biggest.members[0]!);
    await keepScreenshot(page, 'route-map-opened.png');

    // an arrow into one of the opened centres: clicked where sigma picks it, its flows listed
    const target = await page.evaluate((centres) => {
      const { sigma } = (window as unknown as ScamnetWindow).scamnet;
      const s = sigma as unknown as {
        getEdgeAtPoint(x: number, y: number): string | null;
        getNodeAtPosition(p: { x: number; y: number }): string | null;
      };
      const g = sigma.getGraph();
      for (const edge of g.filterEdges((_e, _a, _s, t) => centres.includes(t))) {
        const [a, b] = g.extremities(edge).map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
        for (let f = 0.5; f > 0.1; f -= 0.05) {
          const p = { x: a!.x + (b!.x - a!.x) * f, y: a!.y + (b!.y - a!.y) * f };
          const { width, height } = sigma.getDimensions();
          if (p.x < 5 || p.y < 5 || p.x > width - 5 || p.y > height - 5) continue;
          if (s.getEdgeAtPoint(p.x, p.y) === edge && s.getNodeAtPosition(p) === null) return { edge, p };
        }
      }
      return null;
    }, biggest.members);
    expect(target).not.toBeNull();
    await clickCanvasAt(page, target!.p.x, target!.p.y);
    const edge = (await drawnMap(page)).edges.find((e) => e.key === target!.edge)!;
    await page.locator('[data-testid=flow-members]').waitFor();
    expect(await page.locator('[data-testid=flow-members] tbody tr').count()).toBe(edge.members.length);
    expect(await page.textContent('[data-testid=flow-total]')).toContain(
      `${edge.victims.toLocaleString('en')} victims`,
    );
  });

  it('draws discs as wide on screen at two zoom levels', async () => {
    const page = await session.open('?view=routes');
    await loadEveryHub(page);
    const radiusAt = async (ratio: number, key?: string) => {
      // zoomed in past the region level: origin countries are drawn; centre the camera on one
      await page.evaluate(
        (r) => (window as unknown as ScamnetWindow).scamnet.sigma.getCamera().setState({ ratio: r }),
        ratio,
      );
      await expect
        .poll(async () => (await drawnMap(page)).nodes.some((n) => n.role === 'country' && (!key || n.key === key)))
        .toBe(true);
      // a country drawn apart from every other place (a centre beside it would be picked instead)
      const map = await drawnMap(page);
      const apart = (n: MapNode) =>
        map.nodes.every((o) => o === n || Math.hypot(o.at.x - n.at.x, o.at.y - n.at.y) > 40 * (0.4 / ratio));
      const node = key ?? map.nodes.find((n) => n.role === 'country' && apart(n))!.key;
      await page.evaluate((n) => {
        const { sigma } = (window as unknown as ScamnetWindow).scamnet;
        const shown = sigma.getNodeDisplayData(n)!;
        sigma.getCamera().setState({ x: shown.x, y: shown.y });
      }, node);
      await still(page, node);
      await expect.poll(() => pickedRadius(page, node)).toBeGreaterThan(0);
      return { node, radius: await pickedRadius(page, node) };
    };
    const far = await radiusAt(0.4);
    const near = await radiusAt(0.05, far.node);
    // sigma's default would draw it sqrt(0.4 / 0.05) ≈ 2.8 times wider
    expect(Math.abs(near.radius - far.radius)).toBeLessThanOrEqual(2);
    expect(far.radius).toBeGreaterThan(2);
  });
});
