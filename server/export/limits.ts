/** The export cap, read with the same schema field as the rest of the configuration. */
import { ConfigSchema } from '../config.ts';

/** EXPORT_MAX_NODES from the environment (default 50,000); a bad value throws naming the variable. */
export function exportMaxNodesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EXPORT_MAX_NODES === '' ? undefined : env.EXPORT_MAX_NODES;
  const parsed = ConfigSchema.shape.EXPORT_MAX_NODES.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  EXPORT_MAX_NODES: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
