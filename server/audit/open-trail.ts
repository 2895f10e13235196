/** The trail as the configuration asks for it: AUDIT_DIR, AUDIT_CHAIN, AUDIT_RETENTION_DAYS, AUDIT_ROTATE_BYTES. */
import { hostname } from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { AppError } from '../errors.ts';
import { AuditTrail, type AuditTrailOptions } from './audit-log.ts';
import { safeChainName } from './chain.ts';

export type AuditConfig = Pick<
  Config,
  'DATA_DIR' | 'PORT' | 'AUDIT_DIR' | 'AUDIT_CHAIN' | 'AUDIT_RETENTION_DAYS' | 'AUDIT_ROTATE_BYTES'
>;

export const auditDirOf = (config: Pick<Config, 'DATA_DIR' | 'AUDIT_DIR'>): string =>
  config.AUDIT_DIR ?? path.join(config.DATA_DIR, 'audit');

/** This server's chain: AUDIT_CHAIN, else `<host name>-<port>`, so servers sharing AUDIT_DIR never share a chain. */
export const chainOf = (config: Pick<Config, 'PORT' | 'AUDIT_CHAIN'>): string =>
  config.AUDIT_CHAIN ?? safeChainName(`${hostname()}-${config.PORT}`);

/**
 * The trail a command-line tool run as the machine's operator records into (`npm run user`): a
 * chain of its own, `operator-<host name>`, beside the servers' (a second run at the same moment
 * takes `operator-<host name>-<pid>`, as two writers may not share a chain). Close it before exit.
 */
export async function openOperatorTrail(
  config: Pick<Config, 'DATA_DIR' | 'AUDIT_DIR' | 'AUDIT_RETENTION_DAYS' | 'AUDIT_ROTATE_BYTES'>,
  logger: AuditTrailOptions['logger'],
): Promise<AuditTrail> {
  const options = {
    dir: auditDirOf(config),
    rotateBytes: config.AUDIT_ROTATE_BYTES,
    retentionDays: config.AUDIT_RETENTION_DAYS,
    logger,
  };
  const chain = safeChainName(`operator-${hostname()}`);
  try {
    return await AuditTrail.open({ ...options, chain });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    return AuditTrail.open({ ...options, chain: `${chain}-${process.pid}` });
  }
}

export function openAuditTrail(config: AuditConfig, logger: Logger): Promise<AuditTrail> {
  return AuditTrail.open({
    dir: auditDirOf(config),
    chain: chainOf(config),
    rotateBytes: config.AUDIT_ROTATE_BYTES,
    retentionDays: config.AUDIT_RETENTION_DAYS,
    logger,
  });
}
