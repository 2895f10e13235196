/**
 * The worker side of read-off-thread.ts: reads and validates one import's files (readFiles) and
 * sends the result back as JSON text in chunks, so the main thread parses a small piece at a time
 * between other requests (structured clone of the records cost more there than parsing JSON).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { readFilesAsync } from '../read-files.ts';
import type { ImportFile } from '../types.ts';
import { packRecords, type FromWorker, type ToWorker } from './protocol.ts';

/**
 * On a busy machine the validation competes with the main thread for the cores; the answers to
 * other requests come first. On Linux, setpriority() given a thread id renices only that thread,
 * and /proc/thread-self names this one. Elsewhere (or without permission) it stays as it is.
 */
function lowerOwnPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    /* not Linux, or not allowed: a fair share is still off the event loop */
  }
}
lowerOwnPriority();

const port = parentPort;
// read-off-thread.ts starts this file as a Worker; run any other way there is nobody to answer
if (!port) throw new AppError('internal', 'validate-worker.ts must run as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', async ({ id, files, chunk, recordsWanted, maxIssues }: ToWorker) => {
  try {
    const input: ImportFile[] = files.map((f) => ({
      name: f.name,
      bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
    }));
    const read = await readFilesAsync(input);
    // an import that will be refused anyway (onError=abort with issues) needs no records back,
    // and only the issues its report lists
    const refused = !recordsWanted && read.issues.length > 0;
    const issues = refused ? read.issues.slice(0, maxIssues) : read.issues;
    for (let i = 0; i < issues.length; i += chunk)
      post({ id, type: 'issues', json: JSON.stringify(issues.slice(i, i + chunk)) });
    if (!refused) {
      for (let i = 0; i < read.records.length; i += chunk)
        post({ id, type: 'records', json: JSON.stringify(packRecords(read.records.slice(i, i + chunk))) });
    }
    post({
      id,
      type: 'done',
      files: read.files,
      rows: read.rows,
      records: read.records.length,
      issueCount: read.issues.length,
    });
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
