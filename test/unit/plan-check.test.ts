/**
 * The engine-decided read-only checks. LadybugDB: `readPlan` and `checkLadybugPlan` on real EXPLAIN
 * text (test/support/hostile-plan-fixtures.ts says how it was captured). Neo4j: `checkNeo4jPlan` on
 * summaries built with neo4j-driver's own ResultSummary from Bolt-shaped metadata, the way the
 * driver builds them from a server's EXPLAIN answer (`args` become the Plan's `arguments`).
 */
import { ResultSummary } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../server/errors.ts';
import { checkLadybugPlan, readPlan, type LadybugPlan } from '../../server/store/embedded/plan-check.ts';
import { checkNeo4jPlan, type Neo4jPlanNode } from '../../server/store/neo4j/plan-check.ts';
import { LADYBUG_PLANS } from '../support/hostile-plan-fixtures.ts';

function refusal(check: () => void): ErrorCode | 'passed' {
  try {
    check();
    return 'passed';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('readPlan on real LadybugDB EXPLAIN text', () => {
  it('lists the operators of a simple read, top to bottom', () => {
    expect(readPlan(LADYBUG_PLANS.read.text)).toEqual({
      operators: ['RESULT_COLLECTOR', 'PROJECTION', 'SCAN_NODE_TABLE'],
      functions: [],
    });
  });

  it('reads boxes printed side by side (a hash join)', () => {
    const plan = readPlan(LADYBUG_PLANS.join.text);
    expect([...plan.operators].sort()).toEqual(
      [
        'RESULT_COLLECTOR',
        'PROJECTION',
        'HASH_JOIN_PROBE',
        'FLATTEN',
        'HASH_JOIN_BUILD',
        'SCAN_NODE_TABLE',
        'PROJECTION',
        'FILTER',
        'SCAN_REL_TABLE',
        'SCAN_NODE_TABLE',
      ].sort(),
    );
    // `Direction: (k)<-[]-(c)` is not an operator
    expect(plan.functions).toEqual([]);
  });

  it('names table functions, upper-cased', () => {
    expect(readPlan(LADYBUG_PLANS.loadFrom.text).functions).toEqual(['READ_CSV_PARALLEL']);
    expect(readPlan(LADYBUG_PLANS.showTables.text).functions).toEqual(['SHOW_TABLES']);
    expect(readPlan(LADYBUG_PLANS.setting.text)).toEqual({
      operators: ['RESULT_COLLECTOR', 'STANDALONE_CALL'],
      functions: ['THREADS'],
    });
  });

  it('finds nothing in text that is not a plan', () => {
    expect(readPlan('')).toEqual({ operators: [], functions: [] });
    expect(readPlan('Expressions: c.aliases[1]')).toEqual({ operators: [], functions: [] });
  });
});

describe('checkLadybugPlan', () => {
  const check = (text: string) => refusal(() => checkLadybugPlan(readPlan(text)));

  it.each([
    ['a read', LADYBUG_PLANS.read.text],
    ['a join', LADYBUG_PLANS.join.text],
    ['CALL show_tables()', LADYBUG_PLANS.showTables.text],
  ])('passes %s', (_name, text) => {
    expect(check(text)).toBe('passed');
  });

  it.each([
    ['SET (SET_PROPERTY)', LADYBUG_PLANS.set.text, 'write_not_allowed'],
    ['LOAD FROM (READ_CSV_PARALLEL)', LADYBUG_PLANS.loadFrom.text, 'file_access'],
    ['COPY … TO (COPY_TO)', LADYBUG_PLANS.copyTo.text, 'file_access'],
    ['CALL threads=1 (STANDALONE_CALL)', LADYBUG_PLANS.setting.text, 'settings_not_allowed'],
    ['CALL PROJECT_GRAPH (a table function off the list)', LADYBUG_PLANS.projectGraph.text, 'procedure_not_allowed'],
    ['BEGIN TRANSACTION (TRANSACTION)', LADYBUG_PLANS.begin.text, 'transaction_not_allowed'],
  ])('refuses %s', (_name, text, code) => {
    expect(check(text)).toBe(code);
  });

  it('refuses a statement with no plan to check', () => {
    expect(check('')).toBe('operation_not_allowed');
  });

  it('refuses operators it does not know, naming them', () => {
    const plan: LadybugPlan = { operators: ['RESULT_COLLECTOR', 'SOMETHING_NEW'], functions: [] };
    expect(() => checkLadybugPlan(plan)).toThrow(
      expect.objectContaining({ code: 'operation_not_allowed', details: { operator: 'SOMETHING_NEW' } }),
    );
  });

  it.each([
    ['INSERT', 'write_not_allowed'],
    ['MERGE', 'write_not_allowed'],
    ['DELETE', 'write_not_allowed'],
    ['CREATE_TABLE', 'write_not_allowed'],
    ['DROP', 'write_not_allowed'],
    ['EXPORT_DATABASE', 'file_access'],
    ['ATTACH_DATABASE', 'file_access'],
    ['INSTALL_EXTENSION', 'file_access'],
  ])('refuses the %s operator as %s', (operator, code) => {
    expect(refusal(() => checkLadybugPlan({ operators: ['RESULT_COLLECTOR', operator], functions: [] }))).toBe(code);
  });

  it.each([
    ['READ_PARQUET', 'file_access'],
    ['READ_NPY', 'file_access'],
    ['CLEAR_WARNINGS', 'procedure_not_allowed'],
    ['DROP_PROJECTED_GRAPH', 'procedure_not_allowed'],
    ['CURRENT_SETTING', 'procedure_not_allowed'],
  ])('refuses the table function %s as %s', (fn, code) => {
    expect(refusal(() => checkLadybugPlan({ operators: ['TABLE_FUNCTION_CALL'], functions: [fn] }))).toBe(code);
  });
});

/** A Bolt plan description, as the server sends it (before the driver turns `args` into `arguments`). */
interface BoltPlan {
  operatorType: string;
  args: Record<string, unknown>;
  identifiers: string[];
  children: BoltPlan[];
}

const op = (operatorType: string, details: string, children: BoltPlan[] = []): BoltPlan => ({
  operatorType,
  args: { Details: details, EstimatedRows: 10, planner: 'COST', 'planner-impl': 'IDP', runtime: 'PIPELINED' },
  identifiers: [],
  children,
});

/** What the driver hands checkReadOnly: its own ResultSummary, built from the server's metadata. */
function summary(type: string, plan?: BoltPlan): ResultSummary {
  return new ResultSummary('EXPLAIN …', {}, { type, ...(plan ? { plan } : {}) });
}

function checkSummary(s: ResultSummary): ErrorCode | 'passed' {
  return refusal(() => checkNeo4jPlan(s.queryType, s.plan as Neo4jPlanNode | false));
}

const produce = (child: BoltPlan) => op('ProduceResults@neo4j', 'n', [child]);
const scan = op('AllNodesScan@neo4j', 'a');

describe('checkNeo4jPlan on the driver’s ResultSummary', () => {
  it('builds the shape the check reads', () => {
    const s = summary('r', produce(scan));
    const plan = s.plan as Neo4jPlanNode;
    expect(plan.operatorType).toBe('ProduceResults@neo4j');
    expect(plan.arguments?.Details).toBe('n');
    expect(plan.children?.[0]?.operatorType).toBe('AllNodesScan@neo4j');
  });

  it('passes a read (queryType r)', () => {
    expect(checkSummary(summary('r', produce(scan)))).toBe('passed');
  });

  it.each([
    ['rw', 'write_not_allowed'],
    ['w', 'write_not_allowed'],
    ['s', 'operation_not_allowed'],
  ])('refuses queryType %s as %s', (type, code) => {
    expect(checkSummary(summary(type, produce(scan)))).toBe(code);
  });

  it('refuses a summary with no query type or no plan', () => {
    expect(refusal(() => checkNeo4jPlan(undefined, produce(scan) as unknown as Neo4jPlanNode))).toBe(
      'write_not_allowed',
    );
    expect(checkSummary(summary('r'))).toBe('operation_not_allowed');
  });

  it('refuses LOAD CSV anywhere in the plan', () => {
    const plan = produce(
      op('Projection@neo4j', 'row AS row', [op('LoadCSV@neo4j', 'line', [op('Argument@neo4j', '')])]),
    );
    expect(checkSummary(summary('r', plan))).toBe('file_access');
  });

  it('passes an allowlisted procedure and refuses others', () => {
    expect(checkSummary(summary('r', produce(op('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)'))))).toBe(
      'passed',
    );
    expect(
      checkSummary(
        summary('r', produce(op('ProcedureCall@neo4j', 'db.schema.visualization() :: (nodes :: LIST<NODE>)'))),
      ),
    ).toBe('passed');
    expect(
      checkSummary(
        summary('r', produce(op('ProcedureCall@neo4j', "apoc.load.json('file:///etc/passwd') :: (value :: MAP)"))),
      ),
    ).toBe('procedure_not_allowed');
    expect(checkSummary(summary('r', produce(op('ProcedureCall@neo4j', ''))))).toBe('procedure_not_allowed');
  });

  it('refuses administration commands', () => {
    expect(checkSummary(summary('r', op('ShowUsers@system', 'user, roles')))).toBe('operation_not_allowed');
    expect(checkSummary(summary('r', produce(op('ShowDatabase@system', 'name'))))).toBe('operation_not_allowed');
  });

  it.each([
    ['(a)-[anon_0*]->(b)', 'operation_not_allowed'],
    ['(a)-[anon_0*2..]->(b)', 'operation_not_allowed'],
    ['(a)-[anon_0*..]->(b)', 'operation_not_allowed'],
    ['(a)-[anon_0*1..6]->(b)', 'passed'],
    ['(a)-[anon_0*3]->(b)', 'passed'],
    // what a real 5.26 plan prints for `[*]` under DISTINCT (pruning BFS): the bound is int max
    ['(a)-[anon_0*..2147483647]->(b)', 'operation_not_allowed'],
    ['(a)-[anon_0*1..2147483647]->(b)', 'operation_not_allowed'],
  ])('VarLengthExpand(All) %s → %s', (details, expected) => {
    expect(checkSummary(summary('r', produce(op('VarLengthExpand(All)@neo4j', details, [scan]))))).toBe(expected);
  });

  it('refuses an unbounded shortest path', () => {
    expect(checkSummary(summary('r', produce(op('ShortestPath@neo4j', 'p = (a)-[anon_0*]-(b)', [scan]))))).toBe(
      'operation_not_allowed',
    );
  });

  // A quantified path pattern, `MATCH (a) ((x)-->(y))+ (d)`, plans as Repeat(Trail) with the
  // details `(a) (...){1, *} (d)` in Neo4j's Cypher manual, and `{1, }` in a real 5.26 plan.
  it('refuses an unbounded quantified path pattern (Repeat(Trail) {1, *}) and allows a bounded one', () => {
    const repeat = (details: string) =>
      op('Repeat(Trail)@neo4j', details, [scan, op('Filter@neo4j', 'isRepeatTrailUnique(anon_8)')]);
    expect(checkSummary(summary('r', produce(repeat('(a) (...){1, *} (d)'))))).toBe('operation_not_allowed');
    expect(checkSummary(summary('r', produce(repeat('(a) (...){1, } (d)'))))).toBe('operation_not_allowed');
    expect(checkSummary(summary('r', produce(repeat('(a) (...){0, } (d)'))))).toBe('operation_not_allowed');
    expect(checkSummary(summary('r', produce(repeat('(a) (...){1, 6} (d)'))))).toBe('passed');
  });
});
