/** The change log on disk: versions, durability of lines, torn lines, baselines, fate of merged ids. */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog, type RevisionInput } from '../../server/changes/change-log.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'scamnet-changes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const input = (id: string, action: RevisionInput['action'], extra: Partial<RevisionInput> = {}): RevisionInput => ({
  entity: 'node',
  id,
  author: 'ana',
  action,
  changes: [],
  record: { id, name: 'N', tlp: 'GREEN' },
  tlp: 'GREEN',
  ...extra,
});

describe('ChangeLog', () => {
  it('numbers each entity’s versions from 1 and stamps them with the clock', async () => {
    const log = new ChangeLog(dir, { now: () => new Date('2026-12-03T10:00:00Z') });
    const [a1, b1, a2] = await log.append([
      input('centre:a', 'create'),
      input('centre:b', 'create'),
      input('centre:a', 'update'),
    ]);
    expect([a1?.version, b1?.version, a2?.version]).toEqual([1, 1, 2]);
    expect(a1?.at).toBe('2026-12-03T10:00:00.000Z');
    const [a3] = await log.append([input('centre:a', 'delete')]);
    expect(a3?.version).toBe(3);
    expect((await log.history('node', 'centre:a')).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect((await log.latest('node', 'centre:b'))?.version).toBe(1);
    expect(await log.latest('node', 'centre:none')).toBeNull();
    expect(await log.history('relationship', 'centre:a')).toEqual([]);
  });

  it('hands out distinct versions to appends racing in one process and from two logs on one directory', async () => {
    const one = new ChangeLog(dir);
    const two = new ChangeLog(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).append([input('centre:hot', i ? 'update' : 'create')])),
    );
    const versions = (await one.history('node', 'centre:hot')).map((r) => r.version);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps hostile ids inside its directory (file names are hashes)', async () => {
    const log = new ChangeLog(dir);
    const ids = ['centre:../../../etc/passwd', 'centre:/abs/path', 'centre:a\u0000b', 'centre:' + 'x'.repeat(5000)];
    await log.append(ids.map((id) => input(id, 'create')));
    for (const id of ids) expect((await log.history('node', id))[0]?.id).toBe(id);
    const files = readdirSync(path.join(dir, 'node'));
    expect(files).toHaveLength(4);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{64}\.jsonl$/);
  });

  it('skips a line torn by a crash and starts the next append on a line of its own', async () => {
    const log = new ChangeLog(dir);
    await log.append([input('centre:a', 'create')]);
    const [file] = readdirSync(path.join(dir, 'node'));
    appendFileSync(path.join(dir, 'node', file!), '{"entity":"node","id":"centre:a","vers');
    expect((await log.history('node', 'centre:a')).map((r) => r.version)).toEqual([1]);
    await log.append([input('centre:a', 'update')]);
    expect((await log.history('node', 'centre:a')).map((r) => r.version)).toEqual([1, 2]);
    expect(
      readFileSync(path.join(dir, 'node', file!), 'utf8')
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(3);
  });

  it('writes a baseline (author import) before the first change of an entity that has none, rebuilt from the changes', async () => {
    const log = new ChangeLog(dir);
    const [update] = await log.append(
      [
        input('centre:seeded', 'update', {
          changes: [
            { property: 'name', before: 'Old', after: 'New' },
            { property: 'city', before: undefined, after: 'Mae Sot' },
          ],
          record: { id: 'centre:seeded', name: 'New', city: 'Mae Sot', tlp: 'GREEN' },
        }),
        input('centre:new', 'create'),
      ],
      { baselines: true },
    );
    expect(update?.version).toBe(2);
    const [baseline] = await log.history('node', 'centre:seeded');
    expect(baseline).toMatchObject({ version: 1, action: 'baseline', author: 'import', changes: [] });
    expect(baseline?.record).toEqual({ id: 'centre:seeded', name: 'Old', tlp: 'GREEN' });
    // a create needs none; a second change none either
    expect((await log.history('node', 'centre:new')).map((r) => r.action)).toEqual(['create']);
    await log.append([input('centre:seeded', 'update')], { baselines: true });
    expect((await log.history('node', 'centre:seeded')).map((r) => r.action)).toEqual(['baseline', 'update', 'update']);
  });

  it('refuses a revision off the schema and writes nothing of the call', async () => {
    const log = new ChangeLog(dir);
    await expect(
      log.append([input('centre:a', 'create'), { ...input('centre:b', 'create'), tlp: 'PURPLE' as never }]),
    ).rejects.toThrow();
    expect(await log.history('node', 'centre:a')).toEqual([]);
  });

  it('tells a deleted id, and a merged id’s last survivor through chains (and stops on a loop)', async () => {
    const log = new ChangeLog(dir);
    await log.append([
      input('centre:gone', 'delete'),
      input('centre:a', 'merge', { mergedInto: 'centre:b', mergeId: 'm1' }),
      input('centre:b', 'merge', { mergedInto: 'centre:c', mergeId: 'm2' }),
      input('centre:x', 'merge', { mergedInto: 'centre:y', mergeId: 'm3' }),
      input('centre:y', 'merge', { mergedInto: 'centre:x', mergeId: 'm4' }),
      input('centre:live', 'update'),
    ]);
    expect(await log.fate('centre:gone')).toMatchObject({ state: 'deleted', revision: { action: 'delete' } });
    expect(await log.fate('centre:a')).toMatchObject({
      state: 'merged',
      mergedInto: 'centre:c',
      revision: { mergeId: 'm1' },
    });
    expect((await log.fate('centre:x'))?.state).toBe('merged');
    expect(await log.fate('centre:live')).toBeNull();
    expect(await log.fate('centre:never')).toBeNull();
    // an unmerge makes it live again
    await log.append([input('centre:a', 'unmerge')]);
    expect(await log.fate('centre:a')).toBeNull();
  });
});
