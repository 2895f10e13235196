/**
 * The Neo4j store's side, on the server NEO4J_URI names — a test server: the bench EMPTIES its
 * database before each import. The product's importer runs through a Neo4jStore; the raw columns
 * use neo4j-driver directly: the import as UNWIND $rows … CREATE, the latencies as the same Cypher.
 */
import { parse } from 'csv-parse/sync';
import neo4j, { type Driver } from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runImport } from '../../server/import/run-import.ts';
import { warmValidationWorker } from '../../server/import/read-off-thread.ts';
import { nodeKindOfId, nodeProperties, relProperties, type PropertyDef } from '../../server/model/schema.ts';
import { neo4jDialect } from '../../server/store/dialect.ts';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.ts';
import { clearLiveNeo4j, liveNeo4jMissing } from '../support/neo4j-live.ts';
import type { BenchShape } from './data.ts';
import { jvmPidForPort, peakRss, statusBytes } from './process-memory.ts';
import type { ImportTimes, StoreSide } from './store-side.ts';

/**
 * Rows per raw UNWIND statement, each statement its own transaction: big enough that the round
 * trips do not count, small enough that a 1M import never holds one huge transaction on the heap.
 */
const RAW_BATCH = 10_000;

interface Connection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** NEO4J_URI/USER/PASSWORD/DATABASE, or a message saying what to run to get them. */
export function neo4jFromEnv(): Connection | { missing: string } {
  const missing = liveNeo4jMissing();
  if (missing) {
    return {
      missing:
        `--stores neo4j: ${missing}, e.g. \`npm run neo4j -- --password testpass123\` and then ` +
        '`NEO4J_URI=bolt://127.0.0.1:PORT NEO4J_PASSWORD=testpass123 npm run bench -- --stores embedded,neo4j`. ' +
        'Use a test server only: the bench empties its database.',
    };
  }
  return {
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
  };
}

/** A CSV cell as the value a hand-written import would send for the property's storage type. */
function cell(text: string | undefined, type: PropertyDef['type']): unknown {
  if (text === undefined || text === '') return null;
  switch (type) {
    case 'INT64':
      return neo4j.int(Number(text));
    case 'DOUBLE':
      return Number(text);
    case 'BOOLEAN':
      return text === 'true';
    case 'STRING[]':
      return text
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text; // STRING, and DATE: read with date() in the statement
  }
}

/** `SET v.p = row.p, …` for the properties, dates through date(). */
function sets(variable: string, props: PropertyDef[]): string {
  return props
    .map((p) => `${variable}.${p.name} = ${p.type === 'DATE' ? `date(row.${p.name})` : `row.${p.name}`}`)
    .join(', ');
}

export class Neo4jSide implements StoreSide {
  readonly name = 'neo4j' as const;
  readonly dialect = neo4jDialect;
  private readonly driver: Driver;
  private serverDir = '';
  private readonly jvmPid: number | undefined;

  constructor(private readonly conn: Connection) {
    this.driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), { userAgent: 'scamnet-bench' });
    const port = Number(new URL(conn.uri.replace(/^[a-z+]+:/, 'http:')).port || 7687);
    this.jvmPid = jvmPidForPort(port);
  }

  private store(): Neo4jStore {
    return new Neo4jStore({ ...this.conn, limits: { timeoutMs: 120_000, maxRows: 5000, maxBytes: 16e6 } });
  }

  /** One file through UNWIND in RAW_BATCH-row transactions; CSV parsing counts, as COPY FROM's does. */
  private async rawFile(file: string, kind: string): Promise<void> {
    const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    const nodeProps = nodeProperties.get(kind as never);
    let statement: string;
    let rows: Record<string, unknown>[];
    if (nodeProps) {
      const rest = nodeProps.filter((p) => p.name !== 'id');
      statement = `UNWIND $rows AS row CREATE (n:${kind}) SET n.id = row.id, ${sets('n', rest)}`;
      rows = records.map((r) => Object.fromEntries(nodeProps.map((p) => [p.name, cell(r[p.name], p.type)])));
    } else {
      const props = relProperties.get(kind as never)!;
      const from = nodeKindOfId(records[0]!.from!)!.kind;
      const to = nodeKindOfId(records[0]!.to!)!.kind;
      const rest = props.filter((p) => p.name !== 'id');
      statement =
        `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) ` +
        `CREATE (a)-[r:${kind}]->(b) SET r.id = row.id${rest.length ? `, ${sets('r', rest)}` : ''}`;
      rows = records.map((r) => ({
        from: r.from,
        to: r.to,
        ...Object.fromEntries(props.map((p) => [p.name, cell(r[p.name], p.type)])),
      }));
    }
    const session = this.driver.session({ database: this.conn.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (let i = 0; i < rows.length; i += RAW_BATCH) {
        const batch = rows.slice(i, i + RAW_BATCH);
        await session.executeWrite((tx) => tx.run(statement, { rows: batch }));
      }
    } finally {
      await session.close();
    }
  }

  async importBoth(dir: string, shape: BenchShape): Promise<ImportTimes> {
    this.serverDir = path.join(dir, 'neo4j-server');
    const store = this.store();
    await store.init(); // applies the product's constraints and indexes, which the raw import also uses
    try {
      console.log(`neo4j: emptying the test database at ${this.conn.uri} before the raw import`);
      await clearLiveNeo4j(store);
      let t = performance.now();
      for (const f of shape.files) await this.rawFile(path.join(dir, `${f}.csv`), f);
      const rawMs = performance.now() - t;
      console.log(
        `neo4j: raw import ${Math.round(rawMs)} ms; emptying the test database again before the product's import`,
      );
      await clearLiveNeo4j(store);
      const files = shape.files.map((f) => ({ name: `${f}.csv`, bytes: readFileSync(path.join(dir, `${f}.csv`)) }));
      await warmValidationWorker(); // as a running server has (server/main.ts)
      t = performance.now();
      await runImport(store, files).catch((error: unknown) => {
        throw new Error(
          `the product's import failed after ${Math.round(performance.now() - t)} ms (the raw import took ${Math.round(rawMs)} ms): ${(error as Error).message}`,
        );
      });
      const productMs = performance.now() - t;
      console.log(`neo4j: product import ${Math.round(productMs)} ms`);
      return {
        productMs,
        rawMs,
        rawPath: `UNWIND $rows … CREATE through neo4j-driver, ${RAW_BATCH} rows a transaction`,
      };
    } finally {
      await store.close();
    }
  }

  server() {
    const { uri, user, password, database } = this.conn;
    return {
      env: {
        GRAPH_BACKEND: 'neo4j',
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        ...(database ? { NEO4J_DATABASE: database } : {}),
      },
      dataDir: this.serverDir,
    };
  }

  async rawQuery(cypher: string, params: Record<string, unknown>): Promise<void> {
    const driverParams = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v]),
    );
    await this.driver.executeQuery(cypher, driverParams, { database: this.conn.database, routing: neo4j.routing.READ });
  }

  memory(serverPid: number) {
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    return {
      serverPeakRssMB: mb(peakRss(serverPid)),
      // VmHWM is the JVM's peak since it started (the imports included); VmRSS is now, after the reads
      ...(this.jvmPid
        ? { jvmPeakRssMB: mb(statusBytes(this.jvmPid, 'VmHWM')), jvmRssMB: mb(statusBytes(this.jvmPid, 'VmRSS')) }
        : {}),
    };
  }

  async endSize(): Promise<void> {
    // the driver serves every size; the data stays until the next size empties the database
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
