/** GET /api/sources/:id/document — the text of the document a Source node names. */
import { z } from 'zod';
import { sourceDocument } from '../../graph/source-document.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema, NodeIdParam } from '../schemas.ts';

export const SourceDocumentSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('the Source’s title'),
    file: z.string().describe('its file name in SOURCE_DOCUMENTS_DIR'),
    text: z.string().describe('the document, as UTF-8 text'),
  })
  .meta({ id: 'SourceDocument' });

export const sourcesRoutes = [
  defineRoute({
    method: 'get',
    path: '/sources/:id/document',
    permission: 'graph:read',
    audit: { action: 'source.document', note: ({ input }) => ({ targets: input ? [input.params.id] : [] }) },
    summary: 'The document a Source cites, as text',
    description:
      'Read from SOURCE_DOCUMENTS_DIR by the Source’s `file`, which must be a plain file name in that directory. A Source the caller may not see is 404 not_found; one with no file, or whose file is not there, 404 no_document.',
    input: { params: { schema: NodeIdParam, what: 'source id' } },
    output: { status: 200, description: 'the document', schema: SourceDocumentSchema },
    errors: {
      404: json(ErrorSchema, 'not_found (no such Source the caller may see) or no_document'),
      400: errors[400],
      ...failures,
    },
    handler: ({ params }, { store, sourceDocumentsDir }, { actor }) =>
      sourceDocument(store, sourceDocumentsDir, params.id, actor.clearance),
  }),
];
