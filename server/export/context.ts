/** What every format writer is given: the subgraph to write, its manifest and lazy extras. */
import type { SerializedGraph } from '../store/types.ts';
import type { Positions } from './layout.ts';
import type { Manifest } from './manifest.ts';
import type { ExportNotes } from './notes.ts';

export interface SourceDocument {
  id: string;
  name: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
}

export interface ExportContext {
  /** cleaned and filtered for the recipient */
  graph: SerializedGraph;
  manifest: Manifest;
  /** positions for every node (computed on first use) */
  positions(): Positions;
  /** the Source documents the exported items cite, as far as the recipient may see them */
  sources(): Promise<SourceDocument[]>;
  /** analysts' notes on the exported nodes and links, within the recipient's TLP (notes.ts) */
  notes: ExportNotes;
}

export interface ExportFile {
  /**
   * The file: whole, or as chunks produced one after another (JSON and Cypher), which the server
   * streams to the client and the CLI to disk, so a large export is never held twice in memory.
   */
  body: Buffer | Iterable<string>;
  contentType: string;
  ext: string;
}
