/**
 * An import from files to the store, in one transaction: read and validate every row, then (in
 * the transaction) check that relationship ends exist in the store or in the import, merge with
 * what is stored, and write — new records through the engine's bulk path, changed ones with
 * UNWIND upserts, unchanged ones not at all.
 *
 * @example
 *   const summary = await runImport(store, [{ name: 'Centre.csv', bytes }], { onError: 'skip' });
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import { provenanceIssues } from '../model/provenance.ts';
import {
  type NodeKind,
  type NodeRecordValue,
  type PropertyDef,
  type RelKind,
  type RelRecordValue,
} from '../model/schema.ts';
import { nodeKindOfValidId, nodePropertiesOf, relPropertiesOf } from '../store/kind-lookup.ts';
import type { GraphStore } from '../store/types.ts';
import { existingNodeIds, storedNodes, storedRels } from './lookup.ts';
import { mergeRecord, normaliseStored, sameRecord } from './merge.ts';
import { readFilesOffThread } from './read-off-thread.ts';
import type {
  ImportCounts,
  ImportFile,
  ImportIssue,
  ImportSummary,
  OnErrorPolicy,
  Origin,
  ProgressListener,
  ValidRecord,
} from './types.ts';
import { EmbeddedCopyWriter } from './writers/embedded-copy.ts';
import { insertNodes, upsertNodes, upsertRels } from './writers/unwind.ts';
import { groupBy } from '../store/batch-writer.ts';
import { importNeeds, requireFreeSpace } from '../files/disk-space.ts';
import { writeError } from '../files/durable-write.ts';

/** Issues listed in a report; the count says how many there were in all. */
export const MAX_REPORTED_ISSUES = 1000;
/** An import may run long; the store's QUERY_TIMEOUT_MS is for interactive queries. */
export const IMPORT_TIMEOUT_MS = 60 * 60 * 1000;

export interface ImportOptions {
  onError?: OnErrorPolicy;
  onProgress?: ProgressListener;
  /** fewer new records of a table than this go through UNWIND instead of COPY (default 500) */
  bulkThreshold?: number;
  /** the input's size in bytes, for the free-space estimate (default: estimated from the records) */
  inputBytes?: number;
  /** uploads up to this many bytes are validated on the main thread (default INLINE_MAX_BYTES) */
  inlineMaxBytes?: number;
}

type NodeItem = Extract<ValidRecord, { entity: 'node' }>;
type RelItem = Extract<ValidRecord, { entity: 'rel' }>;

export function invalidImport(issues: ImportIssue[], extra: Record<string, unknown> = {}): AppError {
  const [first] = issues;
  // callers build this error only once they have found an issue
  if (!first) throw new AppError('internal', 'an import was refused without an issue to report');
  const where = `${first.file}${first.line ? `:${first.line}` : ''}${first.column ? ` (${first.column})` : ''}`;
  return new AppError(
    'invalid_import',
    `${issues.length} problem(s) in the import; nothing was written. First: ${where}: ${first.reason}`,
    { issueCount: issues.length, issues: issues.slice(0, MAX_REPORTED_ISSUES), ...extra },
  );
}

/**
 * Sorts one kind's imported records against the stored ones: new records, records the import
 * changes (merged by the rules in merge.ts), and the count of those it leaves as they were. A merge
 * that breaks a provenance rule is an issue of the imported row.
 */
function sortAgainstStored<R extends NodeRecordValue | RelRecordValue>(
  group: Array<{ record: R; present: ReadonlySet<string>; origin: Origin }>,
  stored: Map<string, Record<string, unknown>>,
  props: PropertyDef[],
  kind: string,
): { created: R[]; updated: R[]; unchanged: number; bad: ImportIssue[] } {
  const out = { created: [] as R[], updated: [] as R[], unchanged: 0, bad: [] as ImportIssue[] };
  for (const item of group) {
    const existing = stored.get(item.record.id);
    if (!existing) {
      out.created.push(item.record);
      continue;
    }
    const before = normaliseStored(existing, props);
    const merged = mergeRecord(before, item.record as never, item.present, props);
    const problems = provenanceIssues(merged as never);
    if (problems.length)
      out.bad.push(
        ...problems.map((reason) => ({ ...item.origin, reason: `merged with the stored record: ${reason}` })),
      );
    else if (sameRecord(merged, before, props)) out.unchanged++;
    else out.updated.push({ ...merged, kind } as unknown as R);
  }
  return out;
}

const newCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

export async function runImport(
  store: GraphStore,
  files: ImportFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const policy = options.onError ?? 'abort';
  const progress = options.onProgress ?? (() => undefined);
  const totalRows = files.length;
  progress('read', 0, totalRows);
  // a large upload is validated in a worker thread, so other requests are answered meanwhile
  const read = await readFilesOffThread(files, {
    recordsWanted: policy === 'skip',
    inlineMaxBytes: options.inlineMaxBytes,
    maxIssues: MAX_REPORTED_ISSUES,
  });
  progress('validate', read.records.length, read.records.length);
  const issues = [...read.issues];
  if (issues.length > 0 && policy === 'abort') throw invalidImport(issues, { issueCount: read.issueCount });

  const inputBytes = options.inputBytes ?? files.reduce((sum, f) => sum + f.bytes.length, 0);
  const summary = await writeRecords(store, read.records, { ...options, onError: policy, inputBytes }, issues);
  return {
    files: read.files,
    rows: read.rows,
    ...summary,
    skipped: new Set(issues.map((i) => `${i.file}:${i.line}`)).size,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * The store half of an import, also used by the seed loader for batches it built itself.
 * `issues` gathers the rows left out (policy skip); with abort, the first one throws and the
 * transaction leaves nothing behind.
 */
export async function writeRecords(
  store: GraphStore,
  records: ValidRecord[],
  options: ImportOptions & { onError: OnErrorPolicy },
  issues: ImportIssue[] = [],
): Promise<Pick<ImportSummary, 'nodes' | 'relationships' | 'path'>> {
  const progress = options.onProgress ?? (() => undefined);
  const threshold = options.bulkThreshold ?? 500;
  const nodes = records.filter((r): r is NodeItem => r.entity === 'node');
  let rels = records.filter((r): r is RelItem => r.entity === 'rel');
  const counts = { nodes: newCounts(), relationships: newCounts() };
  const stagingDir = store.stagingDir ? path.join(store.stagingDir, `import-${randomUUID()}`) : null;
  // Refused before anything is staged or begun when the disk cannot hold the staging and what the
  // engine writes after it (disk-space.ts has the estimate); checked again once the staging is written.
  if (store.stagingDir && records.length > 0) {
    const staged = options.inputBytes ?? records.reduce((sum, r) => sum + JSON.stringify(r.record).length, 0);
    requireFreeSpace(store.stagingDir, importNeeds(staged), 'the import');
  }
  const refuse = (found: ImportIssue[]) => {
    issues.push(...found);
    if (found.length > 0 && options.onError === 'abort') throw invalidImport(issues);
  };

  try {
    await store.transaction(
      async (tx) => {
        // A crashed import's staging is removed when the store opens (EmbeddedStore.init).
        if (stagingDir) {
          try {
            mkdirSync(stagingDir, { recursive: true });
          } catch (error) {
            throw writeError(error, 'the import');
          }
        }
        const writer = stagingDir ? new EmbeddedCopyWriter(stagingDir, store.dialect) : undefined;

        // 1. Relationship ends: in this import, or already in the store.
        progress('resolve', 0, rels.length);
        const imported = new Set(nodes.map((n) => n.record.id));
        const outside = new Set<string>();
        for (const r of rels) for (const end of [r.record.from, r.record.to]) if (!imported.has(end)) outside.add(end);
        const present = new Set<string>();
        for (const [kind, ids] of groupBy([...outside], (id) => nodeKindOfValidId(id))) {
          for (const id of await existingNodeIds(tx, kind as NodeKind, ids)) present.add(id);
        }
        const dangling: ImportIssue[] = [];
        rels = rels.filter((r) => {
          const missing = (['from', 'to'] as const).filter(
            (end) => !imported.has(r.record[end]) && !present.has(r.record[end]),
          );
          for (const end of missing)
            dangling.push({
              ...r.origin,
              column: end,
              reason: `no node ${r.record[end]} in the store or in this import`,
            });
          return missing.length === 0;
        });
        refuse(dangling);

        // 2. Nodes, kind by kind: merge with the stored ones, bulk-load the new ones.
        const nodeTotal = nodes.length;
        let nodeDone = 0;
        const nodeRows = (n: number) => progress('write', (nodeDone += n), nodeTotal + rels.length);
        for (const [kind, group] of groupBy(nodes, (n) => n.record.kind)) {
          const props = nodePropertiesOf(kind as NodeKind);
          const stored = await storedNodes(
            tx,
            kind as NodeKind,
            group.map((n) => n.record.id),
          );
          const { created, updated, unchanged, bad } = sortAgainstStored(group, stored, props, kind);
          counts.nodes.unchanged += unchanged;
          refuse(bad);
          if (writer && created.length >= threshold) await writer.insertNodes(tx, kind as NodeKind, created, nodeRows);
          else await insertNodes(tx, store.dialect, kind as NodeKind, created, nodeRows);
          await upsertNodes(tx, store.dialect, kind as NodeKind, updated, nodeRows);
          counts.nodes.created += created.length;
          counts.nodes.updated += updated.length;
        }

        // 3. Relationships, by kind and pair of end kinds.
        for (const [key, group] of groupBy(
          rels,
          (r) => `${r.record.kind}|${nodeKindOfValidId(r.record.from)}|${nodeKindOfValidId(r.record.to)}`,
        )) {
          const [kind, fromKind, toKind] = key.split('|') as [RelKind, NodeKind, NodeKind];
          const props = [
            ...relPropertiesOf(kind),
            { name: 'from', type: 'STRING' as const, required: true },
            { name: 'to', type: 'STRING' as const, required: true },
          ];
          const stored = await storedRels(
            tx,
            store.dialect,
            kind,
            group.map((r) => r.record.id),
          );
          const { created, updated, unchanged, bad } = sortAgainstStored(group, stored, props, kind);
          counts.relationships.unchanged += unchanged;
          refuse(bad);
          if (writer && created.length >= threshold)
            await writer.insertRels(tx, kind, [fromKind, toKind], created, nodeRows);
          else
            await upsertRels(tx, store.dialect, kind, [fromKind, toKind], created, {
              replace: false,
              onRows: nodeRows,
            });
          await upsertRels(tx, store.dialect, kind, [fromKind, toKind], updated, { replace: true, onRows: nodeRows });
          counts.relationships.created += created.length;
          counts.relationships.updated += updated.length;
        }
        progress('commit', 0, 1);
      },
      { timeoutMs: IMPORT_TIMEOUT_MS, maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER },
    );
  } finally {
    if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
  }
  return { ...counts, path: store.stagingDir ? 'copy' : 'unwind' };
}
