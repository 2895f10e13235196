/**
 * The embedded engine's bulk path: new records of one table go to a staging CSV in the store's
 * own staging directory, which `COPY <table> FROM` loads inside the import's transaction (so a
 * failure or a crash leaves none of it). Records the staging syntax cannot hold go through UNWIND.
 */
import path from 'node:path';
import {
  SEARCH_PROPERTY,
  type NodeKind,
  type NodeRecordValue,
  type PropertyDef,
  type RelKind,
  type RelRecordValue,
} from '../../model/schema.ts';
import { searchKeyOf } from '../../model/text.ts';
import type { Dialect } from '../../store/dialect.ts';
import { nodePropertiesOf, relKindDefOf, relPropertiesOf } from '../../store/kind-lookup.ts';
import type { TransactionRunner } from '../../store/types.ts';
import { AppError } from '../../errors.ts';
import { diskReserve, requireFreeSpace } from '../../files/disk-space.ts';
import { DurableFile } from '../../files/durable-write.ts';
import { cellOf, hasLineBreak, stageable } from './staging-csv.ts';
import { upsertNodes, upsertRels } from './unwind.ts';

const LINES_PER_WRITE = 5_000;

/**
 * One staging CSV, written through DurableFile: every byte checked (a short write on a nearly full
 * disk once left a file of half the rows, and COPY loaded that half without complaint), fsynced,
 * and under its name only when complete.
 */
class StagingFile {
  private readonly out: DurableFile;
  private buffer: string[] = [];
  lineBreaks = false;
  rows = 0;
  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.out = new DurableFile(file, "the import's staging file");
    this.buffer.push(header.join(','));
  }
  get bytes(): number {
    return this.out.bytes;
  }
  add(cells: string[]) {
    this.buffer.push(cells.join(','));
    this.rows++;
    if (this.buffer.length >= LINES_PER_WRITE) this.flush();
  }
  private flush() {
    if (this.buffer.length) this.out.append(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
  close() {
    this.flush();
    this.out.commit();
  }
  abort() {
    this.out.abort();
  }
}

/** Options of the COPY statement; the path is ours (staging dir + generated name), checked anyway. */
function copyStatement(table: string, file: StagingFile, ends?: [NodeKind, NodeKind]): string {
  // The message must not name the path: it would reach the HTTP answer.
  if (/['\\\n]/.test(file.file)) throw new AppError('internal', 'the staging path cannot be quoted for COPY');
  const options = ['HEADER=true', `ESCAPE='"'`];
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
  private stage<R extends object>(
    table: string,
    columns: string[],
    records: R[],
    props: PropertyDef[],
    row: (record: R, values: Record<string, unknown>) => string[],
  ) {
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
    } catch (error) {
      staging.abort();
      throw error;
    }
    staging.close();
    // The staging is on disk; the engine's data pages, WAL and checkpoint are still to come.
    if (staging.rows > 0)
      requireFreeSpace(
        this.stagingDir,
        Math.ceil(staging.bytes * (diskReserve.importFactor - 1)) + diskReserve.importMarginBytes,
        'the import',
      );
    return { staging, rest };
  }

  /**
   * Runs COPY and checks, inside the transaction, that the table grew by exactly the rows staged:
   * a staging file cut short, or an engine that skips lines, must fail the import, not shrink it.
   */
  private async copyChecked(
    tx: TransactionRunner,
    countQuery: string,
    statement: string,
    staged: number,
    table: string,
  ) {
    const count = async () => Number((await tx.scan(countQuery))[0]?.c ?? 0);
    const before = await count();
    await tx.run(statement);
    const loaded = (await count()) - before;
    if (loaded !== staged) {
      throw new AppError(
        'internal',
        `the bulk load of ${table} stored ${loaded} of the ${staged} rows staged; nothing was written`,
        { table, staged, loaded },
      );
    }
  }

  async insertNodes(tx: TransactionRunner, kind: NodeKind, nodes: NodeRecordValue[], onRows?: (n: number) => void) {
    const props = nodePropertiesOf(kind);
    const { staging, rest } = this.stage(
      kind,
      [...props.map((p) => p.name), SEARCH_PROPERTY],
      nodes,
      props,
      (node, values) => [
        ...props.map((p) => cellOf(values[p.name], p.type)),
        cellOf(searchKeyOf(node.name, node.aliases), 'STRING'),
      ],
    );
    if (staging.rows > 0)
      await this.copyChecked(
        tx,
        `MATCH (n:${kind}) RETURN count(n) AS c`,
        copyStatement(kind, staging),
        staging.rows,
        kind,
      );
    onRows?.(staging.rows);
    if (rest.length) await upsertNodes(tx, this.dialect, kind, rest, onRows);
  }

  async insertRels(
    tx: TransactionRunner,
    kind: RelKind,
    ends: [NodeKind, NodeKind],
    rels: RelRecordValue[],
    onRows?: (n: number) => void,
  ) {
    const props = relPropertiesOf(kind);
    const { staging, rest } = this.stage(
      `${kind}-${ends[0]}-${ends[1]}`,
      ['from', 'to', ...props.map((p) => p.name)],
      rels,
      props,
      (rel, values) => [
        cellOf(rel.from, 'STRING'),
        cellOf(rel.to, 'STRING'),
        ...props.map((p) => cellOf(values[p.name], p.type)),
      ],
    );
    const multiplePairs = relKindDefOf(kind).endpoints.length > 1;
    if (staging.rows > 0) {
      const countQuery = `MATCH (:${ends[0]})-[r:${kind}]->(:${ends[1]}) RETURN count(r) AS c`;
      await this.copyChecked(
        tx,
        countQuery,
        copyStatement(kind, staging, multiplePairs ? ends : undefined),
        staging.rows,
        kind,
      );
    }
    onRows?.(staging.rows);
    if (rest.length)
      await upsertRels(tx, this.dialect, kind, ends, rest, { replace: false, ...(onRows ? { onRows } : {}) });
  }
}
