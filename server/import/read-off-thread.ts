/**
 * Reading and validating an import's files (readFiles) without stalling the server: a large
 * upload is parsed and validated in a worker thread, and its result comes back in small JSON
 * chunks that the main thread parses one message at a time, with other requests in between.
 * Before this, a 32 MB import that failed validation held the event loop (and /api/health) for
 * about 5 s.
 *
 * Small uploads stay inline: the worker costs a message round trip and the JSON, and its first
 * start (tsx compiling the validator in the new thread) about 1.3 s — most of the tests' imports
 * are a few rows. Measured with readFiles on Centre rows (55 bytes a row) on the shared 2-core
 * development machine (load average 8–10): 1.1 MB in 1.2 s, 11 MB in 4.0 s, i.e. about 1–3 MB/s
 * once warm, so 64 KB keeps an inline validation to some 20–60 ms; a 32 MB file held the loop for
 * 5 s and more. The bench (`npm run bench -- --only health`) measures /api/health meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { readFilesAsync, type ReadResult } from './read-files.ts';
import type { ImportFile, ImportIssue, ValidRecord } from './types.ts';
import { unpackRecords, type FromWorker, type PackedRecords, type ToWorker } from './worker/protocol.ts';

/** Uploads up to this many bytes (all files together) are validated on the main thread. */
export const INLINE_MAX_BYTES = 64 * 1024;
/** Records (or issues) per message back: each is parsed in a few milliseconds. */
const CHUNK = 2_000;

/** readFiles' result; `issueCount` is how many issues there were when `issues` holds only the first ones. */
export type OffThreadResult = ReadResult & { issueCount: number };

interface Job {
  records: ValidRecord[];
  issues: ImportIssue[];
  /** one `present` Set per distinct list of columns, shared by the job's records */
  columnSets: Map<string, ReadonlySet<string>>;
  resolve(result: OffThreadResult): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
const jobs = new Map<number, Job>();

function failAll(error: Error): void {
  for (const job of jobs.values()) job.reject(error);
  jobs.clear();
}

function onMessage(message: FromWorker): void {
  const job = jobs.get(message.id);
  if (!job) return;
  switch (message.type) {
    case 'issues':
      job.issues.push(...(JSON.parse(message.json) as ImportIssue[]));
      break;
    case 'records':
      for (const r of unpackRecords(JSON.parse(message.json) as PackedRecords, job.columnSets)) job.records.push(r);
      break;
    case 'done':
      jobs.delete(message.id);
      if (jobs.size === 0) worker?.unref();
      job.resolve({
        files: message.files,
        rows: message.rows,
        records: job.records,
        issues: job.issues,
        issueCount: message.issueCount,
      });
      break;
    case 'failed':
      jobs.delete(message.id);
      if (jobs.size === 0) worker?.unref();
      job.reject(new Error(message.message));
      break;
  }
}

/** One worker for the process, started on first use and kept: its start-up is the expensive part. */
function validator(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./worker/boot.mjs', import.meta.url));
  started.on('message', onMessage);
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) worker = undefined;
    failAll(new Error(`the validation worker stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

function inWorker(files: ImportFile[], recordsWanted: boolean, maxIssues: number): Promise<OffThreadResult> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { records: [], issues: [], columnSets: new Map(), resolve, reject });
    const w = validator();
    // held while a job runs (a CLI would otherwise exit waiting), let go when idle
    w.ref();
    const message: ToWorker = {
      id,
      files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
      chunk: CHUNK,
      recordsWanted,
      maxIssues,
    };
    w.postMessage(message);
  });
}

/**
 * readFiles, off the main thread when the upload is large. `recordsWanted: false` (onError=abort)
 * lets the worker skip sending the records back when there are issues, since the import is
 * refused then anyway, and send only the first `maxIssues` issues (a 32 MB file of bad rows has
 * hundreds of thousands). Should the worker fail, the files are read inline: a stall is better
 * than a refused import.
 */
export async function readFilesOffThread(
  files: ImportFile[],
  options: { recordsWanted: boolean; inlineMaxBytes?: number; maxIssues?: number },
): Promise<OffThreadResult> {
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const inline = async () => {
    const read = await readFilesAsync(files);
    return { ...read, issueCount: read.issues.length };
  };
  if (bytes <= (options.inlineMaxBytes ?? INLINE_MAX_BYTES)) return inline();
  try {
    return await inWorker(files, options.recordsWanted, options.maxIssues ?? Number.MAX_SAFE_INTEGER);
  } catch {
    return inline();
  }
}

/**
 * Starts the worker ahead of the first large import, which would otherwise wait for its start-up
 * (tsx compiling the validator in the new thread: about 1.3 s of CPU, a fifth of a 100k-row
 * import). Resolves once it has answered an empty job; idle, it holds the process open no more than
 * after an import. A worker that cannot start is left to the import, which then reads inline.
 */
export async function warmValidationWorker(): Promise<void> {
  await inWorker([], false, 0).catch(() => undefined);
}

/** Stops the worker (tests, shutdown); the next large import starts a new one. */
export async function stopValidationWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  await w?.terminate();
}
