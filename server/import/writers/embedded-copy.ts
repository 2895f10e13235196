/**
 * The embedded engine's bulk path: new records of one table go to a staging CSV in the store's
 * own staging directory, which `COPY <table> FROM` loads inside the import's transaction (so a
 * failure or a crash leaves none of it). Records the staging syntax cannot hold go through UNWIND.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_PROPERTY, nodeProperties, relKindDef, relProperties, type NodeKind, type NodeRecordValue, type PropertyDef, type RelKind, type RelRecordValue } from '../../model/schema.ts';
import { searchKeyOf } from '../../model/text.ts';
import type { Dialect } from '../../store/dialect.ts';
import type { TransactionRunner } from '../../store/types.ts';
import { cellOf, hasLineBreak, stageable } from './staging-csv.ts';
import { upsertNodes, upsertRels } from './unwind.ts';

const LINES_PER_WRITE = 5_000;

class StagingFile {
  private fd: number;
  private buffer: string[] = [];
  lineBreaks = false;
  rows = 0;
  constructor(readonly file: string, header: string[]) {
    this.fd = openSync(file, 'w');
    this.buffer.push(header.join(','));
  }
  add(cells: string[]) {
    this.buffer.push(cells.join(','));
    this.rows++;
    if (this.buffer.length >= LINES_PER_WRITE) this.flush();
  }
  private flush() {
    if (this.buffer.length) writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** Options of the COPY statement; the path is ours (staging dir + generated name), checked anyway. */
function copyStatement(table: string, file: StagingFile, ends?: [NodeKind, NodeKind]): string {
  if (/['\\\n]/.test(file.file)) throw new Error(`staging path ${file.file} cannot be quoted for COPY`);
  const options = ["HEADER=true", `ESCAPE='"'`];
  if (file.lineBreaks) options.push('PARALLEL=false');
  if (ends) options.push(`FROM='${ends[0]}'`, `TO='${ends[1]}'`);
  return `COPY ${table} FROM '${file.file}' (${options.join(', ')})`;
}

export class EmbeddedCopyWriter {
  private files = 0;
  constructor(
    private readonly stagingDir: string,
    private readonly dialect: Dialect,
  ) {}

  private nextFile(table: string): string {
    return path.join(this.stagingDir, `${String(++this.files).padStart(3, '0')}-${table}.csv`);
  }

  /**
   * Writes the records the staging CSV can hold to a new staging file (one row each, by `row`) and
   * hands back those it cannot (values the engine's CSV list syntax cannot carry), for UNWIND.
   */
  private stage<R extends object>(table: string, columns: string[], records: R[], props: PropertyDef[], row: (record: R, values: Record<string, unknown>) => string[]) {
    const staging = new StagingFile(this.nextFile(table), columns);
    const rest: R[] = [];
    try {
      for (const record of records) {
        const values = record as unknown as Record<string, unknown>;
        if (!stageable(values, props)) {
          rest.push(record);
          continue;
        }
        if (hasLineBreak(values, props)) staging.lineBreaks = true;
        staging.add(row(record, values));
      }
    } finally {
      staging.close();
    }
    return { staging, rest };
  }

  async insertNodes(tx: TransactionRunner, kind: NodeKind, nodes: NodeRecordValue[], onRows?: (n: number) => void) {
    const props = nodeProperties.get(kind)!;
    const { staging, rest } = this.stage(kind, [...props.map((p) => p.name), SEARCH_PROPERTY], nodes, props, (node, values) => [
      ...props.map((p) => cellOf(values[p.name], p.type)),
      cellOf(searchKeyOf(node.name, node.aliases), 'STRING'),
    ]);
    if (staging.rows > 0) await tx.run(copyStatement(kind, staging));
    onRows?.(staging.rows);
    if (rest.length) await upsertNodes(tx, this.dialect, kind, rest, onRows);
  }

  async insertRels(tx: TransactionRunner, kind: RelKind, ends: [NodeKind, NodeKind], rels: RelRecordValue[], onRows?: (n: number) => void) {
    const props = relProperties.get(kind)!;
    const { staging, rest } = this.stage(`${kind}-${ends[0]}-${ends[1]}`, ['from', 'to', ...props.map((p) => p.name)], rels, props, (rel, values) => [
      cellOf(rel.from, 'STRING'),
      cellOf(rel.to, 'STRING'),
      ...props.map((p) => cellOf(values[p.name], p.type)),
    ]);
    const multiplePairs = relKindDef(kind)!.endpoints.length > 1;
    if (staging.rows > 0) await tx.run(copyStatement(kind, staging, multiplePairs ? ends : undefined));
    onRows?.(staging.rows);
    if (rest.length) await upsertRels(tx, this.dialect, kind, ends, rest, { replace: false, ...(onRows ? { onRows } : {}) });
  }
}
