/**
 * POST /api/backups: a backup taken by the running server, so `npm run backup` works without
 * stopping it (the engine takes one process at a time). The server writes it inside its own
 * DATA_DIR, under backups/<time>, at a path it chooses: no request names a path on the server.
 * The CLI then moves it where the operator asked and removes it here.
 */
import path from 'node:path';
import { z } from 'zod';
import { BackupError, createBackup } from '../../backup/backup.ts';
import { AppError } from '../../errors.ts';
import { failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';

export const BACKUPS_DIR = 'backups';

export const BackupMade = z
  .object({
    name: z.string().describe('the folder under DATA_DIR/backups that holds it'),
    files: z.number().int(),
    bytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'BackupMade' });

export const backupsRoutes = [
  defineRoute({
    method: 'post',
    path: '/backups',
    permission: 'settings:manage',
    audit: { action: 'backup', note: ({ answer }) => ({ targets: answer && [answer.name], details: { ...answer } }) },
    summary: 'Back up the embedded store while the server runs (what `npm run backup` asks for)',
    description:
      'Writes a consistent copy (writes held back, engine checkpointed) of the store, the saved queries and the workspaces, with a SHA-256 manifest, under DATA_DIR/backups/<name>, at a path the server chooses; `npm run backup` then verifies it, moves it where the operator asked and removes it there.',
    output: { status: 201, description: 'the backup, by the folder name under DATA_DIR/backups', schema: BackupMade },
    errors: {
      400: json(ErrorSchema, 'bad_request: the Neo4j store is backed up with its own tools'),
      507: json(ErrorSchema, 'insufficient_storage: not enough free space for the copy'),
      ...failures,
    },
    handler: async (_input, { store, dataDir }) => {
      if (!store.backup)
        throw new AppError(
          'bad_request',
          `the ${store.backend} store is backed up with its own tools (neo4j-admin database dump)`,
        );
      // a name that sorts by time and is a plain folder name
      const name = new Date().toISOString().replace(/[:.]/g, '-');
      try {
        const manifest = await createBackup(store, dataDir, path.join(dataDir, BACKUPS_DIR, name));
        return {
          name,
          files: manifest.files.length,
          bytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
          createdAt: manifest.createdAt,
        };
      } catch (error) {
        // the message names the server's own paths: say what failed, not where
        if (error instanceof BackupError) throw new AppError('conflict', 'the backup could not be written', null);
        throw error;
      }
    },
  }),
];
