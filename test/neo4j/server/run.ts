/**
 * `npm run neo4j -- [--port N] [--data DIR] [--password P]`
 *
 * Builds (when stale) and runs the Maven project next to this file: Neo4j Community 5.26 in one
 * JVM, Bolt on 127.0.0.1, user neo4j, authentication on. In the foreground until Ctrl-C or
 * SIGTERM, which stop Neo4j cleanly. Without --port it takes a free port, without --data a temp
 * dir (removed at exit), without --password a generated one; the lines it prints say which:
 *
 *   NEO4J_URI=bolt://127.0.0.1:PORT     (exactly once, when Bolt accepts connections)
 *   NEO4J_USER=neo4j
 *   NEO4J_PASSWORD=…
 *
 * .ci/run starts it in the background and waits for the NEO4J_URI line. NEO4J_HEAP (default 2g: a 100k-row import is one transaction, held on the heap)
 * and NEO4J_PAGECACHE_MB (default 512) size the JVM so it fits beside the test suite.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectDir = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npm run neo4j -- [--port N] [--data DIR] [--password P]';

// What Neo4j's own launcher passes: the kernel and Netty reach into these JDK internals.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  // a server that ran out of heap is no use to a test run: stop, so the run says why
  '-XX:+ExitOnOutOfMemoryError',
];

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** Whether `command` runs at all (ENOENT when it is not installed). */
function hasCommand(command: string): boolean {
  const probe = spawnSync(command, ['-version'], { stdio: 'ignore' });
  return !probe.error;
}

/** The tools this needs, with what to install when one is missing. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!hasCommand('java'))
    missing.push('java: install a JDK 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless)');
  if (!hasCommand('mvn')) missing.push('mvn: install Apache Maven (Debian/Ubuntu: apt-get install maven)');
  return missing;
}

const classpathFile = path.join(projectDir, 'target', 'classpath.txt');
const sources = [path.join(projectDir, 'pom.xml'), path.join(projectDir, 'src/main/java/scamnet/ScamnetNeo4j.java')];

/** Compiles the launcher class and lists its classpath; skipped when nothing changed since. */
export function build(): void {
  const stale =
    !existsSync(classpathFile) || sources.some((file) => statSync(file).mtimeMs > statSync(classpathFile).mtimeMs);
  if (!stale) return;
  console.error('neo4j: building test/neo4j/server with Maven (the first time downloads Neo4j into ~/.m2)');
  const mvn = spawnSync('mvn', ['-B', '-q', '-f', path.join(projectDir, 'pom.xml'), 'compile'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (mvn.status !== 0) fail(`neo4j: the Maven build failed (exit ${mvn.status ?? mvn.signal})`);
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: { port: { type: 'string' }, data: { type: 'string' }, password: { type: 'string' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
  }
  const { port = '0', data, password } = parsed.values;
  if (!/^\d+$/.test(port) || Number(port) > 65_535)
    fail(`--port must be a port number (0 for any free one)\n${USAGE}`, 2);
  // Neo4j refuses passwords shorter than 8 characters (dbms.security.auth_minimum_password_length).
  if (password !== undefined && password.length < 8) fail('--password must have at least 8 characters', 2);
  return { port, data, password, generated: password === undefined };
}

function main(): void {
  const options = readOptions();
  const missing = missingTools();
  if (missing.length > 0) fail(`neo4j: cannot start Neo4j, missing:\n  ${missing.join('\n  ')}`);
  build();
  const password = options.password ?? randomBytes(12).toString('base64url');
  const heap = process.env.NEO4J_HEAP || '2g';
  const pagecache = process.env.NEO4J_PAGECACHE_MB || '512';
  const args = [
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    '-cp',
    `${path.join(projectDir, 'target', 'classes')}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`,
    'scamnet.ScamnetNeo4j',
    '--port',
    options.port,
    '--password',
    password,
    '--pagecache-mb',
    pagecache,
    ...(options.data ? ['--data', path.resolve(options.data)] : []),
  ];
  const java = spawn('java', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // The JVM's shutdown hook stops Neo4j; this process waits for it and exits with its code.
    process.on(signal, () => java.kill(signal));
  }
  createInterface({ input: java.stdout! }).on('line', (line) => {
    console.log(line);
    if (!line.startsWith('NEO4J_URI=')) return;
    console.log('NEO4J_USER=neo4j');
    if (options.generated) console.log(`NEO4J_PASSWORD=${password}`);
    console.error(
      `neo4j: ready${options.data ? ` (data in ${path.resolve(options.data)})` : ' (temp data dir, removed at exit)'}; Ctrl-C stops it. Try:\n` +
        `  GRAPH_BACKEND=neo4j ${line} NEO4J_PASSWORD=${options.generated ? password : '…'} npm start`,
    );
  });
  java.on('exit', (code, signal) => {
    // SIGINT/SIGTERM end the JVM with 130/143 after a clean shutdown: that is a normal stop.
    const clean = code === 0 || code === 130 || code === 143 || signal === 'SIGINT' || signal === 'SIGTERM';
    process.exit(clean ? 0 : (code ?? 1));
  });
  java.on('error', (error) => fail(`neo4j: could not start java: ${error.message}`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
