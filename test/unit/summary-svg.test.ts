/**
 * The briefing pack's chart SVG (server/export/summary-svg.ts) with hostile labels: markup, quotes
 * and ampersands in a country's name stay text, and every chart parses as XML (xmllint).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarySvgs } from '../../server/export/summary-svg.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-chart-svg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "Tom & Jerry's <b>land</b>",
  ']]><!-- --><?xml x?>',
  '&amp;&#x41;&lt;',
];

describe('chart SVG with hostile labels', () => {
  it('keeps every label as text and parses as XML', () => {
    const graph = {
      nodes: [
        { key: 'centre:a', attributes: { kind: 'Centre', label: 'A', status: 'active' } },
        ...HOSTILE.map((label, i) => ({ key: `country:h${i}`, attributes: { kind: 'Country', label } })),
        ...HOSTILE.map((_, i) => ({ key: `facilitator:f${i}`, attributes: { kind: 'Facilitator', label: `f${i}` } })),
      ],
      edges: [
        ...HOSTILE.map((_, i) => ({
          key: `t${i}`,
          source: `country:h${i}`,
          target: 'centre:a',
          attributes: { kind: 'TRAFFICKED_TO', victims: i + 1, firstSeen: `2024-0${i + 1}-01` },
        })),
        ...HOSTILE.map((_, i) => ({
          key: `n${i}`,
          source: `facilitator:f${i}`,
          target: `country:h${i}`,
          attributes: { kind: 'NATIONAL_OF' },
        })),
      ],
    };
    const charts = summarySvgs(graph);
    const drawn = charts.filter((c) => c.svg !== null);
    expect(drawn.length).toBe(6); // the hub-region chart too, with one "unknown" bar
    for (const { chart, svg } of drawn) {
      // no script or b element, and no event-handler attribute inside any tag
      expect(svg).not.toMatch(/<script|<b>/i);
      expect(svg).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      const file = path.join(dir, `${chart.id}.svg`);
      writeFileSync(file, svg!);
      execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
    }
    const origin = drawn.find((c) => c.chart.id === 'victimsByOrigin')!.svg!;
    expect(origin).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(origin).toContain('Tom &amp; Jerry');
  });
});

describe('chart SVG sizes', () => {
  it('gives every bar room, a chart of one bar too (Plot’s default margins left it none)', () => {
    const graph = {
      nodes: [
        { key: 'centre:a', attributes: { kind: 'Centre', label: 'A', status: 'active' } },
        { key: 'country:x', attributes: { kind: 'Country', label: 'X' } },
      ],
      edges: [
        { key: 't', source: 'country:x', target: 'centre:a', attributes: { kind: 'TRAFFICKED_TO', victims: 683 } },
      ],
    };
    const one = summarySvgs(graph).find((c) => c.chart.id === 'victimsByOrigin')!.svg!;
    // the bar is the rect carrying the chart's data key; its height is what the eye sees
    const heights = [...one.matchAll(/<rect[^>]*data-chart="victimsByOrigin"[^>]*>/g)].map((m) =>
      Number(/\sheight="([\d.]+)"/.exec(m[0])?.[1] ?? 0),
    );
    expect(heights.length).toBe(1);
    expect(heights[0]).toBeGreaterThanOrEqual(10);
  });
});
