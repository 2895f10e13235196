/**
 * POST /api/export — a subgraph as a file for briefings (GEXF, GraphML, JSON, CSV, Cypher, i2 ANX,
 * HTML, PDF). The server names the file; the handling marking and the withheld counts are also
 * sent as headers, so a client can show them without opening the file.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { contentDisposition } from '../../export/file-name.ts';
import { ExportRequest } from '../../export/request.ts';
import { runExport } from '../../export/run-export.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, exportMediaType } from '../../model/export-formats.ts';
import { errors, failures, json } from '../errors-doc.ts';
import type { Response } from 'express';
import { actorOf, defineRoute, type AuditNote } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';

/** What the trail keeps of an export: the request, and from the answer's headers its marking and counts. */
function exportNote(request: ExportRequest | undefined, res: Response): AuditNote {
  const header = (name: string) => {
    const value = res.getHeader(name);
    return value === undefined ? undefined : String(value);
  };
  const count = (name: string) => {
    const value = header(name);
    return value === undefined ? undefined : Number(value);
  };
  const selection = request?.selection;
  const targets =
    selection?.kind === 'ids'
      ? selection.ids
      : selection?.kind === 'ego'
        ? [selection.id]
        : selection?.kind === 'path'
          ? [selection.from, selection.to]
          : selection?.kind === 'query'
            ? [selection.name]
            : [];
  return {
    targets,
    details: {
      format: request?.format,
      title: request?.title,
      selection: selection && (selection.kind === 'ids' ? { kind: 'ids', count: selection.ids.length } : selection),
      recipientTlp: request?.recipientTlp ?? null,
      // how many groups (combos) the request carried
      groups: request?.groups?.length ?? 0,
      // what a recipient TLP left out is read against: the exporter's clearance
      clearance: actorOf(res)?.clearance ?? null,
      highestTlp: header('x-export-highest-tlp'),
      dataVersion: header('x-export-data-version'),
      withheld: { nodes: count('x-export-withheld-nodes'), links: count('x-export-withheld-links') },
    },
  };
}

export const ExportHeaders = z.object({
  'content-disposition': z.string().describe('attachment; filename="<title>-<date>.<ext>" (made by the server)'),
  'x-export-highest-tlp': z.string().describe('the highest TLP marking in the file'),
  'x-export-withheld-nodes': z.string().describe('nodes left out for the recipient’s TLP'),
  'x-export-withheld-links': z
    .string()
    .describe('links left out for the recipient’s TLP (a link whose end is withheld goes too)'),
  'x-export-data-version': z.string().describe('sha256 of the exported data'),
  'server-timing': z
    .string()
    .describe(
      'milliseconds spent reading the selection, preparing it (markings, redaction, manifest), laying it out (0 unless the format draws and no positions were given) and writing the format: `select;dur=…, prepare;dur=…, layout;dur=…, write;dur=…`',
    ),
});

export const exportRoutes = [
  defineRoute({
    method: 'post',
    path: '/export',
    permission: 'export',
    audit: { action: 'export', note: ({ input, res }) => exportNote(input?.body, res) },
    summary: `Export a subgraph as a file: ${EXPORT_FORMATS.map((f) => EXPORT_FORMAT_INFO[f].label).join(', ')}`,
    description:
      'Every file carries a manifest (when, by whom — the signed-in account, never a header the caller sets —, the selection, the store, a data version, the tool version) and states its highest TLP marking. The selection is read at the exporter’s clearance; `recipientTlp` (at most that clearance, and the clearance when not given) withholds and counts the items above it among what the exporter sees. The server names the file (`<title>-<date>.<ext>`).',
    input: { body: { schema: ExportRequest, what: 'export request', orEmpty: true } },
    // a file, not JSON: buffered or streamed by the handler
    writesOwnAnswer: true,
    output: {
      status: 200,
      description: 'the file',
      doc: {
        description: 'the file',
        headers: ExportHeaders,
        content: Object.fromEntries(
          EXPORT_FORMATS.map((format) => [exportMediaType(format), { schema: z.string().meta({ format: 'binary' }) }]),
        ),
      },
    },
    errors: {
      400: errors[400],
      403: json(
        ErrorSchema,
        'refused: forbidden (recipientTlp above the exporter’s clearance; an analyst’s saved query without raw-Cypher clearance), operation_not_allowed (a saved query while ANALYST_CYPHER=false) or a refusal of the query',
      ),
      404: errors[404],
      413: json(
        ErrorSchema,
        'too_large: the selection holds more than EXPORT_MAX_NODES nodes, or the body is larger than 2 MB',
      ),
      500: failures[500],
      503: json(ErrorSchema, 'store_unavailable, or renderer_unavailable: PDF needs Chromium at /usr/bin/chromium'),
      504: failures[504],
    },
    handler: async ({ body }, { store, queries, analystCypher, exportMaxNodes, notes }, { res, actor }) => {
      const result = await runExport({ store, queries, analystCypher, maxNodes: exportMaxNodes, notes }, body, {
        actor,
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
        'Server-Timing': Object.entries(result.timings)
          .map(([step, ms]) => `${step.replace(/Ms$/, '')};dur=${ms}`)
          .join(', '),
      });
      if (Buffer.isBuffer(result.body)) {
        res.send(result.body);
        return;
      }
      // streamed: Readable.from pulls the next chunk only when the socket has room for it
      await pipeline(Readable.from(result.body), res);
    },
  }),
];
