/**
 * The investigator client's production bundle stays lean: no zod (the client imports only the
 * zod-free model modules, so the schemas and their descriptions stay on the server) and no chunk
 * over vite's 500 kB warning. Builds for production into a temp dir (not client/dist, which other
 * suites serve), as `npm run build` does: under vitest NODE_ENV is "test", which would bundle
 * React's development build.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ROOT } from '../../server/client/client-build.ts';

/** vite's default chunkSizeWarningLimit, in bytes of minified JS */
const CHUNK_LIMIT = 500 * 1024;
/**
 * all JS together: about 1,030 kB measured without zod (about 1,130 kB with it), and about
 * 1,175 kB since notes render markdown with markdown-it (about 100 kB with its entity table and
 * linkify). zod is caught by name above; this catches the next dependency nobody weighed.
 */
const TOTAL_LIMIT = 1_250_000;

let chunks: Array<{ name: string; text: string }> = [];

const outDir = mkdtempSync(path.join(tmpdir(), 'scamnet-bundle-'));

beforeAll(async () => {
  const { build } = await import('vite');
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(CLIENT_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  const assets = path.join(outDir, 'assets');
  chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(path.join(assets, name), 'utf8') }));
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('client bundle', () => {
  it('carries no zod', () => {
    expect(chunks.length).toBeGreaterThan(0);
    // zod's internals keep these names through minification (a class name and a property)
    for (const c of chunks) {
      expect(c.text.includes('$ZodError'), `${c.name} contains zod`).toBe(false);
      expect(/\b_zod\b/.test(c.text), `${c.name} contains zod`).toBe(false);
    }
  });

  it('keeps every chunk under 500 kB and the whole under 1.25 MB', () => {
    for (const c of chunks) expect(Buffer.byteLength(c.text), c.name).toBeLessThan(CHUNK_LIMIT);
    expect(chunks.reduce((n, c) => n + Buffer.byteLength(c.text), 0)).toBeLessThan(TOTAL_LIMIT);
  });
});
