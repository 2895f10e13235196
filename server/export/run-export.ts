/**
 * One export from request to file: select, clean, withhold what the recipient may not see,
 * write the manifest, then the format. The router and the CLI both call this.
 */
import type { Tlp } from '../model/provenance.ts';
import type { QueryCatalogue } from '../queries/catalogue.ts';
import type { GraphStore } from '../store/types.ts';
import { cleanGraph, cleanText } from './clean-text.ts';
import type { ExportContext, ExportFile, SourceDocument } from './context.ts';
import { exportFileName } from './file-name.ts';
import { WRITERS } from './formats/index.ts';
import { layoutPositions, type Positions } from './layout.ts';
import { TOOL, dataVersion, type Manifest } from './manifest.ts';
import type { ExportRequest } from './request.ts';
import { findSecrets, redactCitations, redactSelection } from './redact.ts';
import { resolveSelection } from './selection.ts';
import { citedSources } from './sources.ts';
import { filterByTlp, highestTlp } from './tlp-filter.ts';

export interface ExportDeps {
  store: GraphStore;
  queries: QueryCatalogue;
  analystCypher: boolean;
  maxNodes: number;
}

export interface ExportResult extends ExportFile {
  fileName: string;
  manifest: Manifest;
}

export interface ExportOptions {
  /** who exports: a header or the CLI user; 'anonymous' when not given */
  exportedBy?: string;
  now?: Date;
  /** told of each step, for the CLI's progress line */
  progress?: (step: string) => void;
}

const DEFAULT_TITLE = 'scamnet export';

export function cleanActor(by: string | undefined): string {
  const cleaned = cleanText(by ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return cleaned || 'anonymous';
}

export async function runExport(
  deps: ExportDeps,
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const progress = options.progress ?? (() => {});
  const now = options.now ?? new Date();
  progress('selecting');
  const selected = await resolveSelection(deps, request.selection);
  const cleaned = cleanGraph(selected.graph);
  const filtered = filterByTlp(cleaned, request.recipientTlp);
  let { graph } = filtered;
  const { withheld } = filtered;
  let selection = selected.record;
  if (request.recipientTlp) {
    // the filter removed the items; their ids and names must not survive elsewhere in the file
    const secrets = await findSecrets(deps.store, cleaned, graph, selected.record, request.recipientTlp);
    graph = redactCitations(graph, secrets);
    selection = redactSelection(selected.record, graph, secrets);
  }
  progress(`selected ${graph.nodes.length} nodes and ${graph.edges.length} links`);
  const title =
    cleanText(request.title ?? '')
      .replace(/\s+/g, ' ')
      .trim() || DEFAULT_TITLE;
  const manifest: Manifest = {
    tool: { ...TOOL },
    title,
    format: request.format,
    exportedAt: now.toISOString(),
    exportedBy: cleanActor(options.exportedBy),
    selection,
    store: { backend: deps.store.backend },
    dataVersion: dataVersion(graph),
    highestTlp: highestTlp(graph),
    recipientTlp: (request.recipientTlp ?? null) as Tlp | null,
    withheld,
    counts: { nodes: graph.nodes.length, links: graph.edges.length },
  };
  let positions: Positions | undefined;
  let sources: Promise<SourceDocument[]> | undefined;
  const ctx: ExportContext = {
    graph,
    manifest,
    positions: () => (positions ??= layoutPositions(graph, request.positions)),
    sources: () => (sources ??= citedSources(deps.store, graph, request.recipientTlp)),
  };
  progress(`writing ${request.format}`);
  const file = await WRITERS[request.format](ctx);
  return { ...file, fileName: exportFileName(request.title, now, file.ext), manifest };
}
