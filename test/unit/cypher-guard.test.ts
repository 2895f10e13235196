/**
 * The Cypher lexer and the token guard that runs before any engine sees analyst Cypher. The guard
 * must refuse clauses that reach files, the network, extensions, settings or transactions, and
 * namespaced procedures off the allowlist — and must not be fooled by, or trip over, the same
 * words inside strings, comments, quoted names, map keys and properties.
 */
import { describe, expect, it } from 'vitest';
import { guardCypher } from '../../server/cypher/guard.ts';
import { LexError, parameterNames, tokenize, type Token } from '../../server/cypher/lexer.ts';
import { AppError, type ErrorCode } from '../../server/errors.ts';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

function guardCode(text: string): ErrorCode | 'passed' {
  try {
    guardCypher(text);
    return 'passed';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('tokenize', () => {
  it('splits words, punctuation, numbers and strings, with offsets', () => {
    expect(tokenize("MATCH (n) WHERE n.x = 'a'")).toEqual<Token[]>([
      { kind: 'word', text: 'MATCH', at: 0 },
      { kind: 'punct', text: '(', at: 6 },
      { kind: 'word', text: 'n', at: 7 },
      { kind: 'punct', text: ')', at: 8 },
      { kind: 'word', text: 'WHERE', at: 10 },
      { kind: 'word', text: 'n', at: 16 },
      { kind: 'punct', text: '.', at: 17 },
      { kind: 'word', text: 'x', at: 18 },
      { kind: 'punct', text: '=', at: 20 },
      { kind: 'string', text: 'a', at: 22 },
    ]);
  });

  it('keeps escapes inside strings, in both quotes, without ending the string', () => {
    expect(kinds("RETURN 'it\\'s; LOAD' AS s")).toEqual(['word:RETURN', "string:it\\'s; LOAD", 'word:AS', 'word:s']);
    expect(kinds('RETURN "a \\" COPY" AS s')).toEqual(['word:RETURN', 'string:a \\" COPY', 'word:AS', 'word:s']);
    expect(kinds("RETURN 'a\\\\' AS s")).toEqual(['word:RETURN', 'string:a\\\\', 'word:AS', 'word:s']);
    // the other quote is just a character
    expect(kinds(`RETURN "it's" AS s`)).toEqual(['word:RETURN', "string:it's", 'word:AS', 'word:s']);
  });

  it('reads doubled backticks as one backtick in a quoted name', () => {
    expect(kinds('RETURN 1 AS `a``b; LOAD`')).toEqual(['word:RETURN', 'number:1', 'word:AS', 'quoted:a`b; LOAD']);
    // a backslash is not an escape in a quoted name
    expect(kinds('RETURN 1 AS `a\\`')).toEqual(['word:RETURN', 'number:1', 'word:AS', 'quoted:a\\']);
  });

  it('skips line and block comments', () => {
    expect(kinds('MATCH (n) // LOAD FROM x\nRETURN n /* COPY; */')).toEqual([
      'word:MATCH',
      'punct:(',
      'word:n',
      'punct:)',
      'word:RETURN',
      'word:n',
    ]);
    expect(kinds('/**/RETURN/* a */1// end')).toEqual(['word:RETURN', 'number:1']);
    // comment markers inside strings are text
    expect(kinds("RETURN '/* not a comment */' AS s")).toEqual([
      'word:RETURN',
      'string:/* not a comment */',
      'word:AS',
      'word:s',
    ]);
  });

  it('reads $param and $`quoted param`', () => {
    expect(kinds('MATCH (n {id: $id}) WHERE n.x IN $`odd name` RETURN $_x1')).toEqual([
      'word:MATCH',
      'punct:(',
      'word:n',
      'punct:{',
      'word:id',
      'punct::',
      'param:id',
      'punct:}',
      'punct:)',
      'word:WHERE',
      'word:n',
      'punct:.',
      'word:x',
      'word:IN',
      'param:odd name',
      'word:RETURN',
      'param:_x1',
    ]);
  });

  it('tells numbers from .. ranges', () => {
    expect(kinds('MATCH (a)-[*1..3]->(b)')).toEqual([
      'word:MATCH',
      'punct:(',
      'word:a',
      'punct:)',
      'punct:-',
      'punct:[',
      'punct:*',
      'number:1',
      'punct:.',
      'punct:.',
      'number:3',
      'punct:]',
      'punct:-',
      'punct:>',
      'punct:(',
      'word:b',
      'punct:)',
    ]);
    expect(kinds('RETURN 1.5, 2e10, 0x1F, [*..4]')).toEqual([
      'word:RETURN',
      'number:1.5',
      'punct:,',
      'number:2e10',
      'punct:,',
      'number:0x1F',
      'punct:,',
      'punct:[',
      'punct:*',
      'punct:.',
      'punct:.',
      'number:4',
      'punct:]',
    ]);
  });

  it('treats unicode letters as word characters and unicode spaces as spaces', () => {
    expect(kinds('RETURN\u00a0Ñame\u2003AS\u3000x')).toEqual(['word:RETURN', 'word:Ñame', 'word:AS', 'word:x']);
  });

  it.each([
    ["RETURN 'abc", 'unterminated string', 7],
    ['RETURN "abc', 'unterminated string', 7],
    ['RETURN 1 AS `abc', 'unterminated quoted identifier', 12],
    ['RETURN 1 /* abc', 'unterminated comment', 9],
    ['RETURN $`abc', 'unterminated quoted identifier', 8],
  ])('throws a LexError for %j', (text, message, at) => {
    expect(() => tokenize(text)).toThrow(LexError);
    expect(() => tokenize(text)).toThrow(expect.objectContaining({ message, at }));
  });
});

describe('parameterNames', () => {
  it('lists each parameter once, in order of first use', () => {
    expect(parameterNames('MATCH (n {id: $id}) WHERE n.x = $x OR n.y = $id RETURN $`odd name`')).toEqual([
      'id',
      'x',
      'odd name',
    ]);
  });

  it('ignores $ inside strings, comments and quoted names, and a bare $', () => {
    expect(parameterNames("RETURN '$no' AS `$nor`, $ /* $neither */ // $nope")).toEqual([]);
  });
});

describe('guardCypher refuses', () => {
  it.each([
    ["LOAD FROM '/tmp/x.csv' RETURN *", 'file_access'],
    ["load from '/tmp/x.csv' (header = true) RETURN *", 'file_access'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'file_access'],
    ["LOAD WITH HEADERS (a STRING) FROM '/tmp/x.csv' RETURN *", 'file_access'],
    ["MATCH (n) WITH n LOAD FROM '/tmp/x.csv' RETURN *", 'file_access'],
    ["COPY (MATCH (n) RETURN n) TO '/tmp/x.csv'", 'file_access'],
    ["COPY Centre FROM '/tmp/x.csv'", 'file_access'],
    ["EXPORT DATABASE '/tmp/x'", 'file_access'],
    ["IMPORT DATABASE '/tmp/x'", 'file_access'],
    ["ATTACH '/tmp/x.lbug' AS x (dbtype lbug)", 'file_access'],
    ['USE x', 'file_access'],
    ['DETACH x', 'file_access'],
    ['INSTALL json', 'file_access'],
    ['UNINSTALL json', 'file_access'],
    ['LOAD EXTENSION json', 'file_access'],
    ["/* x */ LOAD FROM 'x' RETURN *", 'file_access'],
    ["LOAD/**/FROM 'x' RETURN *", 'file_access'],
    ['CALL threads=1', 'settings_not_allowed'],
    ['call Timeout = 1', 'settings_not_allowed'],
    ['CALL var_length_extend_max_depth /* c */ = 100', 'settings_not_allowed'],
    ['CALL SET threads = 1', 'settings_not_allowed'],
    ['BEGIN TRANSACTION', 'transaction_not_allowed'],
    ['begin transaction read only', 'transaction_not_allowed'],
    ['COMMIT', 'transaction_not_allowed'],
    ['ROLLBACK', 'transaction_not_allowed'],
    ['CHECKPOINT', 'transaction_not_allowed'],
    ["CALL apoc.load.json('file:///etc/passwd')", 'procedure_not_allowed'],
    ['CALL dbms.components()', 'procedure_not_allowed'],
    ['RETURN apoc.util.sleep(1)', 'procedure_not_allowed'],
    ['CALL apoc /* c */ . load . json(1)', 'procedure_not_allowed'],
    ['CALL db.labels.extra()', 'procedure_not_allowed'],
    // Neo4j's own functions are allowed in expressions only, never CALLed, and nothing else dotted
    ["CALL duration.between(date('2024-01-01'), date('2024-02-01'))", 'procedure_not_allowed'],
    ['CALL point.distance', 'procedure_not_allowed'],
    ["RETURN apoc.text.join(['a'], ',')", 'procedure_not_allowed'],
    ['RETURN duration.between.extra(1)', 'procedure_not_allowed'],
    ["RETURN db.nameFromElementId('x')", 'procedure_not_allowed'],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'multiple_statements'],
    ['RETURN 1; // a comment\nCHECKPOINT', 'multiple_statements'],
    ['RETURN 1;;', 'multiple_statements'],
    ['', 'query_error'],
    [' \n\t', 'query_error'],
    ['/* CREATE */ // DELETE', 'query_error'],
    ["RETURN 'abc", 'query_error'],
    ['RETURN 1 /* abc', 'query_error'],
  ])('%j → %s', (text, code) => {
    expect(guardCode(text)).toBe(code);
  });

  it('says where the refused token is', () => {
    expect(() => guardCypher("MATCH (n) LOAD FROM 'x' RETURN *")).toThrow(
      expect.objectContaining({ code: 'file_access', details: { at: 10 } }),
    );
    expect(() => guardCypher('RETURN 1; RETURN 2')).toThrow(
      expect.objectContaining({ code: 'multiple_statements', details: { at: 8 } }),
    );
    expect(() => guardCypher("RETURN 'abc")).toThrow(
      expect.objectContaining({ code: 'query_error', details: { at: 7 } }),
    );
  });

  // LadybugDB's grammar reads a star inside a block comment together with the character after it,
  // so a star-star-slash does not end the comment for the engine, while this lexer ends it there.
  // The guard therefore hands the engine the text with comments blanked out as it saw them: the
  // engine then sees the same lone string, never the clause (test/integration/cypher-safety.test.ts
  // shows the effect over HTTP).
  it.each([
    `/* **/ ' */ COPY Centre FROM "/etc/passwd" (header = false, file_format = "csv") // '`,
    `/* **/ ' */ EXPORT DATABASE "/tmp/x" // '`,
    `/* **/ ' */ LOAD FROM "/etc/passwd" RETURN * // '`,
  ])('a clause behind a comment end the engine reads differently never reaches it (%j)', (text) => {
    const checked = guardCypher(text);
    expect(checked.startsWith('      ')).toBe(true);
    expect(tokenize(checked).map((t) => t.kind)).toEqual(['string']);
    expect(checked).not.toContain('/*');
  });

  it('ends a line comment at a carriage return, as engines do', () => {
    expect(guardCode("RETURN 1 // note\rLOAD FROM '/etc/passwd' RETURN *")).toBe('file_access');
  });

  // LadybugDB reads `$1LOAD` as the parameter `$1` followed by the keyword LOAD, and so does this lexer.
  it('LOAD FROM right after a numeric parameter ($1LOAD)', () => {
    expect(guardCode('UNWIND [1] AS x WITH x LIMIT $1LOAD FROM "/etc/passwd" RETURN *')).toBe('file_access');
  });

  it('splits a number from the word after it (1EXPORT)', () => {
    expect(guardCode("RETURN 1EXPORT DATABASE '/tmp/x'")).toBe('file_access');
    expect(tokenize('1.5e3x').map((t) => [t.kind, t.text])).toEqual([
      ['number', '1.5e3'],
      ['word', 'x'],
    ]);
  });

  it('refuses more than 24 relationship patterns, before any engine plans them', () => {
    const chain = (n: number) =>
      `MATCH ${Array.from({ length: n }, (_, i) => `(a${i})-[:X]->(a${i + 1})`).join(', ')} RETURN 1`;
    expect(guardCode(chain(24))).toBe('passed');
    expect(guardCode(chain(25))).toBe('unsupported_query');
  });

  it("refuses the engine's other statements that are not queries", () => {
    expect(guardCode('UPDATE json')).toBe('file_access');
    expect(guardCode('FORCE CHECKPOINT')).toBe('transaction_not_allowed');
    expect(guardCode('ANALYZE')).toBe('operation_not_allowed');
    expect(guardCode("COMMENT ON TABLE Centre IS 'x'")).toBe('operation_not_allowed');
    expect(guardCode('MATCH (n) RETURN n.update AS u, {comment: 1} AS m')).toBe('passed');
  });

  it('refuses settings and namespaced calls written with quoted names', () => {
    expect(guardCode('CALL `threads` = 4')).toBe('settings_not_allowed');
    expect(guardCode("CALL `apoc`.load.json('file:///etc/passwd')")).toBe('procedure_not_allowed');
  });
});

describe('guardCypher lets through', () => {
  it.each([
    "MATCH (n) WHERE n.name = 'DELETE' RETURN n",
    "MATCH (n) WHERE n.name = 'LOAD FROM /etc/passwd; COPY' RETURN n",
    'RETURN {copy: 1, load: 2, use: 3, export: 4, begin: 5} AS m',
    "WITH {load: 'x'} AS m RETURN m.load, m.copy, m.commit",
    "RETURN 'a; b' AS s",
    'MATCH (c:Centre) /* CREATE (x); LOAD FROM y */ RETURN count(c) // DELETE; COPY',
    'MATCH (c:Centre) RETURN c.name AS `LOAD FROM x; DELETE`',
    'MATCH (`COPY`:Centre) RETURN `COPY`.name',
    'CALL show_tables() RETURN *',
    "CALL table_info('Centre') RETURN *",
    'MATCH (c:Centre) RETURN count(c);',
    'MATCH (c:Centre) RETURN count(c) ; // done',
    'MATCH (n) DETACH DELETE n',
    'CALL db.labels()',
    'CALL DB.Labels() YIELD label RETURN label',
    'CALL db.schema.visualization()',
    'MATCH (n) WHERE n.name STARTS WITH $prefix RETURN n.name',
    'MATCH p = (a)-[*1..3]->(b) RETURN p',
    "RETURN duration.between(date('2024-01-01'), date('2024-02-01')) AS d",
    'RETURN Duration.InDays(date(), date()) AS d',
    'RETURN point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS d',
    "RETURN date.truncate('month', date('2024-05-17')) AS d, datetime.fromepochmillis(0) AS t",
    'MATCH (c:Centre) WHERE c.lastSeen > date.statement() - duration({years: 1}) RETURN c',
  ])('%j', (text) => {
    expect(guardCode(text)).toBe('passed');
  });

  it('returns the text to run, with every comment blanked out and positions kept', () => {
    expect(guardCypher('RETURN $x // why\n')).toBe('RETURN $x       \n');
    expect(guardCypher('RETURN 1 /* a\nb */ AS one')).toBe('RETURN 1     \n     AS one');
    expect(guardCypher("RETURN '/* not a comment */' AS s")).toBe("RETURN '/* not a comment */' AS s");
  });
});
