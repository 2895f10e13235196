/**
 * Decides from LadybugDB's own EXPLAIN plan whether a statement only reads the graph: every
 * physical operator must be on a list of read operators, and every table function on a list of
 * harmless ones. The engine's `isReadOnly()` is not enough on its own: it calls COPY … TO,
 * EXPORT DATABASE, ATTACH and BEGIN read-only.
 */
import { AppError, type ErrorCode } from '../../errors.ts';

/** Operators seen in read queries (collected from EXPLAIN of the saved queries and API lookups). */
const READ_OPERATORS = new Set([
  'AGGREGATE',
  'AGGREGATE_FINALIZE',
  'AGGREGATE_SCAN',
  'COUNT_REL_TABLE',
  'CROSS_PRODUCT',
  'DUMMY_SINK',
  'EMPTY_RESULT',
  'FILTER',
  'FLATTEN',
  'HASH_JOIN_BUILD',
  'HASH_JOIN_PROBE',
  'INDEX_LOOKUP',
  'INTERSECT',
  'INTERSECT_BUILD',
  'LIMIT',
  'MULTIPLICITY_REDUCER',
  'ORDER_BY',
  'ORDER_BY_MERGE',
  'ORDER_BY_SCAN',
  'PATH_PROPERTY_PROBE',
  'PRIMARY_KEY_SCAN_NODE_TABLE',
  'PROJECTION',
  'QUERY_PRIMARY_KEY_LOOKUP',
  'RECURSIVE_EXTEND',
  'RESULT_COLLECTOR',
  'SCAN_NODE_TABLE',
  'SCAN_REL_TABLE',
  'SEMI_MASKER',
  'SKIP',
  'TABLE_FUNCTION_CALL',
  'TOP_K',
  'TOP_K_SCAN',
  'UNION_ALL_SCAN',
  'UNWIND',
]);

/** Table functions that only describe the database; READ_FTABLE is the engine's internal row source. */
const READ_FUNCTIONS = new Set([
  'READ_FTABLE',
  'SHOW_TABLES',
  'TABLE_INFO',
  'SHOW_CONNECTION',
  'DB_VERSION',
  'SHOW_FUNCTIONS',
]);

const REFUSED_OPERATORS: Record<string, ErrorCode> = {
  INSERT: 'write_not_allowed',
  SET_PROPERTY: 'write_not_allowed',
  DELETE: 'write_not_allowed',
  MERGE: 'write_not_allowed',
  BATCH_INSERT: 'write_not_allowed',
  COPY_FROM: 'write_not_allowed',
  PARTITIONER: 'write_not_allowed',
  CREATE_TABLE: 'write_not_allowed',
  CREATE_MACRO: 'write_not_allowed',
  CREATE_SEQUENCE: 'write_not_allowed',
  CREATE_TYPE: 'write_not_allowed',
  DROP: 'write_not_allowed',
  ALTER: 'write_not_allowed',
  COPY_TO: 'file_access',
  EXPORT_DATABASE: 'file_access',
  IMPORT_DATABASE: 'file_access',
  ATTACH_DATABASE: 'file_access',
  DETACH_DATABASE: 'file_access',
  USE_DATABASE: 'file_access',
  INSTALL_EXTENSION: 'file_access',
  LOAD_EXTENSION: 'file_access',
  UNINSTALL_EXTENSION: 'file_access',
  STANDALONE_CALL: 'settings_not_allowed',
  TRANSACTION: 'transaction_not_allowed',
};

export interface LadybugPlan {
  operators: string[];
  functions: string[];
}

/** Operator and table-function names in the text of an EXPLAIN plan (boxes may sit side by side). */
export function readPlan(explainText: string): LadybugPlan {
  return {
    operators: [...explainText.matchAll(/\b([A-Z][A-Z_]*)\[\d+\]/g)].map((m) => m[1] ?? ''),
    functions: [...explainText.matchAll(/Function: ([A-Za-z_0-9]+)/g)].map((m) => (m[1] ?? '').toUpperCase()),
  };
}

/** Throws the AppError that names why the plan is not read-only; returns when it is. */
export function checkLadybugPlan(plan: LadybugPlan): void {
  if (plan.operators.length === 0)
    throw new AppError('operation_not_allowed', 'the statement has no query plan to check');
  // A known operator names the reason best (EXPORT's plan also holds a sink no read uses).
  const refused =
    plan.operators.find((op) => REFUSED_OPERATORS[op]) ?? plan.operators.find((op) => !READ_OPERATORS.has(op));
  if (refused) {
    const code = REFUSED_OPERATORS[refused] ?? 'operation_not_allowed';
    throw new AppError(code, `the statement would ${describe(code)} (engine operator ${refused})`, {
      operator: refused,
    });
  }
  for (const fn of plan.functions) {
    if (READ_FUNCTIONS.has(fn)) continue;
    const code: ErrorCode = /^READ_|_SCAN$|^(LOAD|SCAN)_/.test(fn) ? 'file_access' : 'procedure_not_allowed';
    throw new AppError(code, `the statement calls ${fn}, which analyst queries may not`, { function: fn });
  }
}

export function describe(code: ErrorCode): string {
  switch (code) {
    case 'write_not_allowed':
      return 'change the graph';
    case 'file_access':
      return 'read or write files, databases or the network';
    case 'settings_not_allowed':
      return 'change engine settings';
    case 'transaction_not_allowed':
      return 'control transactions';
    default:
      return 'do something other than read the graph';
  }
}
