/** The trail as the configuration asks for it: AUDIT_DIR, AUDIT_CHAIN, AUDIT_RETENTION_DAYS, AUDIT_ROTATE_BYTES. */
import { hostname } from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { AuditTrail } from './audit-log.ts';
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

export function openAuditTrail(config: AuditConfig, logger: Logger): Promise<AuditTrail> {
  return AuditTrail.open({
    dir: auditDirOf(config),
    chain: chainOf(config),
    rotateBytes: config.AUDIT_ROTATE_BYTES,
    retentionDays: config.AUDIT_RETENTION_DAYS,
    logger,
  });
}
