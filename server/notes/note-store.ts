/**
 * Analysts' notes, one JSON file per note in DATA_DIR/notes (`<uuid>.json`), kept by a
 * JsonRepository: validated on read, written whole through the durable write (a crash or a full
 * disk leaves the old note or the new one, never half), damaged files reported, not dropped.
 *
 * Notes live outside the graph for the reason the change log does: analysts' Cypher cannot read
 * them, and a note's own marking is enforced by one module (note-access.ts) rather than by every
 * query. Finding the notes of what a canvas shows reads a cache of every note, checked against the
 * directory's file stamps on each read (another process writing the same DATA_DIR — the export
 * CLI, a second server — is noticed); writes of one store run one at a time, so a version is never
 * handed out twice.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { JsonRepository, type FileStamp } from '../files/json-repository.ts';
import { NoteSchema, type Note, type NoteTarget } from '../model/notes.ts';
import type { Tlp } from '../model/markings.ts';

/** The file name of a note: its id without the `note:` prefix. */
const NOTE_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOTE_ID = /^note:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface NoteStoreOptions {
  now?: () => Date;
  /** the most notes the directory may hold (a runaway client cannot fill the disk with them) */
  maxCount?: number;
}

export class NoteStore {
  private readonly files: JsonRepository<Note>;
  private readonly maxCount: number;
  private readonly cache = new Map<string, { stamp: FileStamp; note: Note }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: NoteStoreOptions = {}) {
    this.files = new JsonRepository({
      dir: path.join(dataDir, 'notes'),
      schema: NoteSchema,
      what: 'the note',
      names: NOTE_FILE,
      now: options.now,
    });
    this.maxCount = options.maxCount ?? 100_000;
  }

  /** The note with this id, or undefined (an id of another form names no note). */
  async get(id: string): Promise<Note | undefined> {
    const name = NOTE_ID.exec(id)?.[1];
    if (!name) return undefined;
    return this.files.get(name);
  }

  /** Every stored note (damaged files are left out: an admin finds them in the folder). */
  async all(): Promise<Note[]> {
    const listing = await this.files.list(
      (note, name, stamp) => {
        this.cache.set(name, { stamp, note });
        return note;
      },
      (name, stamp) => {
        const hit = this.cache.get(name);
        return hit && hit.stamp.bytes === stamp.bytes && hit.stamp.mtimeMs === stamp.mtimeMs ? hit.note : undefined;
      },
    );
    const names = new Set(listing.items.map((i) => i.name));
    for (const name of this.cache.keys()) if (!names.has(name)) this.cache.delete(name);
    return listing.items.map((i) => i.summary);
  }

  /** The notes attached to any of the targets. */
  async on(targets: readonly NoteTarget[]): Promise<Note[]> {
    const wanted = new Set(targets.map(targetKey));
    return (await this.all()).filter((n) => wanted.has(targetKey(n.target)));
  }

  create(input: { target: NoteTarget; text: string; tlp: Tlp }, author: string): Promise<Note> {
    return this.serialised(async () => {
      const count = (await this.files.names()).length;
      if (count >= this.maxCount)
        throw new AppError('too_large', `there are already ${count} notes, the most this server keeps`, {
          count,
          maxCount: this.maxCount,
        });
      const uuid = randomUUID();
      const at = this.files.stamp();
      const note: Note = {
        id: `note:${uuid}`,
        target: input.target,
        text: input.text,
        tlp: input.tlp,
        author,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await this.files.put(uuid, note);
      return note;
    });
  }

  /** Writes `change` over the note's current text and marking; the version goes up by one. */
  update(id: string, change: (current: Note) => Partial<Pick<Note, 'text' | 'tlp' | 'target'>>): Promise<Note> {
    return this.serialised(async () => {
      const current = await this.get(id);
      if (!current) throw new AppError('not_found', `no note ${id}`, { id });
      const next: Note = {
        ...current,
        ...change(current),
        updatedAt: this.files.stamp(),
        version: current.version + 1,
      };
      await this.files.put(fileOf(id), next);
      return next;
    });
  }

  delete(id: string): Promise<void> {
    return this.serialised(async () => {
      const name = NOTE_ID.exec(id)?.[1];
      if (!name || !(await this.files.delete(name))) throw new AppError('not_found', `no note ${id}`, { id });
      this.cache.delete(name);
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export const targetKey = (t: NoteTarget): string => `${t.type}\u0000${t.id}`;

function fileOf(id: string): string {
  const name = NOTE_ID.exec(id)?.[1];
  if (!name) throw new AppError('not_found', `no note ${id}`, { id });
  return name;
}
