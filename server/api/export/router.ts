/**
 * POST /api/export — a subgraph as a file for briefings (GEXF, GraphML, JSON, CSV, Cypher, i2 ANX,
 * HTML, PDF). The server names the file; the handling marking and the withheld counts are also
 * sent as headers, so a client can show them without opening the file.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../http/validate.ts';
import type { QueryCatalogue } from '../../queries/catalogue.ts';
import type { GraphStore } from '../../store/types.ts';
import { contentDisposition } from '../../export/file-name.ts';
import { ExportRequest } from '../../export/request.ts';
import { runExport } from '../../export/run-export.ts';

/** Who is exporting, for the manifest: there are no accounts yet, so a client may say. */
export const EXPORTED_BY_HEADER = 'x-exported-by';

export const ExportHeaders = z.object({
  'content-disposition': z.string().describe('attachment; filename="<title>-<date>.<ext>" (made by the server)'),
  'x-export-highest-tlp': z.string().describe('the highest TLP marking in the file'),
  'x-export-withheld-nodes': z.string().describe('nodes left out for the recipient’s TLP'),
  'x-export-withheld-links': z
    .string()
    .describe('links left out for the recipient’s TLP (a link whose end is withheld goes too)'),
  'x-export-data-version': z.string().describe('sha256 of the exported data'),
});

export function exportRouter(
  store: GraphStore,
  queries: QueryCatalogue,
  analystCypher: boolean,
  maxNodes: number,
): Router {
  return Router().post('/export', async (req, res) => {
    const request = parseInput(ExportRequest, req.body ?? {}, 'export request');
    const result = await runExport({ store, queries, analystCypher, maxNodes }, request, {
      exportedBy: req.get(EXPORTED_BY_HEADER),
    });
    res.status(200).set({
      'Content-Type': result.contentType,
      'Content-Disposition': contentDisposition(result.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Export-Highest-Tlp': result.manifest.highestTlp,
      'X-Export-Withheld-Nodes': String(result.manifest.withheld.nodes),
      'X-Export-Withheld-Links': String(result.manifest.withheld.links),
      'X-Export-Data-Version': result.manifest.dataVersion,
    });
    if (Buffer.isBuffer(result.body)) {
      res.send(result.body);
      return;
    }
    // streamed: Readable.from pulls the next chunk only when the socket has room for it
    await pipeline(Readable.from(result.body), res);
  });
}
