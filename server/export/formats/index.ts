/** One writer per format. */
import type { ExportContext, ExportFile } from '../context.ts';
import type { ExportFormat } from '../request.ts';
import { writeAnx } from './anx.ts';
import { writeCsvZip } from './csv.ts';
import { writeCypher } from './cypher.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeHtml } from './html.ts';
import { writeJson } from './json.ts';
import { writePdf } from './pdf.ts';
import { writeStix } from './stix.ts';
import { writeXlsx } from './xlsx.ts';

export const WRITERS: Record<ExportFormat, (ctx: ExportContext) => ExportFile | Promise<ExportFile>> = {
  json: writeJson,
  gexf: writeGexf,
  graphml: writeGraphml,
  csv: writeCsvZip,
  cypher: writeCypher,
  anx: writeAnx,
  html: async (ctx) => writeHtml(ctx, await ctx.sources()),
  pdf: writePdf,
  stix: writeStix,
  xlsx: writeXlsx,
};
