/**
 * The JSON-file repository on a real temporary directory: what it writes is whole or not at all,
 * what it reads is checked by the schema, a listing reports damaged files beside the good ones,
 * stamps come from the injected clock, and no name reaches outside the folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { JsonRepository } from '../../server/files/json-repository.ts';

const Note = z.object({ name: z.string(), text: z.string(), savedAt: z.string() });
type Note = z.infer<typeof Note>;

const FIXED = new Date('2031-04-05T06:07:08.009Z');

let root: string;
let dir: string;

function repository(now?: () => Date): JsonRepository<Note> {
  return new JsonRepository({ dir, schema: Note, what: 'the note', names: /^[a-z0-9][a-z0-9-]*$/, now });
}

const note = (name: string, text = name): Note => ({ name, text, savedAt: '2030-01-01T00:00:00.000Z' });

/** Everything in the folder, temp files included. */
const entries = () => readdirSync(dir).sort();

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'json-repository-'));
  dir = path.join(root, 'notes');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('JsonRepository', () => {
  it('writes a value and reads it back through the schema; a missing name is undefined', async () => {
    const repo = repository();
    await repo.put('one', note('one'));
    expect(await repo.get('one')).toEqual(note('one'));
    expect(await repo.get('two')).toBeUndefined();
    expect(await repo.read('two')).toEqual({ status: 'missing' });
    expect(entries()).toEqual(['one.json']);
  });

  it('stamps with the injected clock, and with the real one by default', async () => {
    const repo = repository(() => FIXED);
    await repo.put('dated', { ...note('dated'), savedAt: repo.stamp() });
    expect((await repo.get('dated'))?.savedAt).toBe('2031-04-05T06:07:08.009Z');
    const before = Date.now();
    const stamp = Date.parse(repository().stamp());
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Date.now());
  });

  it('leaves the previous file whole when a value cannot be serialised', async () => {
    const repo = repository();
    await repo.put('kept', note('kept', 'the first text'));
    const cyclic = { ...note('kept', 'never written') } as Note & { self?: unknown };
    cyclic.self = cyclic;
    const failure = await repo.put('kept', cyclic).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('internal');
    expect(JSON.parse(readFileSync(path.join(dir, 'kept.json'), 'utf8'))).toEqual(note('kept', 'the first text'));
    expect(entries()).toEqual(['kept.json']);
  });

  it('leaves no partial or temp file when the write itself fails', async () => {
    const repo = repository();
    await repo.put('fine', note('fine'));
    // a directory where the file should go: the bytes are written to a temp file, the rename fails
    mkdirSync(path.join(dir, 'blocked.json'));
    const failure = await repo.put('blocked', note('blocked')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toBe('could not write the note');
    expect((failure as AppError).message).not.toContain(dir);
    expect(entries()).toEqual(['blocked.json', 'fine.json']);
    expect(readdirSync(path.join(dir, 'blocked.json'))).toEqual([]);
  });

  it('lists the good files and reports a damaged one, without failing', async () => {
    const repo = repository();
    await repo.put('alpha', note('alpha'));
    await repo.put('gamma', note('gamma'));
    writeFileSync(path.join(dir, 'beta.json'), '{ "name": "beta", "te');
    writeFileSync(path.join(dir, '_index.json'), '{}'); // not a name this repository holds
    writeFileSync(path.join(dir, 'readme.txt'), 'not ours');
    const listing = await repo.list((value) => value.text);
    expect(listing.items.map(({ name, summary }) => [name, summary])).toEqual([
      ['alpha', 'alpha'],
      ['gamma', 'gamma'],
    ]);
    expect(listing.damaged).toEqual([{ name: 'beta', reason: 'not JSON' }]);
  });

  it('reports a hand-edited file that is JSON but not of the schema as damaged, and get says so', async () => {
    const repo = repository();
    await repo.put('edited', note('edited'));
    writeFileSync(path.join(dir, 'edited.json'), JSON.stringify({ name: 'edited', text: 42, savedAt: 'x' }));
    const listing = await repo.list((value) => value.text);
    expect(listing.items).toEqual([]);
    expect(listing.damaged).toHaveLength(1);
    expect(listing.damaged[0]?.name).toBe('edited');
    expect(listing.damaged[0]?.reason).toMatch(/^does not match the schema at text: /);
    const failure = await repo.get('edited').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('internal');
    expect((failure as AppError).message).toBe('the note file edited.json is damaged');
  });

  it('lets a cache answer for files whose stamp it knows, and reads the others', async () => {
    const repo = repository();
    const stamp = await repo.put('cached', note('cached'));
    await repo.put('fresh', note('fresh'));
    const asked: string[] = [];
    const listing = await repo.list(
      (value) => `read ${value.name}`,
      (name, seen) => {
        asked.push(name);
        return name === 'cached' && seen.bytes === stamp.bytes ? 'from the cache' : undefined;
      },
    );
    expect(asked).toEqual(['cached', 'fresh']);
    expect(listing.items.map((i) => i.summary)).toEqual(['from the cache', 'read fresh']);
  });

  it('deletes a file, and says when there was none', async () => {
    const repo = repository();
    await repo.put('gone', note('gone'));
    expect(await repo.delete('gone')).toBe(true);
    expect(await repo.delete('gone')).toBe(false);
    expect(entries()).toEqual([]);
  });

  it('refuses a name that would leave the folder, before touching the disk', async () => {
    // no name pattern: the repository's own rule is the only one
    const repo = new JsonRepository({ dir, schema: Note, what: 'the note' });
    writeFileSync(path.join(root, 'outside.json'), JSON.stringify(note('outside')));
    for (const name of ['../outside', '..', 'a/b', 'a\\b', '.hidden', '', 'nul\0']) {
      await expect(repo.get(name), name).rejects.toMatchObject({ code: 'bad_request' });
      await expect(repo.put(name, note('x')), name).rejects.toMatchObject({ code: 'bad_request' });
      await expect(repo.delete(name), name).rejects.toMatchObject({ code: 'bad_request' });
    }
    expect(existsSync(path.join(root, 'outside.json'))).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });
});
