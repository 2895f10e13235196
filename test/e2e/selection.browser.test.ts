/**
 * Selecting and grouping in real Chromium against the real server (`npm start`'s entry, seed
 * graph at a small scale): shift-click, a box and a lasso, a kind from the legend, Ctrl+A; a
 * node's neighbours of one kind grouped into one node with counts and aggregated links, opened
 * back to where its members were; a workspace with a group saved and reopened; a GEXF export of
 * the canvas with its group, read back by networkx. Skipped, with a message, without Chromium.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { keepScreenshot, layoutIdle, SHOTS, usePageSession } from '../support/browser-page.ts';
import { getJson } from '../support/server-process.ts';
import { hasPython, pythonRequired, readWithPython } from '../support/interop.ts';

announceSkip('test/e2e/selection.browser.test.ts');

const NAMIBIA = 'centre:na-2024-01';

type XY = { x: number; y: number };

/** The nodes sigma draws (not hidden) with where they are on the screen, relative to the canvas. */
async function shownAt(page: Page): Promise<Record<string, XY>> {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    const out: Record<string, { x: number; y: number }> = {};
    for (const n of graph.nodes() as string[]) {
      const d = sigma.getNodeDisplayData(n);
      if (d && !d.hidden) out[n] = sigma.framedGraphToViewport(d);
    }
    return out;
  });
}
/** The selection as drawn: with two or more selected, each is drawn highlighted. */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    return (graph.nodes() as string[]).filter((n) => {
      const d = sigma.getNodeDisplayData(n);
      return d && !d.hidden && d.highlighted;
    });
  });
}
async function selectedCount(page: Page): Promise<number> {
  const bar = page.locator('[data-testid=selection-bar-count]');
  if ((await bar.count()) === 0) return 0;
  return Number(/^(\d+)/.exec((await bar.textContent()) ?? '')?.[1] ?? 0);
}
async function cameraState(page: Page): Promise<{ x: number; y: number; ratio: number }> {
  return page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.sigma.getCamera().getState());
}
/** Waits until the camera is still: not animating (the fit after a layout) and unchanged between two looks. */
async function cameraIdle(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const camera = (window as unknown as ScamnetWindow).scamnet.sigma.getCamera();
          return camera.isAnimated() ? 'moving' : JSON.stringify(camera.getState());
        });
        const still = now === last && now !== 'moving';
        last = now;
        return still;
      },
      { interval: 150, timeout: 10_000 },
    )
    .toBe(true);
}

describe.runIf(hasChromium || browserRequired)('selecting and grouping in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '0.2' }, { acceptDownloads: true });
  /** Namibia's neighbours by kind, as the server reports them */
  let byKind: Map<string, string[]>;
  /** the kind with the most neighbours of Namibia (what "Group its …" is tried on) */
  let groupKind: string;
  let ids: string[];

  beforeAll(async () => {
    if (!hasChromium) return;
    const around = await getJson(`${session.server.url}/api/nodes/${NAMIBIA}/neighbors?limit=200`);
    byKind = new Map();
    for (const n of around.nodes as Array<{ key: string; attributes: { kind: string } }>) {
      if (n.key === NAMIBIA) continue;
      byKind.set(n.attributes.kind, [...(byKind.get(n.attributes.kind) ?? []), n.key]);
    }
    groupKind = [...byKind].sort(([, a], [, b]) => b.length - a.length)[0]![0];
    ids = [NAMIBIA, ...[...byKind.values()].flat()];
  });
  const open = (query?: string) => session.open(query);
  /** Namibia and its neighbours on the canvas, laid out and still. */
  async function openNetwork(): Promise<Page> {
    const page = await open(`?nodes=${ids.join(',')}`);
    await expect.poll(async () => Object.keys(await shownAt(page)).length).toBe(ids.length);
    await layoutIdle(page);
    await cameraIdle(page);
    return page;
  }

  it('has a neighbourhood to work on: several kinds, one with two or more', () => {
    expect(byKind.get(groupKind)!.length).toBeGreaterThanOrEqual(2);
    expect(ids.length).toBeGreaterThan(4);
  });

  it('shift-click adds to the selection: two nodes, “2 selected”', async () => {
    const page = await openNetwork();
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const at = await shownAt(page);
    const [a, b] = [ids[0]!, ids[1]!];
    await page.mouse.click(stage.x + at[a]!.x, stage.y + at[a]!.y);
    await page.locator('[data-testid=details-title]').waitFor();
    // sigma counts two clicks within its double-click timeout as a double-click, wherever they land
    await page.waitForFunction(
      () =>
        (
          window as unknown as { scamnet: { sigma: { getMouseCaptor(): { clicks: number } } } }
        ).scamnet.sigma.getMouseCaptor().clicks === 0,
    );
    await page.keyboard.down('Shift');
    await page.mouse.click(stage.x + at[b]!.x, stage.y + at[b]!.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => page.textContent('[data-testid=selected-count]')).toContain('2 selected');
    expect(await page.textContent('[data-testid=selection-bar]')).toContain('2 selected');
    expect((await highlighted(page)).sort()).toEqual([a, b].sort());
  });

  it('a shift+drag box selects the shown nodes inside it, and the camera does not pan', async () => {
    const page = await openNetwork();
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const at = await shownAt(page);
    // the box: from the top-left corner to the middle of the nodes' horizontal spread
    const xs = Object.values(at).map((p) => p.x);
    const cut = (Math.min(...xs) + Math.max(...xs)) / 2;
    const from = { x: 5, y: 5 };
    const to = { x: cut, y: stage.height - 5 };
    const inside = Object.entries(at)
      .filter(([, p]) => p.x >= from.x && p.x <= to.x && p.y >= from.y && p.y <= to.y)
      .map(([id]) => id);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(ids.length);
    const camera = await cameraState(page);
    await page.keyboard.down('Shift');
    await page.mouse.move(stage.x + from.x, stage.y + from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(
        stage.x + from.x + ((to.x - from.x) * i) / 10,
        stage.y + from.y + ((to.y - from.y) * i) / 10,
      );
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => selectedCount(page)).toBe(inside.length);
    if (inside.length > 1) expect((await highlighted(page)).sort()).toEqual(inside.sort());
    expect(await cameraState(page)).toEqual(camera);
  });

  it('the lasso tool selects what its outline encloses; Ctrl+A selects every shown node', async () => {
    const page = await openNetwork();
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const at = await shownAt(page);
    // a triangle: top-left corner, top-right corner, bottom middle
    const outline = [
      { x: 5, y: 5 },
      { x: stage.width - 5, y: 5 },
      { x: stage.width / 2, y: stage.height - 5 },
    ];
    const inTriangle = (p: XY) => {
      let inside = false;
      for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
        const [u, v] = [outline[i]!, outline[j]!];
        if (u.y > p.y !== v.y > p.y && p.x < ((v.x - u.x) * (p.y - u.y)) / (v.y - u.y) + u.x) inside = !inside;
      }
      return inside;
    };
    const inside = Object.entries(at)
      .filter(([, p]) => inTriangle(p))
      .map(([id]) => id);
    expect(inside.length).toBeGreaterThan(1);
    await page.click('[aria-label="Drag tool"] >> text=Lasso');
    const camera = await cameraState(page);
    await page.mouse.move(stage.x + outline[0]!.x, stage.y + outline[0]!.y);
    await page.mouse.down();
    // along each side, in steps, so the drawn outline is the triangle
    for (const [u, v] of [
      [outline[0]!, outline[1]!],
      [outline[1]!, outline[2]!],
      [outline[2]!, outline[0]!],
    ] as const)
      for (let i = 1; i <= 12; i++)
        await page.mouse.move(stage.x + u.x + ((v.x - u.x) * i) / 12, stage.y + u.y + ((v.y - u.y) * i) / 12);
    await page.mouse.up();
    await expect.poll(() => selectedCount(page)).toBe(inside.length);
    expect((await highlighted(page)).sort()).toEqual(inside.sort());
    expect(await cameraState(page)).toEqual(camera);
    await keepScreenshot(page, 'client-lasso.png');

    await page.click('[aria-label="Drag tool"] >> text=Pan');
    await page.keyboard.press('Control+a');
    await expect.poll(() => selectedCount(page)).toBe(ids.length);
    // not while typing: in the search box Ctrl+A selects its text
    await page.click('[data-testid=selection-bar] >> text=Clear');
    await page.keyboard.press('/');
    await page.keyboard.type('nam');
    await page.keyboard.press('Control+a');
    expect(await selectedCount(page)).toBe(0);
  });

  it('selects every shown node of a kind from the legend, then its neighbours, then the inverse', async () => {
    const page = await openNetwork();
    const kindIds = byKind.get(groupKind)!;
    await page
      .locator('.legend-select')
      .nth(await legendIndex(page, groupKind))
      .click();
    await expect.poll(() => selectedCount(page)).toBe(kindIds.length);
    expect((await highlighted(page)).sort()).toEqual([...kindIds].sort());
    await page.click('[data-testid=selection-bar] >> text=+ Neighbours');
    await expect.poll(() => selectedCount(page)).toBeGreaterThan(kindIds.length);
    expect(await highlighted(page)).toContain(NAMIBIA);
    await page.click('[data-testid=selection-bar] >> text=Clear');
    await page
      .locator('.legend-select')
      .nth(await legendIndex(page, groupKind))
      .click();
    await page.click('[data-testid=selection-bar] >> text=Invert');
    await expect.poll(() => selectedCount(page)).toBe(ids.length - kindIds.length);
  });

  /** Which legend entry is this kind's (the legend lists kinds in name order). */
  async function legendIndex(page: Page, kind: string): Promise<number> {
    const kinds = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return [...new Set((graph.nodes() as string[]).map((n) => graph.getNodeAttribute(n, 'kind') as string))].sort(
        (a, b) => a.localeCompare(b),
      );
    });
    return kinds.indexOf(kind);
  }

  it('groups a node’s neighbours of a kind into one node with counts and aggregated links, opens and saves it', async () => {
    const page = await openNetwork();
    const members = byKind.get(groupKind)!;
    const before: Record<string, [number, number]> = await page.evaluate(() => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        (graph.nodes() as string[]).map((n) => [n, [graph.getNodeAttribute(n, 'x'), graph.getNodeAttribute(n, 'y')]]),
      );
    });
    const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
    const at = await shownAt(page);
    await page.mouse.click(stage.x + at[NAMIBIA]!.x, stage.y + at[NAMIBIA]!.y);
    const groupButton = page.locator('[data-testid=selection-bar] button', { hasText: /^Group its \d+/ }).filter({
      hasText: String(members.length),
    });
    await groupButton.first().click();
    // one group node, labelled with its count, selected and shown in the details column
    await expect.poll(() => page.textContent('[data-testid=group-title]')).toMatch(new RegExp(`^${members.length} `));
    const drawn = await page.evaluate((list) => {
      const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
      const group = (graph.nodes() as string[]).find((n) => graph.getNodeAttribute(n, 'group') === true)!;
      return {
        group,
        label: graph.getNodeAttribute(group, 'label'),
        shown: !sigma.getNodeDisplayData(group)?.hidden,
        membersHidden: list.every((m: string) => sigma.getNodeDisplayData(m)?.hidden),
        // the group's edges: one per outside neighbour, with how many links it stands for
        edges: (graph.edges(group) as string[]).map((e) => ({
          other: graph.opposite(group, e),
          count: graph.getEdgeAttribute(e, 'count'),
          hidden: sigma.getEdgeDisplayData(e)?.hidden,
        })),
      };
    }, members);
    expect(drawn.label).toMatch(new RegExp(`^${members.length} `));
    expect(drawn.shown && drawn.membersHidden).toBe(true);
    const linksToNamibia = await page.evaluate(
      ({ list, centre }) => {
        const { graph } = (window as unknown as ScamnetWindow).scamnet;
        return list.reduce((n: number, m: string) => n + (graph.edges(m, centre) as string[]).length, 0);
      },
      { list: members, centre: NAMIBIA },
    );
    expect(drawn.edges.find((e) => e.other === NAMIBIA)).toEqual({
      other: NAMIBIA,
      count: linksToNamibia,
      hidden: false,
    });
    expect(new Set(drawn.edges.map((e) => e.other)).size).toBe(drawn.edges.length);
    await keepScreenshot(page, 'client-group.png');

    // saved with its group, and reopened in a fresh page as it was
    await page.click('nav >> text=Workspaces');
    await page.fill('input[aria-label="Workspace title"]', 'Namibia grouped');
    await page.click('text=Save workspace');
    await page.locator('.workspaces li', { hasText: 'Namibia grouped' }).waitFor();
    const fresh = await open();
    await fresh.click('nav >> text=Workspaces');
    await fresh.click('.workspaces >> text=Namibia grouped');
    await expect
      .poll(() =>
        fresh.evaluate((g) => {
          const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
          return graph.hasNode(g) && !sigma.getNodeDisplayData(g)?.hidden ? graph.getNodeAttribute(g, 'label') : null;
        }, drawn.group),
      )
      .toBe(drawn.label);
    expect(await fresh.textContent('[data-testid=groups-list]')).toContain(drawn.label);

    // open: the members come back where they were before grouping
    await page.click(`[data-testid=groups-list] >> text=Open`);
    await expect.poll(async () => Object.keys(await shownAt(page)).sort()).toEqual([...ids].sort());
    const after: Record<string, [number, number]> = await page.evaluate((list) => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      return Object.fromEntries(
        list.map((n: string) => [n, [graph.getNodeAttribute(n, 'x'), graph.getNodeAttribute(n, 'y')]]),
      );
    }, members);
    for (const m of members) expect(after[m]).toEqual(before[m]);
    // and closes again
    await page.click(`[data-testid=groups-list] >> text=Close`);
    await expect.poll(async () => Object.keys(await shownAt(page)).includes(members[0]!)).toBe(false);
  });

  it.runIf(hasPython || pythonRequired)(
    'exports the canvas with its group as GEXF, which networkx reads back',
    async () => {
      const page = await openNetwork();
      const members = byKind.get(groupKind)!;
      const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
      const at = await shownAt(page);
      await page.mouse.click(stage.x + at[NAMIBIA]!.x, stage.y + at[NAMIBIA]!.y);
      await page
        .locator('[data-testid=selection-bar] button', { hasText: /^Group its \d+/ })
        .filter({
          hasText: String(members.length),
        })
        .first()
        .click();
      await page.locator('[data-testid=group-title]').waitFor();
      await page.click('nav >> text=Export');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("GEXF")')]);
      const file = path.join(SHOTS, 'client-groups.gexf');
      await download.saveAs(file);
      const read = readWithPython('networkx-gexf', await readFile(file), 'gexf');
      const groupId = Object.keys(read.nodes).find((n) => n.startsWith('group~'))!;
      expect(read.nodes[groupId]!.label).toMatch(new RegExp(`^${members.length} `));
      // every entity is exported as itself, members naming their group; nothing else is a node
      expect(
        Object.keys(read.nodes)
          .filter((n) => n !== groupId)
          .sort(),
      ).toEqual([...ids].sort());
      for (const m of members) expect(read.nodes[m]!.pid).toBe(groupId);
      expect(read.nodes[NAMIBIA]!.pid).toBeUndefined();
      // the aggregated links are the canvas's drawing: the file has the real links only
      expect(read.edges.every((e) => !e.id.startsWith('agg~'))).toBe(true);
    },
  );
});
