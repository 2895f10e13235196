/**
 * The one builder of the fixtures' records. Each fixture file keeps its own defaults (they differ
 * on purpose: graded B2 here, A1 there, synthetic in the copy tests), so the builder takes them as
 * arguments and returns a function that applies overrides. Key order is the defaults' order, an
 * override keeping its key's place: the export tests hash the records as written.
 */

/**
 * A provenance builder with these defaults: `prov()` gives the defaults, `prov({ grade: 'C3' })`
 * one changed. An override left `undefined` keeps the default, as a destructuring default would.
 * Each call gets its own copy of the defaults (no array shared between records).
 */
export function provWith<D extends object>(defaults: D): (overrides?: Partial<D>) => D {
  return (overrides = {}) => {
    const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
    return { ...structuredClone(defaults), ...given } as D;
  };
}

/**
 * A Country record: kind, id (`country:<iso2>`), name, iso2 and iso3 first, then `fields` in their
 * order (region, hub region, provenance: whatever the fixture writes).
 */
export function country<F extends object>(iso2: string, iso3: string, name: string, fields: F) {
  return { kind: 'Country', id: `country:${iso2}`, name, iso2, iso3, ...fields };
}
