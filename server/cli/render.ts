/** Result cells as text, for the terminal table and CSV: nodes by label, paths as label chains. */
import type { JsonValue, QueryResult } from '../store/types.ts';

export function cellText(value: JsonValue, labels: Map<string, string>): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((v) => cellText(v, labels)).join('; ');
  if (typeof value === 'object') {
    if (value.$type === 'node') return String(value.label);
    if (value.$type === 'edge')
      return `${labels.get(String(value.source)) ?? value.source} -${value.kind}-> ${labels.get(String(value.target)) ?? value.target}`;
    if (value.$type === 'path') return (value.nodes as string[]).map((k) => labels.get(k) ?? k).join(' > ');
    return JSON.stringify(value);
  }
  return String(value);
}

export function textRows(result: QueryResult): string[][] {
  const labels = new Map(result.graph.nodes.map((n) => [n.key, n.attributes.label]));
  return result.rows.map((row) => result.columns.map((c) => cellText(row[c] ?? null, labels)));
}

/** Spreadsheet programs run cells that start with these as formulas. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function formatTable(result: QueryResult, width = 48): string {
  const rows = textRows(result).map((r) => r.map((c) => (c.length > width ? `${c.slice(0, width - 1)}…` : c)));
  // textRows gives every row one cell per column, so the defaults below never apply
  const widths = result.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(result.columns), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
  out.push(
    `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (truncated at QUERY_MAX_ROWS)' : ''}, ${result.elapsedMs} ms`,
  );
  return out.join('\n');
}
