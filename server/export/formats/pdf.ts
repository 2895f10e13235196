/**
 * The briefing pack as PDF: the HTML page printed to A4 by Chromium (playwright-core with Debian's
 * /usr/bin/chromium; browser downloads are not used). The TLP marking is also printed in the
 * header and footer of every page. The page may fetch nothing: every request is refused.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../../errors.ts';
import type { ExportContext, ExportFile } from '../context.ts';
import { writeHtml } from './html.ts';
import { escapeXml } from './svg.ts';
import { exportFileType } from '../../model/export-formats.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/**
 * How long Chromium may take to lay out and print the page. Playwright's default (30 s) is less than
 * a briefing of a few thousand entities needs (hundreds of A4 pages: ~60 s on two cores), and its
 * timeout surfaced as a 500; past this bound the caller is told the briefing is too big to print.
 */
const PRINT_TIMEOUT_MS = 300_000;

export async function writePdf(ctx: ExportContext): Promise<ExportFile> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new AppError(
      'renderer_unavailable',
      `PDF needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium); the html format works without it`,
      {
        chromium: CHROMIUM_PATH,
      },
    );
  }
  const html = writeHtml(ctx, await ctx.sources()).body.toString('utf8');
  const browser = await chromium
    .launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS })
    .catch((error: Error) => {
      throw new AppError('renderer_unavailable', `Chromium did not start: ${error.message.split('\n')[0]}`);
    });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    await page.setContent(html, { waitUntil: 'load' });
    const mark = `<div style="font-size:8px;width:100%;text-align:center;font-family:Helvetica,Arial,sans-serif">TLP:${escapeXml(ctx.manifest.highestTlp)} · ${escapeXml(ctx.manifest.title)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: mark,
      footerTemplate: mark,
      margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
    return { body: Buffer.from(pdf), ...exportFileType('pdf') };
  } catch (error) {
    // Chromium refuses to print past some size ("Printing failed": a briefing of ~6,500 entities,
    // 10 MB of HTML, is beyond it on this machine); either way the briefing is too big to print
    if (error instanceof Error && (error.name === 'TimeoutError' || /Printing failed/.test(error.message)))
      throw new AppError(
        'too_large',
        `Chromium could not print a briefing this large (${ctx.graph.nodes.length} entities) within ${PRINT_TIMEOUT_MS / 1000} s; export it as html, or narrow the selection`,
      );
    throw error;
  } finally {
    await browser.close();
  }
}
