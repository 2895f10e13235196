/**
 * GET /api/sources/:id/document over HTTP: the text of the file a Source names, read from
 * SOURCE_DOCUMENTS_DIR, and hostile file names as a class ('..', absolute paths, NUL, separators,
 * a symlink out of the directory, a directory) all answering 404 no_document without a path.
 * Audited as source.document. On both stores.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { isPlainFileName } from '../../server/graph/source-document.ts';
import { DEFAULT_SOURCE_DOCUMENTS_DIR, sourceDocumentsDirOf } from '../../server/config.ts';
import { fullActor, type Actor } from '../../server/model/access.ts';
import { parseBatch } from '../../server/model/schema.ts';
import { appFor, startHarness, type Harness } from '../support/app-harness.ts';

let h: Harness;
let root: string;
const audit = new MemoryAudit();
const green: Actor = { name: 'gwen', role: 'analyst', clearance: 'GREEN', rawCypher: false, via: 'token' };

const source = (slug: string, file: string | null, tlp = 'GREEN') => ({
  kind: 'Source',
  id: `source:${slug}`,
  name: `Document ${slug}`,
  publisher: 'Desk',
  published: '2025',
  file,
  grade: 'B2',
  tlp,
  sourceIds: [`source:${slug}`],
});

const FILES: Record<string, string | null> = {
  report: 'report.txt',
  parent: '../outside.txt',
  deep: '../../../../../../etc/passwd',
  absolute: '/etc/passwd',
  nested: 'sub/inner.txt',
  backslash: '..\\outside.txt',
  link: 'escape.txt',
  directory: 'sub',
  dot: '.',
  missing: 'missing.txt',
  none: null,
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'scamnet-docs-'));
  const docs = path.join(root, 'docs');
  mkdirSync(path.join(docs, 'sub'), { recursive: true });
  writeFileSync(path.join(docs, 'report.txt'), 'Field report: the compound held about forty people.\n');
  writeFileSync(path.join(docs, 'sub', 'inner.txt'), 'inner secret');
  writeFileSync(path.join(root, 'outside.txt'), 'outside secret');
  symlinkSync(path.join(root, 'outside.txt'), path.join(docs, 'escape.txt'));
  const nodes = [
    ...Object.entries(FILES).map(([slug, file]) => source(slug, file)),
    source('red', 'report.txt', 'RED'),
  ];
  const parsed = parseBatch({ nodes });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  h = await startHarness(parsed.batch, { sourceDocumentsDir: docs, audit });
});
afterAll(async () => {
  await h.close();
  rmSync(root, { recursive: true, force: true });
});

const as = (actor: Actor) => appFor(h.store, h.dataDir, { actor, audit, sourceDocumentsDir: path.join(root, 'docs') });

describe('GET /api/sources/:id/document', () => {
  it('answers the document’s text, and audits the read', async () => {
    const mark = audit.events.length;
    const res = await request(h.app).get('/api/sources/source:report/document').expect(200);
    expect(res.body).toEqual({
      id: 'source:report',
      name: 'Document report',
      file: 'report.txt',
      text: 'Field report: the compound held about forty people.\n',
    });
    expect(audit.events.slice(mark).find((e) => e.action === 'source.document')).toMatchObject({
      targets: ['source:report'],
      outcome: 'ok',
    });
  });

  it.each(Object.keys(FILES).filter((k) => k !== 'report'))(
    'refuses the file name of source:%s with 404 no_document, naming no path',
    async (slug) => {
      const res = await request(h.app).get(`/api/sources/source:${slug}/document`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('no_document');
      expect(res.text).not.toMatch(/secret|scamnet-docs|\/etc\/|root:/);
    },
  );

  it('is 404 not_found for a Source the reader may not see, or no Source at all', async () => {
    const red = await request(as(green)).get('/api/sources/source:red/document');
    expect(red.status).toBe(404);
    expect(red.body.error.code).toBe('not_found');
    const nope = await request(as(green)).get('/api/sources/source:nope/document');
    expect(nope.status).toBe(404);
    expect(nope.body.error.code).toBe('not_found');
    expect((await request(as(green)).get('/api/sources/centre:x/document')).status).toBe(404);
    expect((await request(as(fullActor('op', 'auth-off'))).get('/api/sources/source:red/document')).status).toBe(200);
  });

  it('is 404 no_document when the server has no documents directory', async () => {
    const res = await request(appFor(h.store, h.dataDir, { sourceDocumentsDir: null })).get(
      '/api/sources/source:report/document',
    );
    expect(res.body.error.code).toBe('no_document');
  });
});

describe('plain file names', () => {
  it('accepts a plain name and refuses the hostile ones before the file system is asked', () => {
    expect(isPlainFileName('000_d5d37bd4ebfb1db8.txt')).toBe(true);
    for (const name of ['', '.', '..', '../x', 'a/b', 'a\\b', '/etc/passwd', 'a\u0000b', 'C:\\x', 'x'.repeat(256)])
      expect(isPlainFileName(name), JSON.stringify(name)).toBe(false);
  });

  it('defaults to the seed documents beside the repository when they are there', () => {
    expect(sourceDocumentsDirOf({ SOURCE_DOCUMENTS_DIR: '/srv/docs' })).toBe('/srv/docs');
    expect(DEFAULT_SOURCE_DOCUMENTS_DIR.endsWith(path.join('shared', 'seed-documents'))).toBe(true);
  });
});
