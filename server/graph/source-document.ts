/**
 * The document a Source node names in `file`, read from SOURCE_DOCUMENTS_DIR. `file` is data (an
 * import or an edit can set it to anything), so only a plain file name is read: no separators,
 * no `.` or `..`, no NUL, and the file it resolves to, symlinks followed, must be a regular file
 * inside the directory. Anything else reads as no document at all (404 no_document), naming no path.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { Tlp } from '../model/markings.ts';
import type { GraphStore } from '../store/types.ts';
import { findNode } from './find-node.ts';

/** Longest document served (the seed documents are a few KB each). */
export const DOCUMENT_MAX_BYTES = 2_000_000;

export interface SourceDocument {
  id: string;
  name: string;
  file: string;
  text: string;
}

/** Whether `file` is a name the directory may hold, before the file system is asked anything. */
export function isPlainFileName(file: string): boolean {
  return (
    file.length > 0 &&
    file.length <= 255 &&
    file !== '.' &&
    file !== '..' &&
    !/[/\\\0]/.test(file) &&
    !path.isAbsolute(file) &&
    path.basename(file) === file
  );
}

function noDocument(id: string): AppError {
  return new AppError('no_document', `source ${id} has no document here`, { id });
}

export async function sourceDocument(
  store: GraphStore,
  dir: string | null,
  id: string,
  clearance: Tlp,
): Promise<SourceDocument> {
  if (!id.startsWith('source:')) throw new AppError('not_found', `no source ${id}`, { id });
  const source = await findNode(store, id, clearance);
  const file = source.attributes.file;
  const name = typeof source.attributes.name === 'string' ? source.attributes.name : id;
  if (!dir || typeof file !== 'string' || !isPlainFileName(file)) throw noDocument(id);
  let fd: number | undefined;
  try {
    const root = realpathSync(dir);
    const real = realpathSync(path.join(root, file));
    // a symlink in the directory that points out of it is not one of its documents
    if (path.dirname(real) !== root) throw noDocument(id);
    fd = openSync(real, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw noDocument(id);
    if (stats.size > DOCUMENT_MAX_BYTES)
      throw new AppError('too_large', `the document of ${id} is larger than ${DOCUMENT_MAX_BYTES} bytes`, { id });
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { id, name, file, text: buffer.subarray(0, read).toString('utf8') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw noDocument(id);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
