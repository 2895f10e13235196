/** LadybugDB node and relationship tables, derived from the domain schema. */
import { NODE_KINDS, REL_KINDS, SEARCH_PROPERTY, nodeProperties, relProperties } from '../../model/schema.ts';

export function ladybugDdl(): string[] {
  const nodeTables = NODE_KINDS.map((k) => {
    const columns = nodeProperties
      .get(k.kind)!
      .map((p) => (p.name === 'id' ? 'id STRING PRIMARY KEY' : `${p.name} ${p.type}`));
    columns.push(`${SEARCH_PROPERTY} STRING`);
    return `CREATE NODE TABLE IF NOT EXISTS ${k.kind}(${columns.join(', ')})`;
  });
  const relTables = REL_KINDS.map((k) => {
    const ends = k.endpoints.map(([from, to]) => `FROM ${from} TO ${to}`);
    const columns = relProperties.get(k.kind)!.map((p) => `${p.name} ${p.type}`);
    return `CREATE REL TABLE IF NOT EXISTS ${k.kind}(${[...ends, ...columns].join(', ')})`;
  });
  return [...nodeTables, ...relTables];
}
