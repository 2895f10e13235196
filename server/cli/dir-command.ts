/**
 * What `npm run backup` and `npm run restore` share: one directory argument, and the parsed
 * configuration of an embedded store. Exit codes: 1 refused or failed, 2 bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The one positional argument, resolved; exits 2 with `usage` otherwise. */
export function dirArgument(usage: string): string {
  try {
    const parsed = parseArgs({ allowPositionals: true, options: {} });
    const [dir] = parsed.positionals;
    if (parsed.positionals.length !== 1 || dir === undefined) fail(usage, 2);
    return path.resolve(dir);
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${usage}`, 2);
  }
}

/** The configuration, when it names the embedded store; `neo4jWay` tells Neo4j users what to use instead. */
export function embeddedConfig(neo4jWay: string): Config {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
  if (config.GRAPH_BACKEND !== 'embedded') fail(neo4jWay);
  return config;
}
