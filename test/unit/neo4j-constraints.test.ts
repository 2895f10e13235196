/** The Neo4j schema statements are derived from the domain schema and safe to apply on every start. */
import { describe, expect, it } from 'vitest';
import { NODE_KIND_NAMES, REL_KIND_NAMES, SEARCH_PROPERTY } from '../../server/model/schema.ts';
import { neo4jSchemaStatements, snakeName } from '../../server/store/neo4j/constraints.ts';

const statements = neo4jSchemaStatements();

/** label or type → what the statements declare for it */
function declared(pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const statement of statements) {
    const match = pattern.exec(statement);
    if (match) found.set(match[2]!, match[1]!);
  }
  return found;
}

const nodeIdConstraints = declared(/^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE$/);
const relIdConstraints = declared(
  /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(\)-\[r:(\w+)\]-\(\) REQUIRE r\.id IS UNIQUE$/,
);
const nameIndexes = declared(/^CREATE INDEX (\w+) IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.name\)$/);
const searchIndexes = declared(
  new RegExp(`^CREATE TEXT INDEX (\\w+) IF NOT EXISTS FOR \\(n:(\\w+)\\) ON \\(n\\.${SEARCH_PROPERTY}\\)$`),
);

describe('neo4jSchemaStatements', () => {
  it('gives every node kind an id uniqueness constraint, a name index and a text index on the search key', () => {
    expect([...nodeIdConstraints.keys()].sort()).toEqual([...NODE_KIND_NAMES].sort());
    expect([...nameIndexes.keys()].sort()).toEqual([...NODE_KIND_NAMES].sort());
    expect([...searchIndexes.keys()].sort()).toEqual([...NODE_KIND_NAMES].sort());
    expect(nodeIdConstraints.get('ScamType')).toBe('scam_type_id');
    expect(nameIndexes.get('Centre')).toBe('centre_name');
    expect(searchIndexes.get('Country')).toBe('country_search_key');
  });

  it('gives every relationship kind an id uniqueness constraint', () => {
    expect([...relIdConstraints.keys()].sort()).toEqual([...REL_KIND_NAMES].sort());
    expect(relIdConstraints.get('TRAFFICKED_TO')).toBe('trafficked_to_id');
  });

  it('contains nothing else, and every statement is idempotent', () => {
    const expected = NODE_KIND_NAMES.length * 3 + REL_KIND_NAMES.length;
    expect(statements).toHaveLength(expected);
    expect(nodeIdConstraints.size + relIdConstraints.size + nameIndexes.size + searchIndexes.size).toBe(expected);
    for (const statement of statements) {
      expect(statement).toMatch(/^CREATE (CONSTRAINT|INDEX|TEXT INDEX) \w+ IF NOT EXISTS /);
    }
  });

  it('names every constraint and index once, in lower-case snake case', () => {
    const names = statements.map((s) => /^CREATE (?:CONSTRAINT|INDEX|TEXT INDEX) (\w+) /.exec(s)![1]!);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('snake-cases labels, types and properties', () => {
    expect(['ScamType', 'TRAFFICKED_TO', 'searchKey', 'Centre'].map(snakeName)).toEqual([
      'scam_type',
      'trafficked_to',
      'search_key',
      'centre',
    ]);
  });
});
