/**
 * A process that records audit events as fast as it can, printing each seq once `flushed()` says
 * it is on disk — what the API waits for before it answers. The crash test kills it mid-stream.
 * Run: node --import tsx test/support/audit-writer.ts <AUDIT_DIR>
 */
import { AuditTrail } from '../../server/audit/audit-log.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: audit-writer.ts <AUDIT_DIR>');
const logger = { info: () => {}, warn: () => {}, error: (o: unknown, m?: string) => console.error(m, o) };
const trail = await AuditTrail.open({ dir, chain: 'test-server', rotateBytes: 4_000, retentionDays: 365, logger });
for (let n = 1; ; n++) {
  // a few at once, as concurrent requests would
  for (let k = 0; k < 3; k++)
    trail.record({
      user: 'writer',
      role: 'analyst',
      via: 'token',
      address: null,
      action: 'graph.node',
      targets: [`node:${n}-${k}`],
      outcome: 'ok',
      details: { n, k },
    });
  await trail.flushed();
  process.stdout.write(`${trail.head().seq}\n`);
}
