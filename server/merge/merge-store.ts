/**
 * What a merge needs kept to be undone exactly: the whole records of the entities and of every
 * relationship it moved or dropped, as they were before, and the notes it moved to the survivor.
 * One JSON file per merge in `<CHANGES_DIR>/merges` (`<uuid>.json`), written whole (json-repository.ts),
 * beside the change log it goes with.
 * The change log holds the same facts revision by revision; this file ties one merge's together.
 */
import path from 'node:path';
import { z } from 'zod';
import { JsonRepository } from '../files/json-repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MERGE_ID = /^merge:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const Record_ = z.record(z.string(), z.unknown());

export const MergeRecordSchema = z.object({
  mergeId: z.string(),
  at: z.string(),
  author: z.string(),
  kind: z.string(),
  survivor: z.string(),
  merged: z.array(z.string()),
  /** every merged entity's record before, the survivor's first */
  nodes: z.array(Record_),
  /** the relationships moved (as they were before) and dropped */
  moved: z.array(Record_),
  dropped: z.array(Record_),
  /** notes moved from a merged entity to the survivor, and where they were */
  notes: z.array(z.object({ id: z.string(), from: z.string() })).default([]),
  undone: z.object({ at: z.string(), author: z.string() }).nullable().default(null),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

export class MergeStore {
  private readonly files: JsonRepository<MergeRecord>;

  /** `changesDir`: the change log's directory (CHANGES_DIR) */
  constructor(changesDir: string) {
    this.files = new JsonRepository({
      dir: path.join(changesDir, 'merges'),
      schema: MergeRecordSchema,
      what: 'the merge record',
      names: UUID,
    });
  }

  async get(mergeId: string): Promise<MergeRecord | undefined> {
    const name = MERGE_ID.exec(mergeId)?.[1];
    return name ? this.files.get(name) : undefined;
  }

  async put(record: MergeRecord): Promise<void> {
    const name = MERGE_ID.exec(record.mergeId)?.[1];
    if (!name) throw new Error(`not a merge id: ${record.mergeId}`);
    await this.files.put(name, record);
  }
}
