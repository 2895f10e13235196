/**
 * XLSX input, read with exceljs: a sheet per node or relationship kind, named after the kind (or
 * with a `kind` column, which wins), its first row the property names — as this tool's XLSX export
 * writes and as the CSV import reads one file per kind. The `About` sheet (the export's manifest)
 * is skipped. Each row is validated like a CSV row; an issue names the sheet in its file
 * (`[book.xlsx]Centre`, Excel's own way of naming a sheet of a workbook), the row as its line and
 * the column by its header.
 *
 * Cells: text stays text (an id or phone number typed as a number by hand becomes its digits, for
 * a text property); numbers and booleans are handed on as such; a date cell becomes YYYY-MM-DD;
 * rich text and hyperlinks give their text. A formula or an error cell is refused: an import takes
 * values, not what a spreadsheet would compute from them.
 *
 * Hostile workbooks: the zip's declared uncompressed size is checked before exceljs inflates it
 * (a small file can inflate to gigabytes), and whatever exceljs cannot read is one issue naming
 * the file, not a crash.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { propertyTypes } from '../model/schema.ts';
import type { ImportIssue, RawRecord } from './types.ts';
import { splitList } from './validate.ts';

/** The export's manifest sheet (server/export/formats/xlsx.ts ABOUT_SHEET). */
const ABOUT_SHEET = 'About';
/** Most bytes a workbook may inflate to: far above any import the server takes, far below a zip bomb's. */
export const MAX_XLSX_INFLATED_BYTES = 512 * 1024 * 1024;

/** The sum of the sizes the zip's entries declare, or an issue when it is too much or not a zip of a workbook. */
function inflatedSize(bytes: Buffer): number | string {
  let total = 0;
  let workbook = false;
  try {
    // the filter sees each entry's declared size and inflates none of them
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (entry.name === 'xl/workbook.xml') workbook = true;
        return false;
      },
    });
  } catch (error) {
    return `not an XLSX workbook (not a readable zip): ${(error as Error).message}`;
  }
  if (total > MAX_XLSX_INFLATED_BYTES)
    return `the workbook inflates to ${total} bytes, more than the ${MAX_XLSX_INFLATED_BYTES} an import reads`;
  return workbook ? total : 'not a readable XLSX workbook: the zip holds no xl/workbook.xml';
}

type Cell = ExcelJS.CellValue;

/** A cell as the value the validator reads, or a reason it cannot be one. */
function valueOf(cell: Cell, column: string): { value?: unknown; reason?: string } {
  if (cell === null || cell === undefined) return {};
  const type = propertyTypes.get(column);
  if (cell instanceof Date) {
    const iso = Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
    return { value: type === 'DATE' ? iso.slice(0, 10) : iso };
  }
  if (typeof cell === 'number')
    return { value: type === 'STRING' || type === 'DATE' || type === 'STRING[]' ? String(cell) : cell };
  if (typeof cell === 'boolean') return { value: type === 'BOOLEAN' ? cell : String(cell) };
  if (typeof cell === 'string') return { value: type === 'STRING[]' ? readListText(cell) : cell };
  if (typeof cell === 'object') {
    if ('formula' in cell || 'sharedFormula' in cell)
      return { reason: 'is a formula: an import takes values (paste the values instead)' };
    if ('error' in cell)
      return { reason: `holds the spreadsheet error ${String((cell as ExcelJS.CellErrorValue).error)}` };
    if ('richText' in cell)
      return valueOf((cell as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''), column);
    if ('text' in cell) return valueOf(String((cell as ExcelJS.CellHyperlinkValue).text), column);
  }
  return { reason: 'holds a value of a kind an import cannot read' };
}

/** A list cell or attribute: JSON (what the exports write when an item holds `;` or `,`), else `a; b` or `[a,b]` as in CSV. */
export function readListText(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('["')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      /* not JSON: read as a plain list */
    }
  }
  return splitList(text);
}

function readSheet(file: string, sheet: ExcelJS.Worksheet, records: RawRecord[], issues: ImportIssue[]): void {
  const at = (line: number, reason: string, column?: string) =>
    issues.push({ file, line, ...(column ? { column } : {}), reason });
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    header[col] =
      typeof cell.value === 'string' ? cell.value.trim() : cell.value === null ? '' : String(cell.text).trim();
  });
  if (header.filter(Boolean).length === 0) {
    if (sheet.actualRowCount > 0) at(1, 'the first row must name the properties (id, name, …)');
    return;
  }
  const seen = new Set<string>();
  for (const [col, h] of header.entries()) {
    if (h === undefined) continue;
    if (!h) at(1, `the header cell of column ${col} is empty: every column needs a property name`);
    else if (seen.has(h)) at(1, `column ${h} appears twice`, h);
    seen.add(h);
  }
  if (issues.some((i) => i.file === file)) return;
  const sheetKind = sheet.name.trim();
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const values: Record<string, unknown> = {};
    let kind = sheetKind;
    let bad = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const column = header[col];
      if (!column) {
        at(line, `cell ${cell.address} is in a column without a header`);
        bad = true;
        return;
      }
      const read = valueOf(cell.value, column);
      if (read.reason) {
        at(line, `cell ${cell.address} ${read.reason}`, column);
        bad = true;
      } else if (read.value === undefined || read.value === '') {
        /* an empty cell gives no value, as in CSV */
      } else if (column === 'kind') kind = String(read.value).trim();
      else values[column] = read.value;
    });
    if (bad || Object.keys(values).length === 0) return;
    records.push({ origin: { file, line }, kind, values });
  });
}

export async function readXlsx(name: string, bytes: Buffer): Promise<{ records: RawRecord[]; issues: ImportIssue[] }> {
  const refuse = (reason: string) => ({ records: [], issues: [{ file: name, line: 0, reason }] });
  const size = inflatedSize(bytes);
  if (typeof size === 'string') return refuse(size);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    return refuse(`not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.name === ABOUT_SHEET) continue;
    readSheet(`[${name}]${sheet.name}`, sheet, records, issues);
  }
  if (records.length === 0 && issues.length === 0)
    issues.push({
      file: name,
      line: 0,
      reason: 'the workbook holds no rows: a sheet per kind, its first row the property names',
    });
  return { records, issues };
}
