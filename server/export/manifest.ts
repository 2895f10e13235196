/**
 * The manifest that travels with every export, so a briefing can be traced and rebuilt: when and
 * by whom, what was selected, from which store, a hash of the exported data and the tool version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Tlp } from '../model/provenance.ts';
import type { SerializedGraph } from '../store/types.ts';
import type { ExportFormat } from './request.ts';
import type { SelectionRecord } from './selection.ts';
import type { Withheld } from './tlp-filter.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const TOOL = { name: pkg.name, version: pkg.version } as const;

export interface Manifest {
  tool: { name: string; version: string };
  title: string;
  format: ExportFormat;
  exportedAt: string;
  exportedBy: string;
  selection: SelectionRecord;
  store: { backend: 'embedded' | 'neo4j' };
  /** sha256 of the exported nodes and relationships in canonical JSON (see dataVersion) */
  dataVersion: string;
  highestTlp: Tlp;
  recipientTlp: Tlp | null;
  withheld: Withheld;
  counts: { nodes: number; links: number };
}

/** JSON with object keys sorted, so the same data always hashes alike. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The data version: sha256 over the exported nodes and relationships (sorted by key, canonical
 * JSON). It hashes the data rather than the file, since the file carries the manifest itself;
 * the same data exported in any format, at any time, has the same version.
 */
export function dataVersion(graph: SerializedGraph): string {
  const byKey = <T extends { key: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hash = createHash('sha256').update(canonical({ nodes: byKey(graph.nodes), edges: byKey(graph.edges) }));
  return `sha256:${hash.digest('hex')}`;
}

/** One line for places that hold plain text only (a comment, a description). */
export function manifestSummary(m: Manifest): string {
  const withheld = m.recipientTlp
    ? `; recipient TLP:${m.recipientTlp}, withheld ${m.withheld.nodes} nodes and ${m.withheld.links} links`
    : '';
  return `${m.title}: ${m.counts.nodes} nodes, ${m.counts.links} links; highest marking TLP:${m.highestTlp}${withheld}; exported ${m.exportedAt} by ${m.exportedBy} with ${m.tool.name} ${m.tool.version}`;
}
