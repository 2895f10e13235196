/**
 * What analysts' Cypher may call, by name. The guard (guard.ts) refuses anything else on tokens;
 * the stores check the same lists again in the engine's plan (store/neo4j/plan-check.ts), so the
 * lists live here, below both, and a store need not import the guard.
 */

/** Procedures an analyst may CALL on Neo4j (namespaced); Ladybug's own table functions are checked in its plan. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
]);

/**
 * Neo4j 5's own namespaced functions (Cypher manual, "Functions"): pure computations on their
 * arguments or the clock, called in expressions (`RETURN duration.between(a, b)`), never CALLed.
 * Any other dotted call is a user-defined function or procedure — APOC's among them — and refused.
 */
const TEMPORAL_CLOCKS = ['realtime', 'statement', 'transaction', 'truncate'];
export const ALLOWED_FUNCTIONS = new Set([
  ...['date', 'datetime', 'localdatetime', 'localtime', 'time'].flatMap((t) => TEMPORAL_CLOCKS.map((f) => `${t}.${f}`)),
  'datetime.fromepoch',
  'datetime.fromepochmillis',
  'duration.between',
  'duration.indays',
  'duration.inmonths',
  'duration.inseconds',
  'point.distance',
  'point.withinbbox',
  'vector.similarity.cosine',
  'vector.similarity.euclidean',
]);

/**
 * LadybugDB table functions an analyst may CALL: they only describe the database. Every other one
 * is refused here, before the engine prepares it: some read files (READ_CSV_*, READ_NPY,
 * READ_PARQUET, FILE_INFO), and preparing some of those with a bad path crashes the process.
 */
export const ALLOWED_TABLE_FUNCTIONS = new Set([
  'show_tables',
  'table_info',
  'show_connection',
  'db_version',
  'show_functions',
]);
