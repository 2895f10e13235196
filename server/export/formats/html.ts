/**
 * The briefing pack as one self-contained HTML page (no `<script>` at all, no fetches): the TLP banner at
 * top and bottom, title and date, the graph picture, counts by kind, the entity and link tables
 * with grades and sources, the source documents, and the manifest. Laid out for A4 print.
 */
import { TLP_COLOURS, type Tlp } from '../../model/provenance.ts';
import type { ExportContext, ExportFile, SourceDocument } from '../context.ts';
import { kindColour } from '../style.ts';
import { escapeXml as esc, graphSvg } from './svg.ts';
import { exportFileType } from '../../model/export-formats.ts';
import { noteRows } from '../notes.ts';

/** The TLP label in its TLP 2.0 colour on black. */
export function tlpBanner(tlp: Tlp, withheld: string): string {
  return `<div class="tlp"><span style="color:${TLP_COLOURS[tlp]}">TLP:${esc(tlp)}</span>${withheld ? ` <small>${esc(withheld)}</small>` : ''}</div>`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
.tlp { background: #000; padding: 4px 8px; font-weight: bold; font-size: 12pt; text-align: center; }
.tlp small { color: #fff; font-weight: normal; font-size: 9pt; }
h1 { font-size: 18pt; margin: 10px 0 2px; }
h2 { font-size: 13pt; margin: 16px 0 6px; border-bottom: 1px solid #ccc; break-after: avoid; }
.meta { color: #444; margin: 0 0 8px; }
svg.graph { width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { white-space: nowrap; }
/* the Seen column (first – last date) on one line, not five */
table.items td:nth-child(6) { white-space: nowrap; }
th { background: #f0f0f0; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
.legend span { margin-right: 12px; white-space: nowrap; }
table.notes td:nth-child(5) { white-space: pre-wrap; }
pre { white-space: pre-wrap; font-size: 7.5pt; background: #f7f7f7; padding: 6px; }
`;

/**
 * The manifest for people: one row per field, the selection's parameters as plain text and a
 * query's Cypher in a block of its own, not JSON with escaped line breaks. (The same manifest, as
 * JSON for programs, is the `scamnet-manifest` meta element: a page without any `<script>`, which
 * mail filters flag even when it is inert.)
 */
function manifestAppendix(m: ExportContext['manifest']): string {
  const sel = m.selection;
  const value = (v: unknown) =>
    Array.isArray(v)
      ? v.join(', ')
      : v === null || v === undefined
        ? '—'
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  const selection: [string, string][] = Object.entries(sel)
    .filter(([k]) => k !== 'text' && k !== 'params')
    .map(([k, v]) => [`selection ${k}`, value(v)]);
  if (sel.kind === 'query')
    for (const [k, v] of Object.entries(sel.params)) selection.push([`parameter ${k}`, value(v)]);
  const rows: [string, string][] = [
    ['title', m.title],
    ['format', m.format],
    ['exported at', m.exportedAt],
    ['exported by', m.exportedBy],
    ...selection,
    ['store', m.store.backend],
    ['data version', m.dataVersion],
    ['highest marking', `TLP:${m.highestTlp}`],
    ['recipient', m.recipientTlp ? `TLP:${m.recipientTlp}` : '—'],
    ['withheld', `${m.withheld.nodes} entities, ${m.withheld.links} links`],
    ['counts', `${m.counts.nodes} entities, ${m.counts.links} links`],
    ['tool', `${m.tool.name} ${m.tool.version}`],
  ];
  const query =
    sel.kind === 'query'
      ? `\n<p>Query (${esc(sel.name)}${sel.version ? `, version ${sel.version}` : ''}):</p>\n<pre class="query">${esc(sel.text)}</pre>`
      : '';
  return `${table(['Field', 'Value'], rows)}${query}`;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join('; ') : String(v));

function table(headers: string[], rows: string[][], cls = ''): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Analysts' notes on what is in the pack, within the recipient's TLP; no section when there are none. */
function notesSection(ctx: ExportContext, labelOf: Map<string, string>): string {
  const rows = noteRows(ctx.graph, ctx.notes, labelOf);
  if (rows.length === 0) return '';
  return `<h2>Notes</h2>\n${table(
    ['On', 'TLP', 'Author', 'Date', 'Note'],
    rows.map((r) => [r.on, r.note.tlp, r.note.author, r.note.updatedAt.slice(0, 10), r.note.text]),
    'notes',
  )}`;
}

export function writeHtml(ctx: ExportContext, sources: SourceDocument[]): ExportFile {
  const { graph, manifest: m } = ctx;
  const withheld = m.recipientTlp
    ? `For TLP:${m.recipientTlp} recipients: ${m.withheld.nodes} entities and ${m.withheld.links} links marked above TLP:${m.recipientTlp} were withheld.`
    : '';
  const labelOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const cites = (ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => sourceName.get(String(id)) ?? String(id)).join('; ') : '';
  const byKind = new Map<string, number>();
  for (const n of graph.nodes) byKind.set(n.attributes.kind, (byKind.get(n.attributes.kind) ?? 0) + 1);
  const linkKinds = new Map<string, number>();
  for (const e of graph.edges) linkKinds.set(e.attributes.kind, (linkKinds.get(e.attributes.kind) ?? 0) + 1);
  const sorted = [...graph.nodes].sort(
    (a, b) =>
      a.attributes.kind.localeCompare(b.attributes.kind) || a.attributes.label.localeCompare(b.attributes.label),
  );
  const legend = [...byKind.keys()]
    .sort()
    .map((k) => `<span><i class="swatch" style="background:${kindColour(k)}"></i>${esc(k)}</span>`)
    .join('');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="${esc(`${m.tool.name} ${m.tool.version}`)}">
<meta name="tlp" content="${esc(m.highestTlp)}">
<meta name="data-version" content="${esc(m.dataVersion)}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(m.title)}</title>
<style>${STYLE}</style>
<meta name="scamnet-manifest" content="${esc(JSON.stringify(m))}">
</head>
<body>
${tlpBanner(m.highestTlp, withheld)}
<h1>${esc(m.title)}</h1>
<p class="meta">Prepared ${esc(m.exportedAt.slice(0, 10))} by ${esc(m.exportedBy)} · ${m.counts.nodes} entities, ${m.counts.links} links · highest marking TLP:${esc(m.highestTlp)}</p>
${withheld ? `<p class="meta"><strong>${esc(withheld)}</strong></p>` : ''}
<h2>Network</h2>
${graphSvg(graph, ctx.positions())}
<p class="legend">${legend}</p>
<h2>Counts</h2>
${table(
  ['Entity kind', 'Count'],
  [...byKind].sort().map(([k, c]) => [k, String(c)]),
)}
${table(
  ['Link kind', 'Count'],
  [...linkKinds].sort().map(([k, c]) => [k, String(c)]),
)}
<h2>Entities</h2>
${table(
  ['Entity', 'Kind', 'Id', 'Grade', 'TLP', 'Seen', 'Sources'],
  sorted.map((n) => {
    const a = n.attributes;
    const seen = [a.firstSeen, a.lastSeen].filter(Boolean).join(' – ');
    return [
      a.label,
      a.kind,
      n.key,
      text(a.grade),
      text(a.tlp),
      seen,
      a.synthetic === true ? 'synthetic (illustrative)' : cites(a.sourceIds),
    ];
  }),
  'items',
)}
<h2>Links</h2>
${table(
  ['From', 'Link', 'To', 'Grade', 'TLP', 'Seen', 'Sources'],
  graph.edges.map((e) => {
    const a = e.attributes;
    const seen = [a.firstSeen, a.lastSeen].filter(Boolean).join(' – ');
    return [
      labelOf.get(e.source) ?? e.source,
      a.kind,
      labelOf.get(e.target) ?? e.target,
      text(a.grade),
      text(a.tlp),
      seen,
      a.synthetic === true ? 'synthetic (illustrative)' : cites(a.sourceIds),
    ];
  }),
  'items',
)}
${notesSection(ctx, labelOf)}
<h2>Source documents</h2>
${
  sources.length > 0
    ? table(
        ['Document', 'Publisher', 'Date', 'Id'],
        sources.map((s) => [s.name, text(s.publisher), text(s.published), s.id]),
      )
    : '<p>None cited.</p>'
}
<h2>Manifest</h2>
${manifestAppendix(m)}
${tlpBanner(m.highestTlp, withheld)}
</body>
</html>
`;
  return { body: Buffer.from(html), ...exportFileType('html') };
}
