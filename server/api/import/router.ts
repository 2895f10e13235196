/**
 * POST /api/import — multipart upload of CSV, JSON or NDJSON files (any field name, one part per
 * file), imported in one transaction. `?onError=abort` (default) answers 400 invalid_import with
 * the row report and writes nothing; `?onError=skip` writes the good rows and lists the bad.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { runImport } from '../../import/run-import.ts';
import { ON_ERROR_POLICIES, type ImportFile } from '../../import/types.ts';
import { failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { assertTopClearance } from '../../queries/clearance.ts';
import { ErrorSchema } from '../schemas.ts';

export const ImportQuery = z.object({
  onError: z
    .enum(ON_ERROR_POLICIES)
    .default('abort')
    .describe('abort: nothing is written if any row is bad; skip: bad rows are listed, the rest written'),
});

/** Reads every file part into memory, refusing the request once it passes `maxBytes` in all. */
export function readUpload(req: Request, maxBytes: number): Promise<ImportFile[]> {
  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(new AppError('unsupported_format', 'send the files as multipart/form-data (one part per file)'));
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 100, fields: 10 } });
    } catch (error) {
      reject(new AppError('bad_request', `malformed multipart request: ${(error as Error).message}`));
      return;
    }
    const files: ImportFile[] = [];
    let total = 0;
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    const tooLarge = () =>
      fail(new AppError('too_large', `the upload is larger than IMPORT_MAX_BYTES (${maxBytes} bytes)`, { maxBytes }));
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          tooLarge();
          stream.resume();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('limit', tooLarge);
      stream.on('end', () => {
        if (!failed) files.push({ name: info.filename || 'upload', bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => fail(new AppError('too_large', 'at most 100 files in one import')));
    parser.on('error', (error: Error) =>
      fail(new AppError('bad_request', `malformed multipart request: ${error.message}`)),
    );
    parser.on('close', () => {
      if (failed) return;
      if (files.length === 0) reject(new AppError('bad_request', 'no file in the upload'));
      else resolve(files);
    });
    req.pipe(parser);
  });
}

// ---- the answer, for the OpenAPI document --------------------------------------------------

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const ImportIssueSchema = z.object({
  file: z.string(),
  line: z.number().int().describe('1-based line where the row starts; 0 for the whole file'),
  column: z.string().optional().describe('the column (CSV header) or property'),
  reason: z.string(),
});
export const ImportSummarySchema = z.object({
  files: z.array(z.object({ name: z.string(), format: z.string(), rows: z.number().int() })),
  rows: z.number().int(),
  nodes: Counts,
  relationships: Counts,
  skipped: z.number().int().describe('rows left out (onError=skip)'),
  issues: z.array(ImportIssueSchema).describe('the bad rows (at most 1,000 listed)'),
  path: z
    .enum(['copy', 'unwind'])
    .describe('copy: the engine’s bulk loader (embedded); unwind: UNWIND batches (Neo4j)'),
  elapsedMs: z.number().int(),
});
export const ImportUpload = z.object({
  files: z
    .array(z.string().meta({ format: 'binary' }))
    .describe(
      'one part per file: .csv (kind = file name or a kind column), .json (graphology or {nodes, relationships}), .ndjson/.jsonl, .stix.json (a STIX 2.1 bundle scamnet wrote), .xlsx (a sheet per kind), .graphml/.gexf (kind = a kind attribute)',
    ),
});

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/import',
    permission: 'import',
    audit: {
      action: 'import',
      note: ({ input, answer }) => ({
        details: {
          onError: input?.query.onError,
          ...(answer && {
            files: answer.files,
            rows: answer.rows,
            nodes: answer.nodes,
            relationships: answer.relationships,
            skipped: answer.skipped,
            issues: answer.issues.length,
          }),
        },
      }),
    },
    summary: 'Import CSV, JSON (graphology or batch) and NDJSON files in one transaction',
    description:
      'Needs the import permission and a clearance at or above the highest marking in the store (an import merges into existing records of any marking). Every row is validated against the domain schema. With onError=abort (default) one bad row refuses the import (400 invalid_import, `details.issues` naming file, line, column and reason) and nothing is written; with onError=skip the good rows are written and the bad listed. Existing records are merged (given properties replaced, sourceIds unioned, firstSeen the earlier, lastSeen the later); importing the same files again changes nothing.',
    input: { query: { schema: ImportQuery, what: 'import options' } },
    // multipart: the handler reads the raw request's file parts
    docRequest: {
      headers: z.object({
        'x-scamnet-request': z
          .literal('1')
          .describe('required with multipart: no page of another origin can send it without a CORS preflight'),
      }),
      body: { content: { 'multipart/form-data': { schema: ImportUpload } } },
    },
    output: { status: 200, description: 'what was written', schema: ImportSummarySchema },
    errors: {
      403: json(
        ErrorSchema,
        'cross_origin: another origin, or multipart without X-Scamnet-Request; forbidden: no import permission, or a clearance below the highest marking in the store',
      ),
      400: json(ErrorSchema, 'invalid_import (details: {issueCount, issues}), validation_error or bad_request'),
      413: json(ErrorSchema, 'too_large: the upload is larger than IMPORT_MAX_BYTES'),
      415: json(ErrorSchema, 'unsupported_format: the body is not multipart/form-data'),
      500: failures[500],
      503: failures[503],
    },
    handler: async ({ query }, { store, importMaxBytes }, { req, actor }) => {
      await assertTopClearance(store, actor, 'an import merges into existing records of any marking');
      const files = await readUpload(req, importMaxBytes);
      return runImport(store, files, { onError: query.onError });
    },
  }),
];
