/** Structured logs with pino; tests pass level 'silent'. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'scamnet', pid: process.pid } });
}
