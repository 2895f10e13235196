/**
 * The saved query library in cypher/ as server/queries/library.ts loads it: every query has a
 * text for both stores and a complete header, and the texts keep to the shared dialect.
 */
import { describe, expect, it } from 'vitest';
import { library, GRAPH_COLUMNS, WITH_LADYBUG_VARIANT, query, LINK_KINDS } from '../../support/query-library.ts';

describe('the library', () => {
  it('holds at least 16 queries, each with a text for both stores and a complete header', () => {
    expect(library.length).toBeGreaterThanOrEqual(16);
    expect(library.map((q) => q.name).sort()).toEqual(Object.keys(GRAPH_COLUMNS).sort());
    for (const q of library) {
      expect(q.texts.ladybug.length, q.name).toBeGreaterThan(0);
      expect(q.texts.neo4j.length, q.name).toBeGreaterThan(0);
      for (const field of [q.title, q.description, q.returns]) expect(field.length, q.name).toBeGreaterThan(10);
      for (const p of q.params) expect(p.description.length, `${q.name} ${p.name}`).toBeGreaterThan(0);
    }
  });

  it('has store-specific texts only where the dialects differ', () => {
    expect(library.filter((q) => q.variants.length > 0).map((q) => q.name)).toEqual(WITH_LADYBUG_VARIANT);
    for (const q of library) {
      expect(q.variants, q.name).toEqual(WITH_LADYBUG_VARIANT.includes(q.name) ? ['ladybug'] : []);
      // The shared text must not lean on either dialect.
      if (q.variants.length === 0)
        expect(q.texts.neo4j, q.name).not.toMatch(/\blabels?\(|\btype\(|list_|ALL SHORTEST|allShortestPaths/);
    }
    for (const name of WITH_LADYBUG_VARIANT) {
      expect(query(name).texts.ladybug, name).not.toMatch(/\blabels\(|\btype\(|allShortestPaths|relationships\(/);
      expect(query(name).texts.neo4j, name).not.toMatch(/\blabel\(|list_|ALL SHORTEST|\brels\(/);
    }
  });

  it('bounds every variable-length pattern', () => {
    for (const q of library) {
      for (const text of Object.values(q.texts)) {
        for (const [pattern] of text.matchAll(/\[[^\]]*\*[^\]]*\]/g))
          // an upper bound, then at most LadybugDB's recursive-pattern filter `(e, m | WHERE …)`
          expect(pattern, q.name).toMatch(/\.\.\s*\d+(\s*\([^)]*\))?\s*\]$/);
      }
    }
  });

  it('follows every relationship kind but REPORTED_IN in path searches', () => {
    for (const name of ['shortest-connection', 'notice-links']) {
      for (const text of Object.values(query(name).texts)) {
        const lists = [...text.matchAll(/\[:([A-Z_|]+)\*/g)].map((m) => m[1]!.split('|').sort());
        expect(lists, name).toEqual([[...LINK_KINDS].sort()]);
      }
    }
  });
});
