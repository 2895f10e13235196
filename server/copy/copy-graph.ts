/**
 * Copies every node and relationship of one store into another in ONE transaction of the target,
 * through the import's bulk writers (COPY FROM a staging CSV on the embedded store, UNWIND
 * batches on Neo4j), reading the source a page at a time. Before the transaction commits, the
 * target is digested from inside it and compared with the source's digest (store-digest.ts): any
 * difference rolls the whole copy back, as does any failure on the way. So the target ends up an
 * exact copy or exactly as it was.
 *
 * A target that holds anything is refused unless `replace` is set; then it is emptied in the
 * same transaction, so a failed replace keeps the old graph.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import { IMPORT_TIMEOUT_MS } from '../import/run-import.ts';
import { normaliseStored } from '../import/merge.ts';
import { EmbeddedCopyWriter } from '../import/writers/embedded-copy.ts';
import { upsertNodes, upsertRels } from '../import/writers/unwind.ts';
import { writeError } from '../files/durable-write.ts';
import type { NodeRecordValue, RelRecordValue } from '../model/schema.ts';
import { nodePropertiesOf, relPropertiesOf } from '../store/kind-lookup.ts';
import type { GraphStore, TransactionRunner } from '../store/types.ts';
import { digestStore, type StoreDigest } from './store-digest.ts';
import { NODE_TABLES, REL_TABLES, pagesOf, relPattern, totalCounts, type Reader } from './store-pages.ts';

/** Rows read and written at a time: COPY per page costs a count of the table before and after. */
export const COPY_PAGE = 20_000;
/** Pages smaller than this go through UNWIND rather than a staging file, as in the import. */
const BULK_THRESHOLD = 500;
/** No cap on what a page may hold: the page size bounds it. */
const UNCAPPED = { timeoutMs: IMPORT_TIMEOUT_MS, maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };

/** The copy was refused or failed; the target is as it was. The message says why. */
export class CopyError extends AppError {
  override name = 'CopyError';
  constructor(
    message: string,
    readonly digests?: { source: StoreDigest; target?: StoreDigest },
  ) {
    super('copy_refused', message, digests);
  }
}

export interface CopyOptions {
  /** empty a target that holds anything, in the copy's transaction; refused otherwise */
  replace?: boolean;
  pageSize?: number;
  /** told of each step, for the CLI */
  progress?: (line: string) => void;
  /** runs inside the target's transaction once the proof holds, before the commit; a throw rolls the copy back */
  beforeCommit?: () => Promise<void> | void;
}

export interface CopyResult {
  source: StoreDigest;
  target: StoreDigest;
  /** whether the target held anything that the copy replaced */
  replaced: { nodes: number; relationships: number } | null;
  ms: { digestSource: number; write: number; digestTarget: number };
}

/** Where two digests differ, one line each; empty when they agree. */
export function digestDifferences(a: StoreDigest, b: StoreDigest): string[] {
  const out: string[] = [];
  for (const [what, left, right] of [
    ['nodes', a.nodes, b.nodes],
    ['relationships', a.relationships, b.relationships],
  ] as const) {
    for (const kind of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if ((left[kind] ?? 0) !== (right[kind] ?? 0))
        out.push(`${what} ${kind}: ${left[kind] ?? 0} in the source, ${right[kind] ?? 0} in the target`);
    }
  }
  if (a.total.nodes !== b.total.nodes)
    out.push(`nodes in all: ${a.total.nodes} in the source, ${b.total.nodes} in the target`);
  if (a.total.relationships !== b.total.relationships)
    out.push(`relationships in all: ${a.total.relationships} in the source, ${b.total.relationships} in the target`);
  if (a.dataVersion !== b.dataVersion)
    out.push(`data version: ${a.dataVersion} in the source, ${b.dataVersion} in the target`);
  return out;
}

function notEmpty(target: GraphStore, held: { nodes: number; relationships: number }): CopyError {
  return new CopyError(
    `the ${target.backend} target is not empty (${held.nodes} nodes, ${held.relationships} relationships): nothing was copied. ` +
      'Give --replace to replace everything it holds (all or nothing)',
  );
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

export async function copyGraph(
  source: GraphStore,
  target: GraphStore,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const pageSize = options.pageSize ?? COPY_PAGE;
  const progress = options.progress ?? (() => undefined);
  const readSource: Reader = (query, params) => source.read(query, params, UNCAPPED);

  // Refused at once rather than after reading the source; checked again inside the transaction.
  const present = await totalCounts((query, params) => target.read(query, params, UNCAPPED));
  if (!options.replace && (present.nodes > 0 || present.relationships > 0)) throw notEmpty(target, present);

  let started = performance.now();
  progress(`reading the ${source.backend} source`);
  const sourceDigest = await digestStore(readSource);
  const digestSourceMs = Math.round(performance.now() - started);
  const outside = {
    nodes: sourceDigest.total.nodes - sum(sourceDigest.nodes),
    relationships: sourceDigest.total.relationships - sum(sourceDigest.relationships),
  };
  if (outside.nodes !== 0 || outside.relationships !== 0) {
    throw new CopyError(
      `the source holds ${outside.nodes} node(s) and ${outside.relationships} relationship(s) the copy cannot read as records of their own ` +
        '(kinds, or pairs of end kinds, the schema does not know; or an id held twice); nothing was copied',
      { source: sourceDigest },
    );
  }
  progress(
    `source: ${sourceDigest.total.nodes} nodes, ${sourceDigest.total.relationships} relationships, ${sourceDigest.dataVersion} (${digestSourceMs} ms)`,
  );

  const stagingDir = target.stagingDir ? path.join(target.stagingDir, `copy-${randomUUID()}`) : null;
  /** Each page's staging file goes once COPY has loaded it, so the staging never holds more than a page. */
  const freshStaging = () => {
    if (!stagingDir) return;
    try {
      rmSync(stagingDir, { recursive: true, force: true });
      mkdirSync(stagingDir, { recursive: true });
    } catch (error) {
      throw writeError(error, 'the copy');
    }
  };
  let writeMs = 0;
  let digestTargetMs = 0;
  let replaced: CopyResult['replaced'] = null;
  /** set once the transaction's work is done: a failure after it is the commit's */
  let committing = false;
  try {
    const targetDigest = await target.transaction(async (tx: TransactionRunner) => {
      const readTarget: Reader = (query, params) => tx.run(query, params);
      const existing = await totalCounts(readTarget);
      if (existing.nodes > 0 || existing.relationships > 0) {
        if (!options.replace) throw notEmpty(target, existing);
        await tx.run('MATCH (n) DETACH DELETE n');
        replaced = existing;
        progress(
          `target: emptied ${existing.nodes} nodes and ${existing.relationships} relationships (kept until the copy commits)`,
        );
      }
      started = performance.now();
      freshStaging();
      const writer = stagingDir ? new EmbeddedCopyWriter(stagingDir, target.dialect) : undefined;

      for (const kind of NODE_TABLES) {
        const props = nodePropertiesOf(kind);
        const columns = props.map((p) => `n.${p.name} AS ${p.name}`).join(', ');
        let written = 0;
        let bulk = false;
        for await (const page of pagesOf(readSource, `(n:${kind})`, 'n', `n.id AS key, ${columns}`, pageSize)) {
          const records = page.rows.map(
            (row) => ({ ...normaliseStored(row, props), kind }) as unknown as NodeRecordValue,
          );
          if (writer && records.length >= BULK_THRESHOLD) {
            bulk = true;
            await writer.insertNodes(tx, kind, records);
          } else await upsertNodes(tx, target.dialect, kind, records);
          freshStaging();
          written += records.length;
        }
        if (written) progress(`wrote ${written} ${kind} nodes through ${bulk ? 'COPY FROM' : 'UNWIND'}`);
      }
      for (const table of REL_TABLES) {
        const props = relPropertiesOf(table.kind);
        const columns = ['a.id AS from', 'b.id AS to', ...props.map((p) => `r.${p.name} AS ${p.name}`)].join(', ');
        const withEnds = [
          ...props,
          { name: 'from', type: 'STRING' as const, required: true },
          { name: 'to', type: 'STRING' as const, required: true },
        ];
        let written = 0;
        let bulk = false;
        for await (const page of pagesOf(readSource, relPattern(table), 'r', `r.id AS key, ${columns}`, pageSize)) {
          const records = page.rows.map(
            (row) => ({ ...normaliseStored(row, withEnds), kind: table.kind }) as unknown as RelRecordValue,
          );
          if (writer && records.length >= BULK_THRESHOLD) {
            bulk = true;
            await writer.insertRels(tx, table.kind, [table.from, table.to], records);
          } else await upsertRels(tx, target.dialect, table.kind, [table.from, table.to], records, { replace: false });
          freshStaging();
          written += records.length;
        }
        if (written)
          progress(
            `wrote ${written} ${table.kind} relationships (${table.from} to ${table.to}) through ${bulk ? 'COPY FROM' : 'UNWIND'}`,
          );
      }
      writeMs = Math.round(performance.now() - started);

      // The proof, from inside the transaction: what would be committed, digested as the source was.
      started = performance.now();
      progress(`checking the ${target.backend} target before committing`);
      const digest = await digestStore(readTarget);
      digestTargetMs = Math.round(performance.now() - started);
      const differences = digestDifferences(sourceDigest, digest);
      if (differences.length) {
        throw new CopyError(
          `the target would differ from the source; the copy was rolled back:\n  ${differences.join('\n  ')}`,
          { source: sourceDigest, target: digest },
        );
      }
      await options.beforeCommit?.();
      committing = true;
      return digest;
    }, UNCAPPED);
    return {
      source: sourceDigest,
      target: targetDigest,
      replaced,
      ms: { digestSource: digestSourceMs, write: writeMs, digestTarget: digestTargetMs },
    };
  } catch (error) {
    if (error instanceof CopyError) throw error;
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    // A failed commit is the store's to explain (the embedded one says whether it may have been kept).
    if (committing)
      throw new CopyError(`the copy failed while the target committed it: ${message}`, { source: sourceDigest });
    throw new CopyError(`the copy failed and was rolled back; the target is as it was: ${message}`, {
      source: sourceDigest,
    });
  } finally {
    if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
  }
}
