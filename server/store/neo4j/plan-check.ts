/**
 * Decides from Neo4j's own EXPLAIN whether a statement only reads the graph. The query type alone
 * is not enough (CVE-2026-35402 and the apoc.load.json bypass of the EXPLAIN check that fixed it:
 * a procedure declared READ may read files or the network, `LOAD CSV`, `SHOW …` and
 * `TERMINATE TRANSACTIONS` are all typed 'r'), so the plan may not load CSV, call a procedure off
 * the allowlist, run administration commands, or expand a variable-length pattern without an upper
 * bound; and the query type must be read-only ('r'). The statement also runs in a READ
 * access-mode session, which the server enforces.
 */
import { AppError } from '../../errors.ts';
import { ALLOWED_PROCEDURES } from '../../cypher/allowlists.ts';
import { tokenize } from '../../cypher/lexer.ts';

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

/** Neo4j writes "no upper bound" as Integer.MAX_VALUE in some plans (`[*..2147483647]`). */
const NO_BOUND = 2_147_483_647;
const unbounded = (max: string | undefined) =>
  max === undefined || max === '' || max === '*' || Number(max) >= NO_BOUND;

/**
 * Whether an expansion's details have a length range with no upper bound. Measured on Neo4j 5.26:
 * `VarLengthExpand(All)` prints `[anon_0*]`, `[anon_0*2..]`, `[anon_0*..5]`; the pruning BFS form
 * (`RETURN DISTINCT` over `[*]`) prints `[*..2147483647]`; `Repeat(Trail)` and
 * `StatefulShortestPath` print quantifiers as `{1, }` and `{2, 5}` (the manual shows `{1, *}`).
 */
export function hasUnboundedLength(text: string): boolean {
  for (const m of text.matchAll(/\*\s*(\d*)\s*(\.\.)?\s*(\d*)\s*\]/g)) {
    const [, min, range, max] = m;
    if (range ? unbounded(max) : min === '') return true;
  }
  for (const m of text.matchAll(/\{\s*\d*\s*,\s*(\*|\d*)\s*\}/g)) if (unbounded(m[1])) return true;
  return false;
}

/**
 * Pre-parser options (`CYPHER debug=toString …`, `CYPHER runtime=…`) come before the statement and
 * change what EXPLAIN reports: with `debug=toString` the plan is a single Unwind of a help text,
 * whatever the statement does, so the plan check would read nothing of it. Analysts need none.
 */
export function checkNeo4jPreParser(query: string): void {
  for (const token of tokenize(query)) {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (word === 'CYPHER') {
      throw new AppError('operation_not_allowed', 'query options (CYPHER …) are not allowed in analyst queries', {
        at: token.at,
      });
    }
    if (word !== 'EXPLAIN' && word !== 'PROFILE') return;
  }
}

/**
 * Schema and administration operators (CreateIndex, DropConstraint, ShowSettings,
 * TerminateTransactions, AdministrationCommand …). A bare `Create` is the CREATE clause and
 * AssertSameNode belongs to MERGE: both are writes, which the query type reports.
 */
const ADMIN_OPERATOR =
  /^(AdministrationCommand|(Show|Create|Drop|Alter|Grant|Deny|Revoke|Terminate|Start|Stop|Enable|Rename)[A-Z]|Assert(?!Same))/;

export function checkNeo4jPlan(queryType: string | undefined, plan: Neo4jPlanNode | false | undefined): void {
  // The plan first: its refusals say more than the query type, which a procedure call hides
  // ('s' for dbms.*, 'r' for a READ procedure that reads files).
  for (const node of plan ? walk(plan) : []) {
    const op = node.operatorType.replace(/@.*$/, '');
    if (/^LoadCSV/i.test(op))
      throw new AppError('file_access', 'LOAD CSV reads files or the network, which analyst queries may not');
    if (ADMIN_OPERATOR.test(op)) {
      throw new AppError('operation_not_allowed', `administration (${op}) is not allowed`);
    }
    if (/ProcedureCall/i.test(op)) {
      const name = /^\s*([\w.]+)\s*\(/.exec(details(node))?.[1]?.toLowerCase();
      if (!name || !ALLOWED_PROCEDURES.has(name)) {
        throw new AppError(
          'procedure_not_allowed',
          `${name ?? 'the procedure'} is not on the list of procedures analysts may call`,
        );
      }
    }
    if (/VarLength|VarExpand|ShortestPath|Repeat|Trail/i.test(op) && hasUnboundedLength(details(node))) {
      throw new AppError('operation_not_allowed', 'give variable-length patterns an upper bound, e.g. [*1..6]');
    }
  }
  if (queryType !== 'r') {
    const code = queryType === 's' ? 'operation_not_allowed' : 'write_not_allowed';
    throw new AppError(code, `the statement is of type "${queryType ?? 'unknown'}"; analyst queries may only read`, {
      queryType,
    });
  }
  if (!plan) throw new AppError('operation_not_allowed', 'the statement has no query plan to check');
}
