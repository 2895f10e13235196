/**
 * The briefing pack as PDF through real Chromium. Skipped, with a message, when Chromium is
 * absent; under CI=true the absence fails the run instead (test/support/browser.ts). The first
 * page is rendered to test-results/export-briefing-1.png with pdftoppm, to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { CHROMIUM_PATH, announceSkip, browserRequired, hasChromium } from '../support/browser.ts';
import { exportGraph } from '../support/export-graph.ts';
import { REPO_ROOT } from '../support/server-process.ts';

announceSkip('test/integration/export-pdf.test.ts');

describe.runIf(hasChromium || browserRequired)('briefing pack PDF in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(exportGraph());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has Chromium to print with', () => {
    expect(
      hasChromium,
      `Chromium is missing at ${CHROMIUM_PATH}: .ci/run must install it (apt-get install -y chromium)`,
    ).toBe(true);
  });

  it('prints an A4 PDF whose first page shows the title, the marking and the graph', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({
        format: 'pdf',
        selection: { kind: 'ego', id: 'centre:alpha', depth: 2 },
        recipientTlp: 'AMBER',
        title: 'Alpha Compound briefing',
      })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="Alpha-Compound-briefing-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(res.headers['x-export-withheld-nodes']).toBe('1');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const out = path.join(REPO_ROOT, 'test-results');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'export-briefing.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-']).toString();
    expect(text).toContain('Alpha Compound briefing');
    expect(text).toContain('TLP:AMBER');
    expect(text).toMatch(/withheld/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, path.join(out, 'export-briefing')]);
    const png = ['export-briefing-1.png', 'export-briefing-01.png']
      .map((f) => path.join(out, f))
      .find((f) => existsSync(f));
    expect(png, 'pdftoppm wrote the first page').toBeDefined();
    expect(readFileSync(png!).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
