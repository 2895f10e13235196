/**
 * Neo4j constraints and indexes, derived from the domain schema so that a new kind gets its
 * constraints without anyone remembering to add them. Every statement is idempotent
 * (IF NOT EXISTS), so `init()` applies them on every start.
 */
import { NODE_KINDS, REL_KINDS, SEARCH_PROPERTY } from '../../model/schema.ts';
import { nodePropertiesOf } from '../kind-lookup.ts';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `ScamType` → `scam_type`, `TRAFFICKED_TO` → `trafficked_to`, `searchKey` → `search_key`. */
export function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Kinds are interpolated into DDL, so anything but a plain identifier is a bug in the schema. */
function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${JSON.stringify(name)}`);
  return name;
}

/**
 * The schema statements, node kinds first.
 * @example
 * neo4jSchemaStatements()[0]
 * // 'CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE'
 */
export function neo4jSchemaStatements(): string[] {
  const search = checked(SEARCH_PROPERTY);
  const nodeStatements = NODE_KINDS.flatMap(({ kind }) => {
    const label = checked(kind);
    const name = snakeName(label);
    const hasName = nodePropertiesOf(kind).some((p) => p.name === 'name');
    return [
      `CREATE CONSTRAINT ${name}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      ...(hasName ? [`CREATE INDEX ${name}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`] : []),
      `CREATE TEXT INDEX ${name}_${snakeName(search)} IF NOT EXISTS FOR (n:${label}) ON (n.${search})`,
    ];
  });
  // Relationship key constraints need Neo4j 5.7 or later.
  const relStatements = REL_KINDS.map(({ kind }) => {
    const type = checked(kind);
    return `CREATE CONSTRAINT ${snakeName(type)}_id IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`;
  });
  return [...nodeStatements, ...relStatements];
}
