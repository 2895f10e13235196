/**
 * Runs the server the way `npm start` does (tsx server/start.ts) in a child process, on a temp
 * data dir and a free port, and reads its pino log to know when and where it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** every log line so far, parsed */
  logs: Array<Record<string, unknown>>;
  /** the lines on stdout that are not log lines (the first start's sign-in link) */
  plain: string[];
  /** sends SIGTERM and resolves with the exit code */
  stop(): Promise<number | null>;
  cleanup(): void;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** AUTH=off unless the suite says otherwise: the suites before accounts expect full access. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', AUTH: 'off', ...extra };
}

/** Runs the server to completion (for start-up failures) and returns its output. */
export function runServerToExit(extra: Record<string, string>, timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['server/start.ts'], { cwd: REPO_ROOT, env: env(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // not a wait: the bound on how long the server may take to exit
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the server and resolves once it listens. */
export function startServer(
  extra: Record<string, string> = {},
  dataDir?: string,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'scamnet-server-'));
  const child = spawn(TSX, ['server/start.ts'], { cwd: REPO_ROOT, env: env({ DATA_DIR: dir, ...extra }) });
  const logs: Array<Record<string, unknown>> = [];
  const plain: string[] = [];
  let stderr = '';
  let buffered = '';
  return new Promise((resolve, reject) => {
    // not a wait: the bound on how long start-up may take
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${stderr}`));
    });
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        if (!line.startsWith('{')) {
          plain.push(line);
          continue;
        }
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry.port === 'number' && String(entry.msg).startsWith('scamnet listening')) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve({
            url: `http://127.0.0.1:${entry.port}`,
            dataDir: dir,
            child,
            logs,
            plain,
            stop: () =>
              new Promise((done) => {
                if (child.exitCode !== null) return done(child.exitCode);
                child.once('exit', (code) => done(code));
                child.kill('SIGTERM');
              }),
            cleanup: () => rmSync(dir, { recursive: true, force: true }),
          });
        }
      }
    });
  });
}

/** GET a URL and parse its JSON body (loosely typed: tests check the shape themselves). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.headers.get('content-type')?.includes('application/json'))
    throw new Error(`${url}: not JSON (${res.status})`);
  return res.json();
}
