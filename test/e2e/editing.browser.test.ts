/**
 * Editing the chart in real Chromium against the real server (issue 13, recording intelligence):
 * an analyst adds an entity from the schema-built form with a new source, draws a link to it from
 * a node on the canvas (offered only the kinds the model allows), edits it, reads its history,
 * restores a version and deletes it; a stale edit is refused and reloaded; the server's refusal of
 * a field is shown at that field; a cited source opens to its text with the excerpt highlighted.
 * Skipped, with a message, without Chromium; under CI=true the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import {
  canvasNodes,
  clickCanvasAt,
  keepScreenshot,
  layoutIdle,
  usePageSession,
  viewportOf,
} from '../support/browser-page.ts';
import { getJson } from '../support/server-process.ts';

announceSkip('test/e2e/editing.browser.test.ts');

const NAMIBIA = 'country:NA';
const NAMIBIA_CENTRE = 'centre:na-2024-01';
const NAMIBIA_RAID = 'operation:na-2024-01';
const HEADERS = { 'content-type': 'application/json', 'X-Scamnet-Request': '1' };

async function canvasEdges(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ScamnetWindow).scamnet.graph.edges());
}
/** Waits until a node stays put on screen: the layout has stopped and the camera too (it may fit after a layout). */
async function settled(page: Page, node: string): Promise<void> {
  await layoutIdle(page);
  let last = await viewportOf(page, node);
  await expect
    .poll(
      async () => {
        const now = await viewportOf(page, node);
        const moved = Math.hypot(now.x - last.x, now.y - last.y);
        last = now;
        return moved;
      },
      { interval: 200, timeout: 10_000 },
    )
    .toBeLessThan(0.5);
}
async function clickNode(page: Page, node: string): Promise<void> {
  await settled(page, node);
  const p = await viewportOf(page, node);
  await clickCanvasAt(page, p.x, p.y);
}
/** Clicks a link on the canvas halfway between its ends. */
async function clickEdge(page: Page, source: string, target: string): Promise<void> {
  await settled(page, source);
  await settled(page, target);
  const [a, b] = [await viewportOf(page, source), await viewportOf(page, target)];
  await clickCanvasAt(page, (a.x + b.x) / 2, (a.y + b.y) / 2);
}
const form = (page: Page) => page.locator('form.entity-form');
const field = (page: Page, name: string) => form(page).locator(`[data-field="${name}"]`);

describe.runIf(hasChromium || browserRequired)('editing the chart in Chromium', () => {
  const session = usePageSession({ SEED_SCALE: '0.2' }, { viewport: { width: 1280, height: 860 } });
  async function open(query = ''): Promise<Page> {
    const page = await session.open(query);
    // a step that waits too long fails with its own words, before the test's timeout
    page.setDefaultTimeout(15_000);
    return page;
  }

  it('adds an entity with a new source, links to it, edits it, restores a version and deletes it', async () => {
    const page = await open(`?nodes=${NAMIBIA}`);
    await expect.poll(() => canvasNodes(page)).toEqual([NAMIBIA]);

    // --- the entity form, built from the schema for the kind chosen ---------------------------
    await page.click('button:has-text("Add entity")');
    await form(page).waitFor();
    await form(page).getByLabel('Kind').selectOption('Centre');
    // every property of a centre, by type: a select of its statuses, a whole number, chips
    const status = field(page, 'status').locator('select');
    expect(await status.locator('option').allTextContents()).toEqual([
      'choose…',
      'active',
      'suspected',
      'raided',
      'dismantled',
    ]);
    expect(await field(page, 'workforce').locator('input').getAttribute('type')).toBe('number');
    expect(await field(page, 'name').locator('.required').count()).toBe(1);
    expect(await field(page, 'city').locator('.required').count()).toBe(0);
    // no marking above the user's clearance is offered (AUTH=off: everything, RED)
    expect(await form(page).getByLabel('TLP').locator('option').allTextContents()).toEqual([
      'CLEAR',
      'GREEN',
      'AMBER',
      'AMBER+STRICT',
      'RED',
    ]);
    // nothing is sent without a source: the form says so at the sources
    await field(page, 'name').locator('input').fill('Lüderitz compound');
    await status.selectOption('suspected');
    await form(page).locator('button[type=submit]').click();
    await expect.poll(() => field(page, 'sources').locator('.field-error').textContent()).toContain('at least one');

    await field(page, 'aliases').locator('input').fill('LC-1, Bay compound,');
    await field(page, 'workforce').locator('input').fill('120');
    await page.click('button:has-text("+ New source")');
    await form(page).getByLabel('Source title').fill('Field report on the Lüderitz compound');
    await form(page).getByLabel('Source publisher').fill('Namibian Police');
    await form(page).getByLabel('Source date').fill('2025-02');
    await form(page).getByLabel('Source reference').fill('NAMPOL/2025/117');
    await form(page).getByLabel('Source reliability').selectOption('B');
    await form(page).getByLabel('Information credibility').selectOption('3');
    await form(page).getByLabel('First seen').fill('2025-01-10');
    await form(page).getByLabel('Excerpt').fill('Around 120 people were held in a compound near Lüderitz.');
    await form(page).getByLabel('Comment').fill('from the police field report');
    await keepScreenshot(page, 'editing-entity-form.png');
    await form(page).locator('button[type=submit]').click();

    // the new entity is on the canvas and selected, its source made with it
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe('Lüderitz compound');
    const centreId = (await page.textContent('.details code.id'))!;
    expect(centreId).toMatch(/^centre:/);
    expect(await canvasNodes(page)).toEqual(expect.arrayContaining([NAMIBIA, centreId]));
    const created = await getJson(`${session.server.url}/api/nodes/${centreId}`);
    expect(created.node.attributes).toMatchObject({
      status: 'suspected',
      workforce: 120,
      aliases: ['LC-1', 'Bay compound'],
    });
    expect(created.provenance).toMatchObject({ grade: 'B3', tlp: 'CLEAR', firstSeen: '2025-01-10' });
    expect(created.provenance.sources).toEqual([
      expect.objectContaining({ name: 'Field report on the Lüderitz compound', publisher: 'Namibian Police' }),
    ]);
    const sourceId = created.provenance.sources[0].id as string;
    const provenance = (await page.textContent('[aria-label=Provenance]'))!;
    expect(provenance).toContain('Field report on the Lüderitz compound');

    // --- drawing a link: from Namibia, then a click on the new centre --------------------------
    await clickNode(page, NAMIBIA);
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe('Namibia');
    await page.click('button:has-text("Link from here")');
    await page.locator('[data-testid=link-hint]').waitFor();
    // Esc leaves the drawing mode, and the selection stays
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=link-hint]').waitFor({ state: 'detached' });
    expect(await page.textContent('[data-testid=details-title]')).toBe('Namibia');
    await page.click('button:has-text("Link from here")');
    await clickNode(page, centreId);
    await form(page).waitFor();
    expect(await page.locator('[data-testid=link-hint]').count()).toBe(0);
    // a country and a centre: the model allows only TRAFFICKED_TO that way
    expect(await form(page).getByLabel('Kind').locator('option').allTextContents()).toEqual(['TRAFFICKED_TO']);
    await field(page, 'victims').locator('input').fill('35');
    await form(page).getByLabel('Find a source').fill('Lüderitz');
    await form(page).locator('.picker-results li', { hasText: 'Field report on the Lüderitz compound' }).click();
    await form(page).getByLabel('Information credibility').selectOption('3');
    await form(page).locator('button[type=submit]').click();
    await form(page).waitFor({ state: 'detached' });
    // the link is drawn and its details are shown
    await page.locator('[aria-label="Link details"]').waitFor();
    expect(await page.textContent('[data-testid=link-title]')).toBe('TRAFFICKED_TO');
    const edges = await canvasEdges(page);
    expect(edges).toHaveLength(1);
    const linkId = edges[0]!;
    expect((await getJson(`${session.server.url}/api/relationships/${encodeURIComponent(linkId)}`)).edge).toMatchObject(
      {
        source: NAMIBIA,
        target: centreId,
        attributes: { kind: 'TRAFFICKED_TO', victims: 35 },
      },
    );

    // links are clickable on the canvas
    await page.click('button[aria-label="Close the link details"]');
    await page.locator('[aria-label="Link details"]').waitFor({ state: 'detached' });
    await clickEdge(page, NAMIBIA, centreId);
    await page.locator('[aria-label="Link details"]').waitFor();
    expect(await page.textContent('[aria-label="Link details"]')).toContain('victims35');

    // --- editing the entity ------------------------------------------------------------------
    await clickNode(page, centreId);
    await expect.poll(() => page.textContent('[data-testid=details-title]')).toBe('Lüderitz compound');
    await page.click('[aria-label=Editing] button:has-text("Edit")');
    await form(page).waitFor();
    await expect.poll(() => field(page, 'workforce').locator('input').inputValue()).toBe('120');
    await field(page, 'workforce').locator('input').fill('300');
    await field(page, 'city').locator('input').fill('Lüderitz');
    await form(page).getByLabel('Comment').fill('a second count');
    await form(page).locator('button[type=submit]').click();
    await form(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.textContent('[aria-label=Properties]')).toContain('workforce300');
    expect(
      await page.evaluate(
        (id) => (window as unknown as ScamnetWindow).scamnet.graph.getNodeAttribute(id, 'city'),
        centreId,
      ),
    ).toBe('Lüderitz');

    // --- its history, property by property, and a restore ------------------------------------
    await page.click('[aria-label=Editing] button:has-text("History")');
    const v2 = page.locator('ol.history li[data-version="2"]');
    await v2.waitFor();
    const v2Text = (await v2.textContent())!;
    expect(v2Text).toContain('edited by');
    expect(v2Text).toContain('a second count');
    expect(await v2.locator('tr', { hasText: 'workforce' }).textContent()).toBe('workforce120→300');
    expect(await v2.locator('tr', { hasText: 'city' }).textContent()).toBe('city—→Lüderitz');
    expect(await page.locator('ol.history li[data-version="1"]').textContent()).toContain(
      'from the police field report',
    );
    // the newest version is the current one: nothing to restore there
    expect(await v2.locator('button.restore').count()).toBe(0);
    await page.locator('.details').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await keepScreenshot(page, 'editing-history.png');
    await page.locator('ol.history li[data-version="1"] button.restore').click();
    await page.locator('ol.history li[data-version="3"]').waitFor();
    expect(await page.textContent('ol.history li[data-version="3"]')).toContain('restored');
    await expect.poll(() => page.textContent('[aria-label=Properties]')).toContain('workforce120');
    expect(await page.textContent('[aria-label=Properties]')).not.toContain('Lüderitz');
    const restored = await getJson(`${session.server.url}/api/nodes/${centreId}`);
    expect(restored.node.attributes.workforce).toBe(120);
    expect(restored.node.attributes).not.toHaveProperty('city');

    // --- delete, confirmed: gone from the canvas, a tombstone on the server -------------------
    await page.click('[aria-label=Editing] button:has-text("Delete")');
    await page.locator('[role=alertdialog]').waitFor();
    expect(await page.textContent('[role=alertdialog]')).toContain('with its links');
    await page.click('[role=alertdialog] button:has-text("Keep it")');
    expect(await canvasNodes(page)).toContain(centreId);
    await page.click('[aria-label=Editing] button:has-text("Delete")');
    await page.click('[role=alertdialog] button:has-text("Delete entity")');
    await expect.poll(() => canvasNodes(page)).toEqual([NAMIBIA]);
    expect(await canvasEdges(page)).toEqual([]);
    const gone = await fetch(`${session.server.url}/api/nodes/${centreId}`);
    expect(gone.status).toBe(410);
    expect((await fetch(`${session.server.url}/api/relationships/${encodeURIComponent(linkId)}`)).status).toBe(410);
    // the source made with it stays: other facts may cite it
    expect((await fetch(`${session.server.url}/api/nodes/${sourceId}`)).status).toBe(200);
    // the notice offers it back
    await page
      .locator('.notice', { hasText: `Deleted ${centreId}` })
      .locator('button:has-text("Restore")')
      .click();
    await expect.poll(() => canvasNodes(page)).toEqual(expect.arrayContaining([NAMIBIA, centreId]));
    await expect.poll(() => canvasEdges(page)).toEqual([linkId]);
  }, 180_000);

  it('refuses a stale edit, says someone else changed it and shows their version', async () => {
    const page = await open(`?nodes=${NAMIBIA_CENTRE}&selected=${NAMIBIA_CENTRE}`);
    await page.click('[aria-label=Editing] button:has-text("Edit")');
    await form(page).waitFor();
    await expect
      .poll(() => field(page, 'name').locator('input').inputValue())
      .toBe('Namibia scam centre (dismantled 2024)');
    // meanwhile, someone else saves
    const before = await getJson(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`);
    const other = await fetch(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`, {
      method: 'PATCH',
      headers: HEADERS,
      body: JSON.stringify({ set: { city: 'Windhoek' }, expectedVersion: before.version ?? 0 }),
    });
    expect(other.status).toBe(200);
    await field(page, 'workforce').locator('input').fill('9');
    await form(page).locator('button[type=submit]').click();
    await expect.poll(() => form(page).locator('.form-notice').textContent()).toContain('Someone else changed this');
    // the form now holds their version, and saving again goes through
    await expect.poll(() => field(page, 'city').locator('input').inputValue()).toBe('Windhoek');
    expect((await getJson(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`)).node.attributes.workforce).not.toBe(9);
    await field(page, 'workforce').locator('input').fill('9');
    await form(page).locator('button[type=submit]').click();
    await form(page).waitFor({ state: 'detached' });
    const after = await getJson(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`);
    expect(after.node.attributes).toMatchObject({ city: 'Windhoek', workforce: 9 });
  });

  it('shows the server’s refusal of a field at that field, and offers no kind where the model has none', async () => {
    const page = await open(`?nodes=${NAMIBIA_RAID},${NAMIBIA_CENTRE}&selected=${NAMIBIA_CENTRE}`);
    // the dialog takes the focus as it opens: Escape closes it without a click inside it first
    await page.click('button:has-text("Add entity")');
    await form(page).waitFor();
    await page.keyboard.press('Escape');
    await form(page).waitFor({ state: 'detached' });
    await page.click('button:has-text("Add entity")');
    await form(page).getByLabel('Kind').selectOption('Country');
    await field(page, 'name').locator('input').fill('Atlantis');
    // an ISO alpha-2 code of three letters: the form does not know the length rule, the server does
    await field(page, 'iso2').locator('input').fill('ATL');
    await field(page, 'iso3').locator('input').fill('ATL');
    await field(page, 'region').locator('input').fill('Nowhere');
    await form(page).getByLabel('Find a source').fill('INTERPOL crime trend');
    await form(page).locator('.picker-results li').first().click();
    await form(page).locator('button[type=submit]').click();
    await expect.poll(() => field(page, 'iso2').locator('.field-error').textContent()).toBeTruthy();
    expect(await field(page, 'iso3').locator('.field-error').count()).toBe(0);
    expect(await form(page).locator('.form-errors').count()).toBe(0);
    expect((await getJson(`${session.server.url}/api/search?q=atlantis`)).results).toEqual([]);
    await page.click('form.entity-form button:has-text("Cancel")');

    // a centre to an operation: no kind that way; the form says so and offers to swap
    await page.click('[aria-label=Editing] button:has-text("Link from here")');
    await clickNode(page, NAMIBIA_RAID);
    await form(page).waitFor();
    const noKind = (await form(page).locator('.no-kind').textContent())!;
    expect(noKind).toContain('no relationship from a');
    await form(page).locator('button:has-text("Swap direction")').click();
    await expect.poll(() => form(page).getByLabel('Kind').locator('option').allTextContents()).toEqual(['RAIDED']);
    expect(await form(page).locator('.link-ends').textContent()).toMatch(
      /Namibia scam-centre operation .*→ .*Namibia scam centre/,
    );
  }, 90_000);

  it('opens a cited source to its text, the excerpt highlighted', async () => {
    const details = await getJson(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`);
    const cited = details.provenance.sources.find((s: { file: string | null }) => s.file);
    const doc = await getJson(`${session.server.url}/api/sources/${cited.id}/document`);
    // a passage of the document, cited with other line breaks than the file has
    const passage = (doc.text as string)
      .split(/\n\s*\n/)
      .find((p: string) => p.length > 80)!
      .slice(0, 120);
    const excerpt = passage.replace(/\s+/g, ' ').trim();
    const patched = await fetch(`${session.server.url}/api/nodes/${NAMIBIA_CENTRE}`, {
      method: 'PATCH',
      headers: HEADERS,
      body: JSON.stringify({ set: { excerpt }, expectedVersion: details.version ?? 0 }),
    });
    expect(patched.status).toBe(200);
    const page = await open(`?nodes=${NAMIBIA_CENTRE}&selected=${NAMIBIA_CENTRE}`);
    await expect.poll(() => page.textContent('[data-testid=excerpt]')).toBe(excerpt);
    await page.click(`button[aria-label="Read ${cited.name}"]`);
    const reader = page.locator('.source-reader');
    await reader.locator('[data-testid=source-text]').waitFor();
    expect(await reader.locator('h2').textContent()).toBe(cited.name);
    expect((await reader.locator('mark').textContent())!.replace(/\s+/g, ' ').trim()).toBe(excerpt);
    expect(await reader.textContent()).toContain('The cited excerpt is highlighted.');
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
  });
});
