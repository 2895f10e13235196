/**
 * The export formats, once: what each is called, how it is sent and named. The export writers,
 * the router's OpenAPI answer, the CLI and the client's Export panel all read this table, so a
 * format cannot be offered by one and forgotten by another. Plain TS (no zod): the client imports
 * it as a value.
 */
export interface ExportFormatInfo {
  /** what the Export panel and the documentation call it */
  label: string;
  /** the Content-Type it is sent with */
  contentType: string;
  /** the file name's extension, without the dot */
  ext: string;
  /** written as chunks one after another (streamed to the client, to disk by the CLI), not whole */
  streamed: boolean;
}

export const EXPORT_FORMAT_INFO = {
  json: { label: 'JSON (graphology)', contentType: 'application/json; charset=utf-8', ext: 'json', streamed: true },
  gexf: {
    label: 'GEXF (Gephi, Gephi Lite)',
    contentType: 'application/gexf+xml; charset=utf-8',
    ext: 'gexf',
    streamed: false,
  },
  graphml: {
    label: 'GraphML (yEd, Cytoscape)',
    contentType: 'application/graphml+xml; charset=utf-8',
    ext: 'graphml',
    streamed: false,
  },
  csv: { label: 'CSV for i2 / Excel (zip)', contentType: 'application/zip', ext: 'zip', streamed: false },
  cypher: {
    label: 'Cypher script (Neo4j)',
    contentType: 'application/x-cypher-query; charset=utf-8',
    ext: 'cypher',
    streamed: true,
  },
  anx: {
    label: 'i2 Analyst’s Notebook (ANX)',
    contentType: 'application/xml; charset=utf-8',
    ext: 'anx',
    streamed: false,
  },
  html: { label: 'Briefing pack (HTML)', contentType: 'text/html; charset=utf-8', ext: 'html', streamed: false },
  pdf: { label: 'Briefing pack (PDF)', contentType: 'application/pdf', ext: 'pdf', streamed: false },
  stix: {
    label: 'STIX 2.1 bundle (OpenCTI, MISP)',
    contentType: 'application/stix+json;version=2.1; charset=utf-8',
    ext: 'stix.json',
    streamed: false,
  },
  xlsx: {
    label: 'Excel workbook (XLSX)',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    streamed: false,
  },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormatName = keyof typeof EXPORT_FORMAT_INFO;

/** The format names, in the table's order (the order the API's enum lists them). */
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMAT_INFO) as [ExportFormatName, ...ExportFormatName[]];

/** The Content-Type and extension a writer's file carries. */
export function exportFileType(format: ExportFormatName): { contentType: string; ext: string } {
  const { contentType, ext } = EXPORT_FORMAT_INFO[format];
  return { contentType, ext };
}

/** The media type without its charset, as OpenAPI lists the answer's content. */
export function exportMediaType(format: ExportFormatName): string {
  return EXPORT_FORMAT_INFO[format].contentType.replace(/;\s*charset=[^;]*/i, '');
}
