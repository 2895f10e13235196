/**
 * The briefing pack's summary charts (server/export/summary-svg.ts), through POST /api/export on
 * a real store behind the real app: static SVG that xmllint parses, no script, and counted only
 * from what the recipient's TLP lets through (a GREEN pack does not count an AMBER victim flow).
 * Written for these tests; not drawn from any source.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { browserRequired, hasChromium } from '../support/browser.ts';
import { binary } from '../support/export-request.ts';

const prov = (tlp: string, firstSeen = '2024-03-01') => ({
  grade: 'B2',
  tlp,
  sourceIds: [],
  synthetic: true,
  firstSeen,
  lastSeen: '2024-09-30',
});

function chartGraph(): GraphBatch {
  const parsed = parseBatch({
    nodes: [
      {
        kind: 'Country',
        id: 'country:PH',
        name: 'Philippines',
        iso2: 'PH',
        iso3: 'PHL',
        region: 'Asia',
        ...prov('GREEN'),
      },
      {
        kind: 'Country',
        id: 'country:ID',
        name: 'Indonesia',
        iso2: 'ID',
        iso3: 'IDN',
        region: 'Asia',
        ...prov('GREEN'),
      },
      {
        kind: 'Country',
        id: 'country:KH',
        name: 'Cambodia',
        iso2: 'KH',
        iso3: 'KHM',
        region: 'Asia',
        hubRegion: 'South-East Asia',
        ...prov('GREEN'),
      },
      { kind: 'Centre', id: 'centre:one', name: 'Compound <One> & "Two"', status: 'active', ...prov('GREEN') },
      { kind: 'Centre', id: 'centre:two', name: 'Compound Two', status: 'raided', ...prov('AMBER') },
      {
        kind: 'Facilitator',
        id: 'facilitator:g',
        name: 'Green cell',
        role: 'recruiter',
        ageBand: '30-39',
        ...prov('GREEN'),
      },
      {
        kind: 'Facilitator',
        id: 'facilitator:a',
        name: 'Amber cell',
        role: 'broker',
        ageBand: '40-49',
        ...prov('AMBER'),
      },
    ],
    relationships: [
      { kind: 'LOCATED_IN', id: 'l1', from: 'centre:one', to: 'country:KH', ...prov('GREEN', '2024-01-10') },
      { kind: 'LOCATED_IN', id: 'l2', from: 'centre:two', to: 'country:KH', ...prov('AMBER', '2024-02-10') },
      // the GREEN flow and the AMBER one into the same GREEN centre: a GREEN pack counts 30, not 100
      {
        kind: 'TRAFFICKED_TO',
        id: 't-green',
        from: 'country:PH',
        to: 'centre:one',
        victims: 30,
        ...prov('GREEN', '2024-01-20'),
      },
      {
        kind: 'TRAFFICKED_TO',
        id: 't-amber',
        from: 'country:ID',
        to: 'centre:one',
        victims: 70,
        ...prov('AMBER', '2024-03-05'),
      },
      { kind: 'NATIONAL_OF', id: 'n1', from: 'facilitator:g', to: 'country:PH', ...prov('GREEN', '2024-01-05') },
      { kind: 'NATIONAL_OF', id: 'n2', from: 'facilitator:a', to: 'country:ID', ...prov('AMBER', '2024-03-05') },
    ],
  } as never);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.batch;
}

let h: Harness;
const audit = new MemoryAudit();
const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-charts-'));
const ALL = { kind: 'ids', ids: chartGraph().nodes.map((n) => n.id) } as const;

beforeAll(async () => {
  h = await startHarness(chartGraph(), {
    audit,
    actor: { name: 'Analyst One', role: 'viewer', clearance: 'RED', rawCypher: false, via: 'session' },
  });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function briefing(recipientTlp?: string): Promise<string> {
  const res = await request(h.app)
    .post('/api/export')
    .send({ format: 'html', selection: ALL, title: 'Charts', ...(recipientTlp && { recipientTlp }) })
    .buffer(true)
    .parse(binary)
    .expect(200);
  return res.body.toString();
}

/** The figure of one chart and its SVG. */
function figure(html: string, chart: string): { text: string; svg: string | null } {
  const m = new RegExp(`<figure class="chart" data-chart="${chart}">([\\s\\S]*?)</figure>`).exec(html);
  expect(m, chart).not.toBeNull();
  const text = m![1]!;
  return { text, svg: /<svg[\s\S]*<\/svg>/.exec(text)?.[0] ?? null };
}

/** "label: value unit" from each bar's <title>, as a reader of the SVG sees them. */
function bars(svg: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of svg.matchAll(/<title>([^<]*?): (\d+) [a-z]+<\/title>/g)) out[m[1]!] = Number(m[2]);
  return out;
}

function xmllint(svg: string, name: string): void {
  const file = path.join(dir, `${name}.svg`);
  writeFileSync(file, svg);
  // throws (non-zero exit) when the file is not well-formed XML
  execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
}

describe('summary charts in the briefing pack', () => {
  it('counts every flow for a RED reader, and only the GREEN flow for a GREEN recipient', async () => {
    const red = figure(await briefing(), 'victimsByOrigin');
    expect(bars(red.svg!)).toEqual({ Indonesia: 70, Philippines: 30 });
    expect(bars(figure(await briefing(), 'victimsByHubRegion').svg!)).toEqual({ 'South-East Asia': 100 });

    const html = await briefing('GREEN');
    expect(bars(figure(html, 'victimsByOrigin').svg!)).toEqual({ Philippines: 30 });
    expect(bars(figure(html, 'victimsByHubRegion').svg!)).toEqual({ 'South-East Asia': 30 });
    // the withheld country, cell and centre are not named anywhere in the charts
    const charts = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]).join('');
    for (const withheld of ['Indonesia', 'Amber cell', '40-49', 'raided']) expect(charts).not.toContain(withheld);
    expect(bars(figure(html, 'facilitatorsByNationality').svg!)).toEqual({ Philippines: 1 });
    expect(bars(figure(html, 'facilitatorsByAgeBand').svg!)).toEqual({ '30-39': 1 });
    expect(bars(figure(html, 'centresByStatus').svg!)).toEqual({ active: 1 });
    // links first seen per month: l1 and t-green in January, n1 too; nothing AMBER in February or March
    expect(bars(figure(html, 'linksFirstSeenPerMonth').svg!)).toEqual({ '2024-01': 3 });
  });

  it('draws static SVG that xmllint parses, with no script and no event handler', async () => {
    for (const tlp of [undefined, 'GREEN']) {
      const html = await briefing(tlp);
      for (const chart of ['victimsByOrigin', 'victimsByHubRegion', 'centresByStatus', 'linksFirstSeenPerMonth']) {
        const { svg } = figure(html, chart);
        expect(svg, chart).not.toBeNull();
        expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
        expect(svg).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
        xmllint(svg!, `${chart}-${tlp ?? 'all'}`);
      }
      expect(html).not.toMatch(/<script/i);
    }
  });

  it('says a chart has nothing to show rather than drawing an empty one', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'html', selection: { kind: 'ids', ids: ['country:KH'] } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { text, svg } = figure(res.body.toString(), 'victimsByOrigin');
    expect(svg).toBeNull();
    expect(text).toContain('Nothing to chart');
  });

  it.runIf(hasChromium || browserRequired)(
    'prints the same charts in the PDF pack, as text a reader can copy',
    async () => {
      const res = await request(h.app)
        .post('/api/export')
        .send({ format: 'pdf', selection: ALL, title: 'Charts', recipientTlp: 'GREEN' })
        .buffer(true)
        .parse(binary)
        .expect(200);
      const file = path.join(dir, 'charts.pdf');
      writeFileSync(file, res.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      for (const title of ['Summary', 'Victims by origin country', 'Centres by status', 'Links first seen per month'])
        expect(text).toContain(title);
      // the GREEN flow's 30 victims are drawn; the AMBER flow's 70 (and the sum of 100) are not
      const summary = text.slice(text.indexOf('Victims by origin country'), text.indexOf('Entities'));
      expect(summary).toMatch(/\b30\b/);
      expect(summary).not.toMatch(/\b(70|100)\b/);
    },
    60_000,
  );

  it('is audited as the export it is part of', () => {
    const greens = audit.events.filter((e) => e.action === 'export' && JSON.stringify(e.details).includes('GREEN'));
    expect(greens.length).toBeGreaterThanOrEqual(2);
    for (const e of greens) expect(e).toMatchObject({ user: 'Analyst One', outcome: 'ok' });
  });
});
