/**
 * `npm start`: runs the server (server/main.ts) in a child process and starts it again if it dies.
 * The embedded engine already runs in a process of its own (server/store/isolated/), so this is
 * the second line: for a fault of the server itself. A server that fails before it is ready (bad
 * configuration, data dir in use) or stops cleanly is not restarted; a crash is, after a delay
 * that doubles with each crash in the last minute (up to 30 s), and supervision never gives up —
 * a tool that stops for good after a few bad requests is a tool any request can stop.
 */
import cluster, { type Worker } from 'node:cluster';
import { ensureClientBuild } from './client/client-build.ts';

const WINDOW_MS = 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

function log(level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(
    `${JSON.stringify({ level: level === 'info' ? 30 : 50, time: Date.now(), service: 'scamnet', role: 'supervisor', msg, ...extra })}\n`,
  );
}

function supervise(): void {
  let stopping = false;
  let crashes: number[] = [];
  let current: Worker | undefined;

  const start = () => {
    const worker = cluster.fork();
    let ready = false;
    current = worker;
    worker.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') ready = true;
    });
    worker.on('exit', (code, signal) => {
      if (stopping || (code === 0 && !signal)) process.exit(code ?? 0);
      if (!ready) process.exit(code ?? 1);
      const now = Date.now();
      crashes = [...crashes.filter((t) => now - t < WINDOW_MS), now];
      const delay = Math.min(FIRST_DELAY_MS * 2 ** (crashes.length - 1), MAX_DELAY_MS);
      log('error', 'the server process died; starting it again', {
        code,
        signal,
        pid: worker.process.pid,
        delayMs: delay,
      });
      setTimeout(() => {
        if (!stopping) start();
      }, delay);
    });
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      current?.process.kill(signal);
    });
  }
  start();
}

if (cluster.isPrimary) {
  // Built once here, before the server starts, so a restart after a crash does not build again.
  try {
    await ensureClientBuild((msg) => log('info', msg));
  } catch (error) {
    log(
      'error',
      `could not build the client; serving the API and its status page only: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  supervise();
} else await import('./main.ts');
