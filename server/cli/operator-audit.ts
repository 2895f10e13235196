/**
 * What a command-line tool does on the local store as the machine's operator goes into the audit
 * trail, in the operator's own chain (as `npm run user` does): the run is recorded after it ends,
 * with its outcome. A trail that cannot be opened does not stop the tool, but it says so loudly.
 */
import { openOperatorTrail } from '../audit/open-trail.ts';
import type { Config } from '../config.ts';
import type { AuditEventInput } from '../model/audit.ts';
import { operatorActor } from './operator.ts';

export type OperatorRun = Pick<AuditEventInput, 'action' | 'targets' | 'outcome' | 'details'>;

export async function recordOperatorRun(config: Config, tool: string, run: OperatorRun): Promise<void> {
  const say = (obj: unknown, msg?: string) => process.stderr.write(`scamnet ${tool}: ${msg ?? String(obj)}\n`);
  try {
    const trail = await openOperatorTrail(config, { info: () => {}, warn: say, error: say });
    const actor = operatorActor();
    trail.record({ user: actor.name, role: actor.role, via: 'operator', address: null, ...run });
    await trail.close();
  } catch (error) {
    say(
      `WARNING: the audit trail could not be written, this run is not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The outcome an error gives a run: `failed` for a refusal of the input, `error` for anything else. */
export function outcomeOf(error: unknown): AuditEventInput['outcome'] {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' &&
    /^(invalid_|validation_|bad_request|forbidden|not_found|unsafe_|query_error)/.test(code)
    ? 'failed'
    : 'error';
}
