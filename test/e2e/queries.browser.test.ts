/**
 * Queries an analyst can use, in real Chromium against the real server (seed graph at a small
 * scale): an entity picked for an id parameter by typing (restricted to the parameter's kind),
 * result rows that select their nodes, a path column spelt out, the form and the editor kept
 * across tabs, a result of nodes only bringing its links, Ctrl+Enter running without a new
 * line, and the editor's Cypher saved as a query with its detected parameters, then as a second
 * version, an earlier one opened again. Skipped, with a message, without Chromium; under CI=true
 * the absence fails the run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announceSkip, browserRequired, hasChromium, type ScamnetWindow } from '../support/browser.ts';
import { canvasNodes, keepScreenshot, usePageSession } from '../support/browser-page.ts';
import { getJson } from '../support/server-process.ts';

announceSkip('test/e2e/queries.browser.test.ts');

const NAMIBIA = 'centre:na-2024-01';
const NAMIBIA_LABEL = 'Namibia scam centre (dismantled 2024)';

/** The nodes the canvas draws highlighted (a multiple selection is). */
async function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma, graph } = (window as unknown as ScamnetWindow).scamnet;
    return graph.nodes().filter((n: string) => sigma.getNodeDisplayData(n)?.highlighted);
  });
}
/** The kinds of the links the canvas holds between two nodes, either way, each once. */
async function linksBetween(page: Page, a: string, b: string): Promise<string[]> {
  return page.evaluate(
    ([x, y]) => {
      const { graph } = (window as unknown as ScamnetWindow).scamnet;
      const ends = (s: string, t: string) => (s === x && t === y) || (s === y && t === x);
      return [
        ...new Set(
          graph
            .filterEdges((_e: string, _a: unknown, s: string, t: string) => ends(s, t))
            .map((e: string) => graph.getEdgeAttribute(e, 'kind') as string),
        ),
      ];
    },
    [a, b],
  );
}
const editorText = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.cm-content .cm-line'))
      .map((l) => (l as HTMLElement).innerText)
      .join('\n'),
  );

describe.runIf(hasChromium || browserRequired)('queries an analyst can use, in Chromium', () => {
  const session = usePageSession();
  async function open(query = ''): Promise<Page> {
    const page = await session.open(query);
    await page.click('nav >> text=Queries');
    return page;
  }

  it('picks a centre by typing its name, offers only centres, runs, and a row selects its nodes', async () => {
    const page = await open();
    await page.selectOption('select[aria-label="Saved query"]', { label: 'Profile of a scam centre' });
    const field = page.locator('input[role=combobox][aria-label=centre]');
    // "scam" is in the names of sources, notices and scam types too: only centres are offered
    await field.fill('scam');
    const options = page.locator('[role=listbox] [role=option]');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    const metas = await page.locator('[role=listbox] .hit-meta').allTextContents();
    expect(
      metas.every((m) => m.startsWith('Scam centre')),
      metas.join('; '),
    ).toBe(true);
    await field.press('ArrowDown');
    await keepScreenshot(page, 'queries-picker.png');
    // the country Namibia matches the name too, but the parameter takes centres only
    await field.fill('Namibia');
    await expect.poll(() => page.locator('[role=listbox] .hit-label').allTextContents()).toContain(NAMIBIA_LABEL);
    expect(
      (await page.locator('[role=listbox] .hit-meta').allTextContents()).every((m) => m.startsWith('Scam centre')),
    ).toBe(true);
    // keyboard: down to the Namibia centre (the first is lit), Enter picks it
    const labels = await page.locator('[role=listbox] .hit-label').allTextContents();
    const at = labels.indexOf(NAMIBIA_LABEL);
    for (let i = 0; i < at; i++) await field.press('ArrowDown');
    await expect.poll(() => field.getAttribute('aria-activedescendant')).toMatch(new RegExp(`-${at}$`));
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('data-picked')).toBe(NAMIBIA);
    expect(await field.inputValue()).toBe(NAMIBIA_LABEL);
    expect(await page.locator('[role=listbox]').count()).toBe(0);

    await page.click('button:has-text("Run")');
    await page.locator('[data-testid=query-summary]').waitFor();
    await expect.poll(() => canvasNodes(page)).toContain(NAMIBIA);
    const row = page.locator('table.results tbody tr').first();
    expect(await row.getAttribute('aria-selected')).toBe('false');
    await row.click();
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    const marked = await highlighted(page);
    expect(marked).toContain(NAMIBIA);
    expect(marked.length).toBeGreaterThan(1);
    expect(marked.every((n) => n === NAMIBIA || !n.startsWith('centre:'))).toBe(true);

    // another tab and back: the query, the picked centre and the result are as they were left
    await page.click('nav >> text=Filters');
    await page.locator('select[aria-label="Saved query"]').waitFor({ state: 'detached' });
    await page.click('nav >> text=Queries');
    expect(await page.locator('select[aria-label="Saved query"]').inputValue()).toBe('centre-profile');
    expect(await field.inputValue()).toBe(NAMIBIA_LABEL);
    expect(await field.getAttribute('data-picked')).toBe(NAMIBIA);
    expect(await page.locator('table.results tbody tr').count()).toBeGreaterThan(0);
    expect(await row.getAttribute('aria-selected')).toBe('true');
  });

  it('takes a pasted id beside a picked one, and shows a path column as the path', async () => {
    const page = await open();
    await page.selectOption('select[aria-label="Saved query"]', { label: 'Shortest connection between two entities' });
    const from = page.locator('input[role=combobox][aria-label=from]');
    await from.fill('Namibia');
    await page.locator('[role=listbox] [role=option]').first().waitFor();
    // a path's end may be of any kind: the centre and the country both answer
    const metas = await page.locator('[role=listbox] .hit-meta').allTextContents();
    expect(new Set(metas.map((m) => m.split(' · ')[0])).size).toBeGreaterThan(1);
    await page.locator('[role=option]', { hasText: NAMIBIA_LABEL }).click();
    await expect.poll(() => from.getAttribute('data-picked')).toBe(NAMIBIA);
    await page.locator('input[role=combobox][aria-label=to]').fill('country:NA');
    expect(await page.locator('[role=listbox]').count()).toBe(0);
    await page.click('button:has-text("Run")');
    await page.locator('[data-testid=query-summary]').waitFor();
    const columns = await page.locator('table.results thead th').allTextContents();
    const cell = page.locator('table.results tbody tr').first().locator('td').nth(columns.indexOf('p'));
    expect(await cell.textContent()).toBe(`${NAMIBIA_LABEL} –LOCATED_IN→ Namibia`);
  });

  it('asks for an entity to be picked rather than sending a name as an id', async () => {
    const page = await open();
    await page.selectOption('select[aria-label="Saved query"]', { label: 'Profile of a scam centre' });
    await page.locator('input[role=combobox][aria-label=centre]').fill('Namibia');
    await page.locator('input[role=combobox][aria-label=centre]').press('Escape');
    await page.click('button:has-text("Run")');
    expect(await page.locator('.refusal').textContent()).toContain('Pick an entity for centre');
  });

  it('runs the editor with Ctrl+Enter and no new line, brings links, keeps the text across tabs, saves versions', async () => {
    const page = await open();
    await page.click('.tabs.small >> text=Cypher');
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    const text = 'MATCH (c:Centre)-[:LOCATED_IN]->(k:Country {id: $country}) RETURN c, k';
    await page.keyboard.type(text);
    expect(await editorText(page)).toBe(text);
    // the parameter is detected as an id of a country, and gets a picker of countries
    const country = page.locator('input[role=combobox][aria-label=country]');
    await country.fill('Namib');
    await page.locator('[role=listbox] [role=option]').first().waitFor();
    expect(await page.locator('[role=listbox] .hit-meta').allTextContents()).toEqual(['Country']);
    await country.press('Enter');
    await expect.poll(() => country.getAttribute('data-picked')).toBe('country:NA');

    await page.click('.cm-content');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid=query-summary]').waitFor();
    expect(await editorText(page)).toBe(text);
    expect(await page.locator('.cm-content .cm-line').count()).toBe(1);
    // nodes only (c, k): the links among them come along, and the summary says so
    expect(await page.textContent('[data-testid=query-summary]')).toMatch(/\(\d+ among its nodes, fetched\)/);
    await expect.poll(() => linksBetween(page, NAMIBIA, 'country:NA')).toEqual(['LOCATED_IN']);

    // another tab and back: the text, the picked country and the result are kept
    await page.click('nav >> text=Filters');
    await page.locator('[data-testid=cypher-editor]').waitFor({ state: 'detached' });
    await page.click('nav >> text=Queries');
    expect(await editorText(page)).toBe(text);
    expect(await country.inputValue()).toBe('Namibia');
    expect(await page.locator('table.results tbody tr').count()).toBeGreaterThan(0);
    // and Cmd+Enter runs it too, with the picked country
    await page.click('.cm-content');
    const ran = page.waitForRequest((r) => r.url().endsWith('/api/cypher') && r.method() === 'POST');
    await page.keyboard.press('Meta+Enter');
    expect(JSON.parse((await ran).postData() ?? '{}')).toEqual({ query: text, params: { country: 'country:NA' } });
    expect(await page.locator('.cm-content .cm-line').count()).toBe(1);

    // save it: the name follows the title, the parameter comes detected and typed
    await page.click('text=Save as a query…');
    await page.fill('input[aria-label="Query title"]', 'Centres in a country');
    expect(await page.inputValue('input[aria-label="Query name"]')).toBe('centres-in-a-country');
    expect(await page.locator('[aria-label="Detected parameters"] tbody tr').count()).toBe(1);
    expect(await page.inputValue('select[aria-label="Type of country"]')).toBe('id');
    expect(await page.inputValue('select[aria-label="Kind of country"]')).toBe('Country');
    await page.click('button:has-text("Save query")');
    await expect.poll(() => page.textContent('[role=status]')).toBe('Saved centres-in-a-country, version 1.');

    // a second version, with a parameter more
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' LIMIT $limit');
    await page.click('text=Save as a query…');
    expect(await page.inputValue('select[aria-label="Type of limit"]')).toBe('integer');
    await page.uncheck('input[aria-label="limit is required"]');
    await page.fill('input[aria-label="Default of limit"]', '5');
    await page.click('button:has-text("Save a new version of centres-in-a-country")');
    await expect.poll(() => page.textContent('[role=status]')).toBe('Saved centres-in-a-country, version 2.');
    const versions = await getJson(`${session.server.url}/api/queries/centres-in-a-country/versions`);
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const latest = await getJson(`${session.server.url}/api/queries/centres-in-a-country`);
    expect(latest.params).toEqual([
      { name: 'country', type: 'id', kind: 'Country', required: true, description: '' },
      { name: 'limit', type: 'integer', required: false, default: 5, description: '' },
    ]);

    // the library lists it; its versions open in the editor
    await page.click('.tabs.small >> text=Library');
    await page.selectOption('select[aria-label="Saved query"]', { label: 'Centres in a country' });
    await page.click('button:has-text("Versions")');
    await page.click('button:has-text("Open version 1")');
    await expect.poll(() => editorText(page)).toBe(text);
    expect(await page.locator('input[role=combobox][aria-label=country]').count()).toBe(1);
    expect(await page.locator('input[aria-label=limit]').count()).toBe(0);
  });
});
