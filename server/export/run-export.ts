/**
 * One export from request to file: select, clean, withhold what the recipient may not see,
 * write the manifest, then the format. The router and the CLI both call this.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../model/access.ts';
import { tlpRank, type Tlp } from '../model/provenance.ts';
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
import { resolveGroups } from './groups.ts';
import { citedSources } from './sources.ts';
import { filterByTlp, highestTlp } from './tlp-filter.ts';
import { allNotes, exportNotes } from './notes.ts';
import type { NoteStore } from '../notes/note-store.ts';
import { highestMarking } from '../model/markings.ts';

export interface ExportDeps {
  store: GraphStore;
  queries: QueryCatalogue;
  analystCypher: boolean;
  maxNodes: number;
  /** analysts' notes (DATA_DIR/notes); left out, an export carries none */
  notes?: NoteStore;
}

export interface ExportResult extends ExportFile {
  fileName: string;
  manifest: Manifest;
  /**
   * Milliseconds of each step (the router sends them as Server-Timing, which the bench reads to
   * tell the writer's speed from the selection's): reading the selection, filtering, redacting
   * and the manifest, the layout (formats that draw, when the request gives no positions), the
   * format writer without the layout (for a streamed format, until its first chunk).
   */
  timings: { selectMs: number; prepareMs: number; layoutMs: number; writeMs: number };
}

export interface ExportOptions {
  /** who exports: the request's actor (the CLI's: the machine's operator); the manifest names them */
  actor: Actor;
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

/**
 * The recipient's TLP: at most the exporter's clearance (one cannot hand on what one may not see),
 * the clearance itself when not given.
 */
export function recipientTlpFor(actor: Actor, requested: Tlp | undefined): Tlp {
  const recipient = requested ?? actor.clearance;
  if (tlpRank(recipient) > tlpRank(actor.clearance)) {
    throw new AppError(
      'forbidden',
      `recipientTlp ${recipient} is above your clearance (${actor.clearance}): an export cannot hand on more than its exporter may see`,
      { recipientTlp: recipient, clearance: actor.clearance },
    );
  }
  return recipient;
}

export async function runExport(
  deps: ExportDeps,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportResult> {
  const { actor } = options;
  const progress = options.progress ?? (() => {});
  const now = options.now ?? new Date();
  const recipientTlp = recipientTlpFor(actor, request.recipientTlp);
  progress('selecting');
  const started = performance.now();
  // read at the exporter's clearance: the withheld counts below are only of what the exporter sees
  const selected = await resolveSelection(deps, request.selection, actor);
  const selectedAt = performance.now();
  const cleaned = cleanGraph(selected.graph);
  const filtered = filterByTlp(cleaned, recipientTlp);
  let { graph } = filtered;
  const { withheld } = filtered;
  let selection = selected.record;
  if (recipientTlp !== 'RED') {
    // the filter removed the items; their ids and names must not survive elsewhere in the file
    const secrets = await findSecrets(deps.store, cleaned, graph, selected.record, recipientTlp, actor.clearance);
    graph = redactCitations(graph, secrets);
    selection = redactSelection(selected.record, graph, secrets);
  }
  progress(`selected ${graph.nodes.length} nodes and ${graph.edges.length} links`);
  const notes = await exportNotes(deps.notes, graph, recipientTlp);
  const title =
    cleanText(request.title ?? '')
      .replace(/\s+/g, ' ')
      .trim() || DEFAULT_TITLE;
  const manifest: Manifest = {
    tool: { ...TOOL },
    title,
    format: request.format,
    exportedAt: now.toISOString(),
    exportedBy: cleanActor(actor.name),
    selection,
    store: { backend: deps.store.backend },
    dataVersion: dataVersion(graph),
    // a note may be marked above every item it is on
    highestTlp: highestMarking([highestTlp(graph), ...allNotes(notes).map((n) => n.tlp)]),
    recipientTlp,
    withheld,
    counts: { nodes: graph.nodes.length, links: graph.edges.length },
  };
  let positions: Positions | undefined;
  let layoutMs = 0;
  const layout = () => {
    const t = performance.now();
    const laid = layoutPositions(graph, request.positions);
    layoutMs = performance.now() - t;
    return laid;
  };
  let sources: Promise<SourceDocument[]> | undefined;
  const ctx: ExportContext = {
    graph,
    manifest,
    groups: resolveGroups(request.groups, graph),
    positions: () => (positions ??= layout()),
    sources: () => (sources ??= citedSources(deps.store, graph, recipientTlp)),
    notes,
  };
  progress(`writing ${request.format}`);
  const preparedAt = performance.now();
  const file = await WRITERS[request.format](ctx);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const timings = {
    selectMs: round(selectedAt - started),
    prepareMs: round(preparedAt - selectedAt),
    layoutMs: round(layoutMs),
    writeMs: round(performance.now() - preparedAt - layoutMs),
  };
  return { ...file, fileName: exportFileName(request.title, now, file.ext), manifest, timings };
}
