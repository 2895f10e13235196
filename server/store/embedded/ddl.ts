/** LadybugDB node and relationship tables, derived from the domain schema. */
import { AppError } from '../../errors.ts';
import { NODE_KINDS, REL_KINDS, SEARCH_PROPERTY, nodeProperties, relProperties } from '../../model/schema.ts';

/** Every kind has its properties in the schema; a kind without them is a bug in model/schema.ts. */
function missing(kind: string): never {
  throw new AppError('internal', `the schema has no properties for ${kind}`);
}

export function ladybugDdl(): string[] {
  const nodeTables = NODE_KINDS.map((k) => {
    const columns = (nodeProperties.get(k.kind) ?? missing(k.kind)).map((p) =>
      p.name === 'id' ? 'id STRING PRIMARY KEY' : `${p.name} ${p.type}`,
    );
    columns.push(`${SEARCH_PROPERTY} STRING`);
    return `CREATE NODE TABLE IF NOT EXISTS ${k.kind}(${columns.join(', ')})`;
  });
  const relTables = REL_KINDS.map((k) => {
    const ends = k.endpoints.map(([from, to]) => `FROM ${from} TO ${to}`);
    const columns = (relProperties.get(k.kind) ?? missing(k.kind)).map((p) => `${p.name} ${p.type}`);
    return `CREATE REL TABLE IF NOT EXISTS ${k.kind}(${[...ends, ...columns].join(', ')})`;
  });
  return [...nodeTables, ...relTables, ...addedColumns()];
}

/**
 * Properties added to the model after data dirs were first made: CREATE TABLE IF NOT EXISTS
 * leaves an existing table as it was, so each is added to every table that lacks it (the engine's
 * ALTER TABLE … ADD IF NOT EXISTS does nothing where it is there). Existing rows read null.
 */
export const ADDED_PROPERTIES = ['excerpt'] as const;

function addedColumns(): string[] {
  const tables = [
    ...NODE_KINDS.map((k) => ({ kind: k.kind as string, props: nodeProperties.get(k.kind) ?? missing(k.kind) })),
    ...REL_KINDS.map((k) => ({ kind: k.kind as string, props: relProperties.get(k.kind) ?? missing(k.kind) })),
  ];
  return tables.flatMap(({ kind, props }) =>
    props
      .filter((p) => (ADDED_PROPERTIES as readonly string[]).includes(p.name))
      .map((p) => `ALTER TABLE ${kind} ADD IF NOT EXISTS ${p.name} ${p.type}`),
  );
}
