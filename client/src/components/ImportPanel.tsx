/**
 * Bulk import for accounts with the import permission: files sent as multipart to POST /api/import
 * (one transaction; with "abort" one bad row refuses it all), the answer summed up in a notice and
 * the bad rows listed as the server names them.
 */
import { useState } from 'react';
import { errorOf, REQUEST_HEADERS, reportStatus } from '../api/client.ts';

interface Props {
  onError(error: unknown): void;
  onDone(message: string): void;
}

interface Issue {
  file?: string;
  line?: number;
  column?: string;
  reason?: string;
}
interface Summary {
  rows: number;
  skipped: number;
  issues: Issue[];
  elapsedMs: number;
}

export function ImportPanel({ onError, onDone }: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [onBadRow, setOnBadRow] = useState<'abort' | 'skip'>('abort');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);

  const send = async () => {
    setBusy(true);
    setIssues([]);
    try {
      const form = new FormData();
      for (const file of files) form.append('files', file, file.name);
      const response = await fetch(`/api/import?onError=${onBadRow}`, {
        method: 'POST',
        headers: REQUEST_HEADERS,
        body: form,
      });
      reportStatus('/api/import', response.status);
      if (!response.ok) {
        const error = await errorOf(response);
        const listed = (error.details as { issues?: Issue[] } | null | undefined)?.issues;
        if (Array.isArray(listed)) setIssues(listed);
        throw error;
      }
      const summary = (await response.json()) as Summary;
      setIssues(summary.issues);
      onDone(
        `Imported ${summary.rows} rows from ${files.length} file${files.length === 1 ? '' : 's'}` +
          (summary.skipped ? `; ${summary.skipped} bad row${summary.skipped === 1 ? '' : 's'} left out.` : '.'),
      );
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel" aria-label="Import">
      <label>
        Files (CSV, JSON, NDJSON, STIX, XLSX, GraphML, GEXF)
        <input
          type="file"
          multiple
          aria-label="Files to import"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </label>
      <label>
        A bad row
        <select value={onBadRow} onChange={(e) => setOnBadRow(e.target.value as 'abort' | 'skip')}>
          <option value="abort">refuses the whole import</option>
          <option value="skip">is left out, the rest imported</option>
        </select>
      </label>
      <button className="primary" disabled={busy || files.length === 0} onClick={() => void send()}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      {issues.length > 0 && (
        <ul className="small damaged-files" aria-label="Import issues">
          {issues.slice(0, 50).map((issue, i) => (
            <li key={i}>
              {issue.file}
              {issue.line !== undefined ? `:${issue.line}` : ''} {issue.column ? `(${issue.column})` : ''}{' '}
              {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
