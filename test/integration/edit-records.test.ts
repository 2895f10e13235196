/**
 * Whole records read and written inside a transaction (server/graph/records.ts) and recordChange's
 * promise: the graph change and its revisions land together or not at all. On both stores.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../server/changes/change-log.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import {
  deleteNode,
  deleteRel,
  readNodeRecord,
  readRelRecord,
  readRelRecordsOf,
  writeRecords,
} from '../../server/graph/records.ts';
import type { NodeRecordValue } from '../../server/model/schema.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { smallGraph } from '../support/small-graph.ts';

let h: Harness;
let logDir: string;
beforeAll(async () => {
  h = await startHarness(smallGraph());
  logDir = mkdtempSync(path.join(tmpdir(), 'scamnet-log-'));
});
afterAll(async () => {
  await h.close();
  rmSync(logDir, { recursive: true, force: true });
});

const read = <T>(work: Parameters<Harness['store']['transaction']>[0]) => h.store.transaction(work) as Promise<T>;

describe('records', () => {
  it('reads a node whole, with the schema’s defaults for what the store left out', async () => {
    const beta = await read<NodeRecordValue | null>((tx) => readNodeRecord(tx, 'centre:beta'));
    expect(beta).toEqual(smallGraph().nodes.find((n) => n.id === 'centre:beta'));
    expect(await read((tx) => readNodeRecord(tx, 'centre:none'))).toBeNull();
    expect(await read((tx) => readNodeRecord(tx, 'nokind:x'))).toBeNull();
  });

  it('reads a relationship whole, and all of a node’s in either direction', async () => {
    const e1 = await read((tx) => readRelRecord(tx, 'e1'));
    expect(e1).toEqual(smallGraph().relationships.find((r) => r.id === 'e1'));
    expect(await read((tx) => readRelRecord(tx, 'nope'))).toBeNull();
    const ofAlpha = await read<{ id: string }[]>((tx) => readRelRecordsOf(tx, 'centre:alpha'));
    expect(ofAlpha.map((r) => r.id).sort()).toEqual(['e1', 'e2', 'e3', 'e6']);
  });

  it('writes records back and deletes nodes (with their links) and links', async () => {
    const beta = smallGraph().nodes.find((n) => n.id === 'centre:beta')!;
    await h.store.transaction((tx) =>
      writeRecords(tx, h.store.dialect, {
        nodes: [{ ...beta, name: 'Beta Renamed' } as NodeRecordValue],
        relationships: [],
      }),
    );
    expect((await read<NodeRecordValue>((tx) => readNodeRecord(tx, 'centre:beta'))).name).toBe('Beta Renamed');
    expect(await h.store.transaction((tx) => deleteRel(tx, 'e4'))).toBe(true);
    expect(await h.store.transaction((tx) => deleteRel(tx, 'e4'))).toBe(false);
    expect(await h.store.transaction((tx) => deleteNode(tx, 'centre:beta'))).toBe(true);
    expect(await read((tx) => readNodeRecord(tx, 'centre:beta'))).toBeNull();
    expect(await read((tx) => readRelRecord(tx, 'e7'))).toBeNull();
    expect(await h.store.transaction((tx) => deleteNode(tx, 'centre:beta'))).toBe(false);
  });
});

describe('recordChange', () => {
  it('commits the change and its revisions, with a baseline before the first change of a seeded node', async () => {
    const log = new ChangeLog(logDir);
    const [revision] = await recordChange(h.store, log, async (tx) => {
      const before = (await readNodeRecord(tx, 'centre:gamma'))!;
      const after = { ...before, workforce: 99 } as NodeRecordValue;
      await writeRecords(tx, h.store.dialect, { nodes: [after], relationships: [] });
      return [
        {
          entity: 'node',
          id: after.id,
          author: 'ana',
          action: 'update',
          changes: [{ property: 'workforce', before: 88, after: 99 }],
          record: after,
          tlp: after.tlp,
        },
      ];
    });
    expect(revision).toMatchObject({ version: 2, action: 'update', author: 'ana' });
    const history = await log.history('node', 'centre:gamma');
    expect(history.map((r) => [r.version, r.action, r.author])).toEqual([
      [1, 'baseline', 'import'],
      [2, 'update', 'ana'],
    ]);
    expect(history[0]?.record.workforce).toBe(88);
    expect((await read<NodeRecordValue>((tx) => readNodeRecord(tx, 'centre:gamma'))) as unknown).toMatchObject({
      workforce: 99,
    });
  });

  it('rolls the graph change back when the log cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-log-blocked-'));
    // the log's directory cannot be made: a file is where its parent should be
    writeFileSync(path.join(dir, 'file'), '');
    const log = new ChangeLog(path.join(dir, 'file', 'changes'));
    try {
      await expect(
        recordChange(h.store, log, async (tx) => {
          const before = (await readNodeRecord(tx, 'centre:alpha'))!;
          await writeRecords(tx, h.store.dialect, {
            nodes: [{ ...before, name: 'Never' } as NodeRecordValue],
            relationships: [],
          });
          return [
            { entity: 'node', id: before.id, author: 'ana', action: 'update', changes: [], record: {}, tlp: 'GREEN' },
          ];
        }),
      ).rejects.toMatchObject({ code: 'internal' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await read<NodeRecordValue>((tx) => readNodeRecord(tx, 'centre:alpha'))).name).toBe('Alpha Compound');
  });

  it('writes nothing to the log when the work fails', async () => {
    const log = new ChangeLog(logDir);
    await expect(
      recordChange(h.store, log, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await log.history('node', 'centre:alpha')).toEqual([]);
  });
});
