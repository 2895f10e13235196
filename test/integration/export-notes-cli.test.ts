/**
 * `npm run export` as a process on a data dir whose notes the server wrote: the CLI's export
 * carries the notes within the recipient's TLP, as the API's does (server/cli/export.ts reads
 * DATA_DIR/notes through the same NoteStore).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoteStore } from '../../server/notes/note-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const data = mkdtempSync(path.join(tmpdir(), 'scamnet-notes-cli-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

const cli = (script: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: data, SCAMNET_URL: '' },
  });
  expect(run.status, `${script}: ${run.stderr}`).toBe(0);
};

describe('npm run export with notes', () => {
  it('writes the notes on exported items within --recipient-tlp, and none above it', async () => {
    const csv = path.join(data, 'Centre.csv');
    writeFileSync(
      csv,
      'id,name,status,grade,tlp,sourceIds\ncentre:noted,Noted Compound,active,B2,CLEAR,source:doc-a\n',
    );
    cli('import', csv);
    const notes = new NoteStore(data);
    const target = { type: 'node' as const, id: 'centre:noted' };
    const kept = await notes.create({ target, text: 'Guard rota on the gate', tlp: 'GREEN' }, 'ana');
    const held = await notes.create({ target, text: 'Informant Peridot', tlp: 'AMBER' }, 'ana');
    const out = path.join(data, 'out.json');
    cli('export', '--format', 'json', '--ids', 'centre:noted', '--recipient-tlp', 'GREEN', '--out', out);
    const text = readFileSync(out, 'utf8');
    const file = JSON.parse(text);
    expect(file.nodes[0].attributes.notes.map((n: { id: string }) => n.id)).toEqual([kept.id]);
    expect(text).not.toContain(held.id);
    expect(text).not.toContain('Peridot');
    expect(file.attributes.manifest.highestTlp).toBe('GREEN');
  }, 120_000);
});
