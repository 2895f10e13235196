/**
 * Expanding a hub in real Chromium against the real server (`npm start`'s entry, the seed graph
 * at its own scale; issue 14): the node with the most neighbours, expanded a page of 40 at a time
 * in degree order from the details panel and the notice's "Show 40 more"; then "Expand all N…":
 * the preview's counts by kind (the counts endpoint's), expand all, the hub's leaves folded into a
 * group per kind drawn as one badge, opened back to its members. Skipped, with a message, without
 * Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { canvasNodes, keepScreenshot, layoutIdle, usePageSession, viewportOf } from '../support/browser-page.ts';
import { getJson } from '../support/server-process.ts';

announceSkip('test/e2e/hub-expansion.browser.test.ts');

/** Polls with a bound fit for a shared machine (an expansion of hundreds can take seconds there). */
const poll = <T>(look: () => T | Promise<T>) => expect.poll(look, { timeout: 30_000, interval: 100 });

type Counts = { id: string; total: number; byKind: Array<{ kind: string; count: number }> };

/** The groups on the canvas: label, open, members, and whether sigma draws the group and its members. */
async function groupsOnCanvas(page: Page) {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    return (graph.nodes() as string[])
      .filter((n) => graph.getNodeAttribute(n, 'group') === true)
      .map((id) => {
        const members = graph.getNodeAttribute(id, 'members') as string[];
        const drawn = (n: string) => {
          const d = sigma.getNodeDisplayData(n);
          return Boolean(d && !d.hidden);
        };
        return {
          id,
          label: String(graph.getNodeAttribute(id, 'label')),
          open: Boolean(graph.getNodeAttribute(id, 'open')),
          members,
          drawn: drawn(id),
          membersDrawn: members.filter(drawn).length,
        };
      });
  });
}

describe.runIf(hasChromium || browserRequired)('expanding a hub in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '1' });
  let hub: string;
  let counts: Counts;
  /** the hub's neighbours best connected first, as the server pages them */
  let byDegree: string[];

  beforeAll(async () => {
    if (!hasChromium) return;
    const { url } = session.server;
    const res = await fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Scamnet-Request': '1' },
      body: JSON.stringify({
        query:
          'MATCH (n)--(m) WHERE m.id <> n.id RETURN n.id AS id, count(DISTINCT m) AS c ORDER BY c DESC, id LIMIT 1',
      }),
    });
    hub = ((await res.json()) as { rows: Array<{ id: string }> }).rows[0]!.id;
    counts = await getJson(`${url}/api/nodes/${encodeURIComponent(hub)}/neighbors/counts`);
    const all = await getJson(`${url}/api/nodes/${encodeURIComponent(hub)}/neighbors?limit=2000&order=degree`);
    byDegree = (all.nodes as Array<{ key: string }>).map((n) => n.key).filter((k) => k !== hub);
  });

  /** The hub alone on the canvas, selected: its details (and expand control) shown. */
  async function openHub(): Promise<Page> {
    const page = await session.open(`?nodes=${encodeURIComponent(hub)}&selected=${encodeURIComponent(hub)}`);
    await page.locator('[data-testid=details-title]').waitFor();
    return page;
  }

  it('has a hub: more than two pages of neighbours, of several kinds', () => {
    expect(counts.total).toBeGreaterThan(80);
    expect(counts.byKind.length).toBeGreaterThan(1);
    expect(byDegree).toHaveLength(Math.min(counts.total, 1999));
  });

  it(
    'expands the hub page by page, best connected first: the details panel, then the notice',
    { timeout: 120_000 },
    async () => {
      const page = await openHub();
      expect(await page.locator('select[aria-label="Expansion order"]').inputValue()).toBe('degree');
      await page.getByRole('button', { name: `Expand 40 of ${counts.total.toLocaleString('en')}` }).click();
      await poll(async () => (await canvasNodes(page)).length).toBe(41);
      expect((await canvasNodes(page)).filter((n) => n !== hub).sort()).toEqual(byDegree.slice(0, 40).sort());
      const notice = page.locator('.notice', { hasText: 'best connected first' }).last();
      await poll(() => notice.textContent()).toContain(
        `40 of ${counts.total.toLocaleString('en')} neighbours shown (best connected first)`,
      );
      await notice.getByRole('button', { name: 'Show 40 more' }).click();
      await poll(async () => (await canvasNodes(page)).length).toBe(81);
      expect((await canvasNodes(page)).filter((n) => n !== hub).sort()).toEqual(byDegree.slice(0, 80).sort());
      await layoutIdle(page);
      await keepScreenshot(page, 'hub-pages.png');
    },
  );

  it('remembers the order chosen, on the next page load', async () => {
    const page = await openHub();
    await page.selectOption('select[aria-label="Expansion order"]', 'name');
    await page.reload();
    await page.locator('[data-testid=details-title]').waitFor();
    expect(await page.locator('select[aria-label="Expansion order"]').inputValue()).toBe('name');
    expect(await page.evaluate(() => localStorage.getItem('scamnet.expansionOrder'))).toBe('name');
    await page.selectOption('select[aria-label="Expansion order"]', 'degree');
  });

  it(
    'expand all: the preview counts by kind, then every neighbour, the leaves folded into a badge that opens',
    { timeout: 300_000 },
    async () => {
      const page = await openHub();
      await page.getByRole('button', { name: `Expand all ${counts.total.toLocaleString('en')}…` }).click();
      const preview = page.getByRole('region', { name: 'Expand all preview' });
      await poll(() => preview.getAttribute('aria-busy')).toBeNull();
      expect(await preview.getByTestId('expand-all-total').textContent()).toContain(counts.total.toLocaleString('en'));
      for (const { kind, count } of counts.byKind)
        expect(await preview.locator(`li[data-kind="${kind}"] .count`).textContent(), kind).toBe(
          count.toLocaleString('en'),
        );
      expect(await preview.getByLabel('Links by kind').textContent()).toMatch(/Links: [A-Z_]+ \d/);
      const capped = counts.total > 2000;
      const take = Math.min(counts.total, 2000);
      if (capped)
        expect(await preview.getByTestId('expand-all-cap').textContent()).toContain(
          `the first 2,000 (best connected first) will be added`,
        );
      else expect(await preview.getByTestId('expand-all-cap').count()).toBe(0);
      await keepScreenshot(page, 'hub-expand-all-preview.png');
      await preview
        .getByRole('button', {
          name: capped ? 'Add the first 2,000' : `Expand all ${counts.total.toLocaleString('en')}`,
        })
        .click();

      await poll(async () => (await groupsOnCanvas(page)).length).toBeGreaterThan(0);
      const entities = (await canvasNodes(page)).filter((n) => !n.startsWith('group~') && n !== hub);
      expect(entities).toHaveLength(take);
      // the first `take` best connected (byDegree holds the first 1,999 of them)
      const first = new Set(byDegree);
      expect(entities.filter((n) => !first.has(n)).length).toBeLessThanOrEqual(take - byDegree.length);
      await poll(() => page.locator('.notice').last().textContent()).toContain('its leaves folded into groups');
      const groups = await groupsOnCanvas(page);
      for (const g of groups) {
        expect(g.open).toBe(false);
        expect(g.drawn, `${g.label} is drawn`).toBe(true);
        expect(g.membersDrawn, `${g.label}'s members are hidden`).toBe(0);
        expect(g.label).toMatch(new RegExp(`^${g.members.length} `));
      }
      await layoutIdle(page);
      await keepScreenshot(page, 'hub-leaves-folded.png');

      // the biggest badge, double-clicked on the canvas: its members come back
      const badge = [...groups].sort((a, b) => b.members.length - a.members.length)[0]!;
      const at = await viewportOf(page, badge.id);
      const stage = (await page.locator('[data-testid=canvas]').boundingBox())!;
      await page.mouse.dblclick(stage.x + at.x, stage.y + at.y);
      await poll(async () => (await groupsOnCanvas(page)).find((g) => g.id === badge.id)?.membersDrawn).toBe(
        badge.members.length,
      );
      await keepScreenshot(page, 'hub-leaves-opened.png');

      // undo takes the opening back, and once more the whole expansion (one step)
      await page.keyboard.press('Control+z');
      await poll(async () => (await groupsOnCanvas(page)).find((g) => g.id === badge.id)?.open).toBe(false);
      await page.keyboard.press('Control+z');
      await poll(() => canvasNodes(page)).toEqual([hub]);
    },
  );
});
