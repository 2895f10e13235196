/**
 * The two stores built on the JSON repository: the time they stamp comes from the clock they are
 * given, and a damaged file in their folder is reported beside the listing, not dropped unseen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserQueryStore } from '../../server/queries/user-queries.ts';
import { WorkspaceInput, WorkspaceStore } from '../../server/workspaces/workspace-store.ts';

const FIXED = new Date('2031-04-05T06:07:08.009Z');
const now = () => FIXED;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'saved-files-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const workspace = (title: string) => WorkspaceInput.parse({ title, graph: { nodes: [], edges: [] } });
const query = (name: string) => ({
  name,
  title: `The ${name}`,
  description: '',
  params: [],
  returns: '',
  query: 'MATCH (c:Centre) RETURN c.name AS name',
});

describe('WorkspaceStore on the JSON repository', () => {
  it('stamps savedAt with its clock', async () => {
    const store = new WorkspaceStore(dataDir, { now });
    expect((await store.save('case-1', workspace('Case 1'))).savedAt).toBe(FIXED.toISOString());
    expect((await store.get('case-1')).savedAt).toBe(FIXED.toISOString());
  });

  it('reports a damaged workspace file, still leaving it out of the list', async () => {
    await new WorkspaceStore(dataDir, { now }).save('good', workspace('Good'));
    writeFileSync(path.join(dataDir, 'workspaces', 'broken.json'), '{"title": 3}');
    const store = new WorkspaceStore(dataDir);
    const { workspaces, damaged } = await store.listWithDamage();
    expect(workspaces.map((w) => w.name)).toEqual(['good']);
    expect(damaged.map((d) => d.name)).toEqual(['broken']);
    expect((await store.list()).map((w) => w.name)).toEqual(['good']);
    await expect(store.get('broken')).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('UserQueryStore on the JSON repository', () => {
  it('stamps savedAt with its clock, asynchronously', async () => {
    const store = new UserQueryStore(dataDir, { now });
    const saved = await store.save(query('by-name'), 'ladybug', false);
    expect(saved.savedAt).toBe(FIXED.toISOString());
    expect(await store.versions('by-name')).toEqual([
      { version: 1, savedAt: FIXED.toISOString(), title: 'The by-name' },
    ]);
  });

  it('reports damaged query files (not JSON, or a version not of the schema) and lists the rest', async () => {
    const store = new UserQueryStore(dataDir, { now });
    await store.save(query('kept'), 'ladybug', false);
    writeFileSync(path.join(dataDir, 'queries', 'not-json.json'), '{ not json');
    // a version without its query text was once taken on a cast; the schema now refuses it
    writeFileSync(
      path.join(dataDir, 'queries', 'no-text.json'),
      JSON.stringify({ name: 'no-text', versions: [{ version: 1, savedAt: 'x', title: 't', dialect: 'ladybug' }] }),
    );
    const { queries, damaged } = await store.listWithDamage();
    expect(queries.map((q) => q.name)).toEqual(['kept']);
    expect(damaged.map((d) => d.name)).toEqual(['no-text', 'not-json']);
    await expect(store.get('no-text')).rejects.toMatchObject({ code: 'internal' });
  });
});
