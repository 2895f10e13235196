/**
 * Decides from Neo4j's own EXPLAIN whether a statement only reads the graph: the summary's query
 * type must be read-only ('r'), and the plan may not load CSV, call a procedure off the allowlist,
 * run administration commands, or expand a variable-length pattern without an upper bound.
 * (The statement also runs in a READ access-mode session, which the server enforces.)
 */
import { AppError } from '../../errors.ts';
import { ALLOWED_PROCEDURES } from '../../cypher/guard.ts';

/** The parts of neo4j-driver's ResultSummary plan this check reads. */
export interface Neo4jPlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: Neo4jPlanNode[];
}

function* walk(node: Neo4jPlanNode): Generator<Neo4jPlanNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

function details(node: Neo4jPlanNode): string {
  const d = node.arguments?.Details ?? node.arguments?.details ?? '';
  return typeof d === 'string' ? d : JSON.stringify(d);
}

export function checkNeo4jPlan(queryType: string | undefined, plan: Neo4jPlanNode | false | undefined): void {
  if (queryType !== 'r') {
    const code = queryType === 's' ? 'operation_not_allowed' : 'write_not_allowed';
    throw new AppError(code, `the statement is of type "${queryType ?? 'unknown'}"; analyst queries may only read`, { queryType });
  }
  if (!plan) throw new AppError('operation_not_allowed', 'the statement has no query plan to check');
  for (const node of walk(plan)) {
    const op = node.operatorType.replace(/@.*$/, '');
    if (/^LoadCSV/i.test(op)) throw new AppError('file_access', 'LOAD CSV reads files or the network, which analyst queries may not');
    if (/^(Show|Create|Drop|Alter|Grant|Deny|Revoke|Terminate|Start|Stop|Assert|Enable|Rename)/.test(op)) {
      throw new AppError('operation_not_allowed', `administration (${op}) is not allowed`);
    }
    if (/ProcedureCall/i.test(op)) {
      const name = /^\s*([\w.]+)\s*\(/.exec(details(node))?.[1]?.toLowerCase();
      if (!name || !ALLOWED_PROCEDURES.has(name)) {
        throw new AppError('procedure_not_allowed', `${name ?? 'the procedure'} is not on the list of procedures analysts may call`);
      }
    }
    // `*]`, `*2..]` and `*..]` have no upper bound; `*3]` and `*1..6]` do. Quantified path
    // patterns (`((a)-->(b))+`) are planned as Repeat with `{1, *}` when unbounded.
    const unboundedExpand = /VarLengthExpand|ShortestPath/i.test(op) && /\*\s*(\d+\s*\.\.\s*|\.\.\s*)?\]/.test(details(node));
    const unboundedRepeat = /Repeat|ShortestPath/i.test(op) && /\{\s*\d*\s*,\s*\*\s*\}/.test(details(node));
    if (unboundedExpand || unboundedRepeat) {
      throw new AppError('operation_not_allowed', 'give variable-length patterns an upper bound, e.g. [*1..6]');
    }
  }
}
