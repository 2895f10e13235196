/**
 * POST /api/backups: a backup taken by the running server, so `npm run backup` works without
 * stopping it (the engine takes one process at a time). The server writes it inside its own
 * DATA_DIR, under backups/<time>, at a path it chooses: no request names a path on the server.
 * The CLI then moves it where the operator asked and removes it here.
 */
import { Router } from 'express';
import path from 'node:path';
import { z } from 'zod';
import { BackupError, createBackup } from '../../backup/backup.ts';
import { AppError } from '../../errors.ts';
import type { GraphStore } from '../../store/types.ts';

export const BACKUPS_DIR = 'backups';

export const BackupMade = z
  .object({
    name: z.string().describe('the folder under DATA_DIR/backups that holds it'),
    files: z.number().int(),
    bytes: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'BackupMade' });

export function backupsRouter(store: GraphStore, dataDir: string): Router {
  return Router().post('/backups', async (_req, res) => {
    if (!store.backup)
      throw new AppError(
        'bad_request',
        `the ${store.backend} store is backed up with its own tools (neo4j-admin database dump)`,
      );
    // a name that sorts by time and is a plain folder name
    const name = new Date().toISOString().replace(/[:.]/g, '-');
    try {
      const manifest = await createBackup(store, dataDir, path.join(dataDir, BACKUPS_DIR, name));
      const body: z.infer<typeof BackupMade> = {
        name,
        files: manifest.files.length,
        bytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
        createdAt: manifest.createdAt,
      };
      res.status(201).json(body);
    } catch (error) {
      // the message names the server's own paths: say what failed, not where
      if (error instanceof BackupError) throw new AppError('conflict', 'the backup could not be written', null);
      throw error;
    }
  });
}
