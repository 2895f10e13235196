import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../server/backup/backup.ts';
import { ConfigError } from '../../server/config.ts';
import { CopyError } from '../../server/copy/copy-graph.ts';
import { LexError } from '../../server/cypher/lexer.ts';
import { AppError, ERROR_STATUS } from '../../server/errors.ts';
import { errorHandler } from '../../server/http/error-handler.ts';
import { HeaderError } from '../../server/queries/header.ts';
import { SeedGraphError } from '../../seeds/index.ts';

describe('typed errors', () => {
  it('gives every domain error a code from the one table', () => {
    const errors: AppError[] = [
      new ConfigError([{ variable: 'PORT', message: 'not a number' }]),
      new HeaderError(['name: missing']),
      new LexError('unterminated string', 3),
      new BackupError('the target is not empty'),
      new CopyError('the target holds data'),
      new SeedGraphError([{ path: 'nodes.0', message: 'bad' }]),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(AppError);
      expect(Object.keys(ERROR_STATUS)).toContain(error.code);
    }
    expect(errors.map((e) => e.code)).toEqual([
      'invalid_config',
      'invalid_query_header',
      'query_error',
      'backup_refused',
      'copy_refused',
      'invalid_seed_graph',
    ]);
  });

  it('has renderer_unavailable (503) and store_locked (503) in the table', () => {
    expect(new AppError('renderer_unavailable', 'no chromium').status).toBe(503);
    expect(new AppError('store_locked', 'held').status).toBe(503);
  });

  it('marks store_restarting, store_unavailable and store_locked retriable, and says so in the body', async () => {
    expect(new AppError('store_restarting', 'x').retriable).toBe(true);
    expect(new AppError('store_unavailable', 'x').retriable).toBe(true);
    expect(new AppError('store_locked', 'x').retriable).toBe(true);
    expect(new AppError('timeout', 'x').retriable).toBe(false);
    expect(new AppError('validation_error', 'x').retriable).toBe(false);
    const logger = { error: () => undefined } as never;
    const app = express();
    app.get('/down', () => {
      throw new AppError('store_unavailable', 'down');
    });
    app.get('/bad', () => {
      throw new AppError('validation_error', 'bad', { field: 'x' });
    });
    app.use(errorHandler(logger));
    const down = await request(app).get('/down');
    expect([down.status, down.body]).toEqual([
      503,
      { error: { code: 'store_unavailable', message: 'down', details: null, retriable: true } },
    ]);
    const bad = await request(app).get('/bad');
    expect(bad.body).toEqual({ error: { code: 'validation_error', message: 'bad', details: { field: 'x' } } });
  });
});
