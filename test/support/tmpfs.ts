/**
 * A small real file system for disk-full tests: a tmpfs mounted on a temp dir (needs root, as in
 * CI), filled to a chosen number of free bytes with a filler file.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Why tmpfs tests cannot run here, or undefined when they can (probed once, by mounting one). */
export function tmpfsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: mounting a tmpfs needs root (CI runs as root)';
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Tmpfs {
  dir: string;
  free(): number;
  /** grows the filler file until at most `bytes` are free (tmpfs counts in pages) */
  fillTo(bytes: number): void;
  /** removes the filler */
  release(): void;
  unmount(): void;
}

export function mountTmpfs(sizeMiB: number): Tmpfs {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    free,
    fillTo(bytes) {
      mkdirSync(dir, { recursive: true });
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(1 << 20);
      try {
        while (free() > bytes) writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(free() - bytes, 1)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    release() {
      rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
