/**
 * The investigator client's production build (client/dist), made by Vite when it is missing or
 * older than any of the client's sources, so `npm start` on a fresh clone serves the current
 * client without a separate build step. A stamp file records which sources the build was made
 * from: mtimes alone lie after a `git clone` (every file gets the clone's time).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_ROOT = fileURLToPath(new URL('../../client/', import.meta.url));
export const CLIENT_DIST = path.join(CLIENT_ROOT, 'dist');
/** the domain model, which the client imports (hub regions, TLP levels) */
const MODEL_ROOT = fileURLToPath(new URL('../model/', import.meta.url));
const STAMP = path.join(CLIENT_DIST, '.source-hash');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['dist', 'node_modules', 'test'].includes(entry.name) ? [] : sourceFiles(full);
    return [full];
  });
}

/** A hash of every client source file's path and content, and of the domain model it imports. */
export function clientSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...sourceFiles(CLIENT_ROOT), ...sourceFiles(MODEL_ROOT)].sort()) {
    hash.update(path.relative(CLIENT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function clientBuildIsCurrent(): boolean {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html')) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, 'utf8').trim() === clientSourceHash();
}

/** Builds the client unless its build is current; returns whether it built. */
export async function ensureClientBuild(log: (msg: string) => void = () => undefined): Promise<boolean> {
  if (!existsSync(path.join(CLIENT_ROOT, 'index.html'))) return false;
  if (clientBuildIsCurrent()) return false;
  const hash = clientSourceHash();
  log('building the investigator client (client/dist is missing or stale)');
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(CLIENT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, `${hash}\n`);
  log(`built the client in ${Math.round(performance.now() - started)} ms`);
  return true;
}

export function clientBuildExists(): boolean {
  return existsSync(path.join(CLIENT_DIST, 'index.html')) && statSync(path.join(CLIENT_DIST, 'index.html')).isFile();
}
