/**
 * Exports of the current view: a PNG of the canvas as drawn, marked and with its legend
 * (marked-png.ts), and the
 * subgraph on the canvas as graphology JSON, which this tool and any graphology app re-import.
 * When the server offers exports (POST /api/export), its formats for briefings are listed too.
 */
import { useEffect, useState } from 'react';
import { markedPngBlob } from './marked-png.ts';
import { errorOf, reportStatus } from '../api/client.ts';
import { visibleTlps } from '../../../server/model/access.ts';
import { useAuth } from '../hooks/useAuth.ts';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, type ExportFormatName } from '../../../server/model/export-formats.ts';
import type { SigmaInstance } from './GraphCanvas.tsx';
import type { SerializedGraph } from '../core/graph/types.ts';

interface Props {
  sigma: SigmaInstance | null;
  snapshot(): SerializedGraph;
  nodeIds(): string[];
  /** exporting a selection rather than the canvas: how many, and going back to the whole canvas */
  scope?: { count: number; onReset(): void } | null;
  /** the canvas's groups: exported as groups where the format has them (GEXF hierarchy, ANX attribute) */
  groups?(): ReadonlyArray<{ id: string; label: string; members: readonly string[] }>;
  onError(error: unknown): void;
  onDone(message: string): void;
}

/** Where each format sits in the menu: every format has a place (a new one fails to compile until given one). */
const MENU_RANK: Record<ExportFormatName, number> = {
  gexf: 0,
  graphml: 1,
  csv: 2,
  xlsx: 3,
  stix: 4,
  anx: 5,
  cypher: 6,
  html: 7,
  pdf: 8,
  json: 9,
};
const SERVER_FORMATS = [...EXPORT_FORMATS].sort((a, b) => MENU_RANK[a] - MENU_RANK[b]);

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportPanel({ sigma, snapshot, nodeIds, scope, groups, onError, onDone }: Props) {
  const [serverExports, setServerExports] = useState(false);
  const [recipientTlp, setRecipientTlp] = useState('');
  const [title, setTitle] = useState('scamnet briefing');
  // an export cannot be marked for more than the exporter may see: the server refuses it (403)
  const { actor } = useAuth();
  const recipientLevels = visibleTlps(actor.clearance);

  useEffect(() => {
    fetch('/api/openapi.json')
      .then((r) => r.json())
      .then((doc: { paths?: Record<string, unknown> }) => setServerExports(Boolean(doc.paths?.['/api/export'])))
      .catch(() => setServerExports(false));
  }, []);

  const date = new Date().toISOString().slice(0, 10);
  const serverExport = async (format: ExportFormatName) => {
    try {
      const positions = Object.fromEntries(
        snapshot().nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]),
      );
      const ids = nodeIds();
      const chosen = new Set(ids);
      // a group goes with the members that are exported; one left with fewer than two is no group
      const exportGroups = (groups?.() ?? [])
        .map((g) => ({ id: g.id, label: g.label, members: g.members.filter((m) => chosen.has(m)) }))
        .filter((g) => g.members.length >= 2);
      const response = await fetch('/api/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          format,
          selection: { kind: 'ids', ids },
          title,
          positions,
          ...(exportGroups.length > 0 ? { groups: exportGroups } : {}),
          ...(recipientTlp ? { recipientTlp } : {}),
        }),
      });
      reportStatus('/api/export', response.status);
      // the server's words (a recipient TLP above the clearance is a 403 naming it) reach the notice
      if (!response.ok) throw await errorOf(response);
      const name =
        /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `scamnet-${date}.${EXPORT_FORMAT_INFO[format].ext}`;
      download(await response.blob(), name);
      const withheld =
        Number(response.headers.get('x-export-withheld-nodes') ?? 0) +
        Number(response.headers.get('x-export-withheld-links') ?? 0);
      onDone(
        `Exported ${name}: marked up to TLP:${response.headers.get('x-export-highest-tlp') ?? '?'}` +
          (withheld
            ? `; ${response.headers.get('x-export-withheld-nodes')} nodes and ${response.headers.get('x-export-withheld-links')} links withheld for the recipient.`
            : '.'),
      );
    } catch (error) {
      onError(error);
    }
  };

  return (
    <div className="panel" aria-label="Export">
      <div className="actions column">
        <button
          disabled={!sigma}
          onClick={() =>
            sigma &&
            markedPngBlob(sigma, date)
              .then((blob) => download(blob, `scamnet-${date}.png`))
              .catch(onError)
          }
        >
          PNG of the current view
        </button>
        <button
          onClick={() =>
            download(
              new Blob([JSON.stringify(snapshot(), null, 1)], { type: 'application/json' }),
              `scamnet-${date}.json`,
            )
          }
        >
          JSON of the canvas (graphology)
        </button>
      </div>
      {serverExports ? (
        <>
          <h3>For briefings</h3>
          {scope && (
            <p className="small" data-testid="export-scope">
              Exporting the {scope.count} selected nodes.{' '}
              <button className="link" onClick={scope.onReset}>
                Export the whole canvas
              </button>
            </p>
          )}
          <label>
            Title
            <input aria-label="Export title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Recipient may see up to
            <select aria-label="Recipient TLP" value={recipientTlp} onChange={(e) => setRecipientTlp(e.target.value)}>
              <option value="">everything on the canvas (up to your TLP:{actor.clearance})</option>
              {recipientLevels.map((t) => (
                <option key={t} value={t}>
                  TLP:{t}
                </option>
              ))}
            </select>
          </label>
          <div className="actions column">
            {SERVER_FORMATS.map((format) => (
              <button key={format} onClick={() => void serverExport(format)} disabled={nodeIds().length === 0}>
                {EXPORT_FORMAT_INFO[format].label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="muted small">
          This server offers no briefing exports yet (GEXF, GraphML, CSV, ANX, briefing pack).
        </p>
      )}
    </div>
  );
}
