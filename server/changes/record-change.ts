/**
 * One recorded change: the graph edit and its revisions, together or not at all. `work` runs in
 * one store transaction and returns the revisions it made; they are appended to the change log
 * before the transaction commits, so a log that cannot be written (a full disk) rolls the graph
 * change back. The reverse cannot be undone: a commit that fails after the append leaves a
 * revision of a change the graph does not hold (the history says one version more than happened,
 * never less).
 *
 * The first recorded change of an entity that has no history (seeded or imported) is preceded by
 * a `baseline` revision of the state it had (see ChangeLog.append), so a restore can go back to it.
 */
import type { Revision } from '../model/changes.ts';
import type { GraphStore, TransactionRunner } from '../store/types.ts';
import type { AppendOptions, ChangeLog, RevisionInput } from './change-log.ts';

/**
 * @example
 *   const [revision] = await recordChange(store, log, async (tx) => {
 *     const before = await readNodeRecord(tx, id);
 *     await writeRecords(tx, store.dialect, { nodes: [after], relationships: [] });
 *     return [{ entity: 'node', id, author, action: 'update', changes, record: after, tlp: after.tlp }];
 *   });
 */
export async function recordChange(
  store: GraphStore,
  log: ChangeLog,
  work: (
    tx: TransactionRunner,
  ) => Promise<RevisionInput[] | { revisions: RevisionInput[]; expected?: AppendOptions['expected'] }>,
): Promise<Revision[]> {
  return store.transaction(async (tx) => {
    const done = await work(tx);
    // `expected`: versions the editor saw, checked under the log's lock (a stale one rolls back)
    const { revisions, expected } = Array.isArray(done) ? { revisions: done, expected: undefined } : done;
    return log.append(revisions, { baselines: true, ...(expected && { expected }) });
  });
}
