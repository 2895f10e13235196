/**
 * The child process that holds the embedded engine for the server (see isolated-store.ts). It
 * answers the parent's requests over the IPC channel with an EmbeddedStore of its own, and exits
 * when the parent goes: an orphan would keep the database file locked.
 */
import { AppError } from '../../errors.ts';
import { EmbeddedStore } from '../embedded/embedded-store.ts';
import type { TransactionRunner } from '../types.ts';
import {
  CHILD_OPTIONS_ENV,
  type ChildOptions,
  type RequestMessage,
  type ResponseMessage,
  type WireError,
} from './protocol.ts';

const options = JSON.parse(process.env[CHILD_OPTIONS_ENV] ?? '{}') as ChildOptions;
const store = new EmbeddedStore({
  dataDir: options.dataDir,
  limits: options.limits,
  bufferPoolBytes: options.bufferPoolBytes,
  engineBugChecks: options.engineBugChecks,
});

/** Thrown into a transaction's work to roll it back when the parent asks for that. */
class Rollback extends Error {}

interface OpenTransaction {
  tx: TransactionRunner;
  finish(commit: boolean): void;
  done: Promise<unknown>;
}
const transactions = new Map<number, OpenTransaction>();
let nextTx = 1;

function wire(error: unknown): WireError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: 'the graph store failed', details: { engine: 'ladybug', message } };
}

function reply(message: ResponseMessage): void {
  process.send?.(message);
}

function transaction(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (!open) throw new AppError('store_unavailable', 'the transaction is no longer open');
  return open;
}

/** Opens a write transaction and resolves once it holds the write connection. */
function begin(txOptions: Extract<RequestMessage, { op: 'txBegin' }>['options']): Promise<number> {
  return new Promise((resolve, reject) => {
    let finish!: (commit: boolean) => void;
    const ended = new Promise<boolean>((r) => (finish = r));
    const id = nextTx++;
    let started = false;
    const done = store.transaction(async (tx) => {
      started = true;
      transactions.set(id, { tx, finish, done });
      resolve(id);
      if (!(await ended)) throw new Rollback();
    }, txOptions);
    done.catch((error) => {
      if (!started) reject(error);
    });
  });
}

async function handle(message: RequestMessage): Promise<unknown> {
  switch (message.op) {
    case 'init':
      await store.init();
      return null;
    case 'read':
      return store.read(message.query, message.params, message.options);
    case 'checkReadOnly':
      await store.checkReadOnly(message.query, message.params, message.lane);
      return null;
    case 'txBegin':
      return begin(message.options);
    case 'txRun':
      return transaction(message.tx).tx.run(message.query, message.params);
    case 'txScan':
      return transaction(message.tx).tx.scan(message.query, message.params);
    case 'txEnd': {
      const open = transaction(message.tx);
      transactions.delete(message.tx);
      open.finish(message.commit);
      try {
        await open.done;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      return null;
    }
    case 'backup':
      return store.backup(message.targetDir);
    case 'close':
      await store.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: RequestMessage) => {
  handle(message).then(
    (value) => reply({ id: message.id, ok: true, value }),
    (error: unknown) => reply({ id: message.id, ok: false, error: wire(error) }),
  );
});
// The parent is gone (it died; a clean stop sends 'close' first): nobody can use the store, and
// its lock must go at once, or the server the supervisor starts next finds the database in use.
// Uncommitted work is rolled back by the engine's recovery, as after any crash.
process.on('disconnect', () => process.exit(0));
