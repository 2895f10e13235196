/**
 * Where the Cypher of LadybugDB and Neo4j differ, in one place. Labels and relationship types
 * passed here come only from the domain schema's allowlist; values always travel as parameters.
 */
import { TLP_LEVELS, type Tlp } from '../model/markings.ts';
import type { StorageType } from '../model/storage-types.ts';

export interface Dialect {
  readonly name: 'ladybug' | 'neo4j';
  /** An expression that reads a parameter as the property's storage type. */
  cast(expression: string, type: StorageType): string;
  /** Encodes a value for `cast` to read back (see the Ladybug note below). */
  encode(value: unknown, type: StorageType): unknown;
  /** A predicate: the node variable has one of the labels in the list parameter. */
  hasLabelIn(variable: string, listParam: string): string;
  /** The label (node) or type (relationship) of a variable. */
  kindOf(variable: string, of: 'node' | 'rel'): string;
  /**
   * A MATCH clause binding `pathVar` to every shortest path between two already-bound nodes.
   * Both engines need the hop bound as a literal, so it is a checked integer.
   *
   * `visible` (the markings a reader may see, or 'all') is a filter of the path search itself, so
   * the paths found are the shortest among those through visible nodes and links only, not the
   * shortest overall with the withheld ones dropped afterwards. On Neo4j it reads `$visible`, which
   * the caller passes; LadybugDB's recursive-pattern filter takes no parameters, so the markings
   * are written in as literals (checked against the TLP list: nothing of the caller's reaches the text).
   */
  allShortestPaths(
    pathVar: string,
    from: string,
    to: string,
    relTypes: readonly string[],
    maxHops: number,
    visible: readonly Tlp[] | 'all',
  ): string;
}

function relTypeList(relTypes: readonly string[]): string {
  return relTypes.length > 0 ? `:${relTypes.join('|')}` : '';
}

/** `['CLEAR','GREEN']` as a Cypher list literal, each item one of the TLP levels. */
function tlpListLiteral(visible: readonly Tlp[]): string {
  for (const tlp of visible)
    if (!(TLP_LEVELS as readonly string[]).includes(tlp)) throw new RangeError(`not a TLP: ${tlp}`);
  return `[${visible.map((t) => `'${t}'`).join(', ')}]`;
}

function checkedHops(maxHops: number): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 10) throw new RangeError('maxHops must be 1..10');
  return maxHops;
}

/**
 * LadybugDB infers a list parameter's struct type from its values: a field that is null in every
 * row is typed STRING, and a list mixing 1 and 2.5 corrupts the 1. So numbers travel as strings
 * and every property is CAST to its declared type.
 */
export const ladybugDialect: Dialect = {
  name: 'ladybug',
  cast: (expression, type) => `CAST(${expression} AS ${type})`,
  encode: (value, type) =>
    value === null || value === undefined ? null : type === 'INT64' || type === 'DOUBLE' ? String(value) : value,
  hasLabelIn: (variable, listParam) => `label(${variable}) IN $${listParam}`,
  kindOf: (variable) => `label(${variable})`,
  allShortestPaths: (pathVar, from, to, relTypes, maxHops, visible) => {
    const list = visible === 'all' ? '' : tlpListLiteral(visible);
    const filter = visible === 'all' ? '' : ` (r, n | WHERE r.tlp IN ${list} AND n.tlp IN ${list})`;
    return `MATCH ${pathVar} = (${from})-[${relTypeList(relTypes)}* ALL SHORTEST 1..${checkedHops(maxHops)}${filter}]-(${to})`;
  },
};

const neo4jCasts: Record<StorageType, (e: string) => string> = {
  STRING: (e) => e,
  'STRING[]': (e) => e,
  BOOLEAN: (e) => e,
  INT64: (e) => `toInteger(${e})`,
  DOUBLE: (e) => `toFloat(${e})`,
  DATE: (e) => `date(${e})`,
};

export const neo4jDialect: Dialect = {
  name: 'neo4j',
  cast: (expression, type) => neo4jCasts[type](expression),
  encode: (value) => (value === undefined ? null : value),
  hasLabelIn: (variable, listParam) => `any(l IN labels(${variable}) WHERE l IN $${listParam})`,
  kindOf: (variable, of) => (of === 'node' ? `labels(${variable})[0]` : `type(${variable})`),
  // WHERE directly on the MATCH: Neo4j keeps to the predicate while it searches (falling back to
  // an exhaustive search when it must), so a path through a withheld node is never a shortest one.
  allShortestPaths: (pathVar, from, to, relTypes, maxHops, visible) =>
    `MATCH ${pathVar} = allShortestPaths((${from})-[${relTypeList(relTypes)}*..${checkedHops(maxHops)}]-(${to}))` +
    (visible === 'all'
      ? ''
      : ` WHERE all(x IN nodes(${pathVar}) WHERE x.tlp IN $visible) AND all(x IN relationships(${pathVar}) WHERE x.tlp IN $visible)`),
};
