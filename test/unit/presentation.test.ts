/**
 * The domain's presentation and markings in the zod-free model modules, and that the client and
 * the export writers use them: one style table per kind, one grade order, one TLP list, one
 * weakest-grade rule, relationship weights from the model.
 */
import { describe, expect, it } from 'vitest';
import * as clientMarkings from '../../client/src/core/filters/markings.ts';
import { edgeWeight, edgeWidth, nodeStyle as clientNodeStyle } from '../../client/src/core/style/palette.ts';
import { kindColour, edgeColour as exportEdgeColour, KIND_COLOURS, splitGrade } from '../../server/export/style.ts';
import { NODE_KIND_NAMES, REL_KIND_NAMES, REL_WEIGHT } from '../../server/model/kinds.ts';
import { GRADES, gradeMeets, gradeRank, TLP_LEVELS, weakestGrade } from '../../server/model/markings.ts';
import { EDGE_COLOUR, NODE_STYLE, nodeStyle } from '../../server/model/presentation.ts';
import * as provenance from '../../server/model/provenance.ts';
import { NODE_KINDS, REL_KINDS } from '../../server/model/schema.ts';

describe('kind lists', () => {
  it('the plain lists name exactly the kinds the schemas define, in the same order', () => {
    expect(NODE_KIND_NAMES).toEqual(NODE_KINDS.map((k) => k.kind));
    expect(REL_KIND_NAMES).toEqual(REL_KINDS.map((k) => k.kind));
  });

  it('each relationship weight is a numeric property of its kind', () => {
    for (const def of REL_KINDS) {
      const key = REL_WEIGHT[def.kind];
      if (key !== null) expect(Object.keys(def.schema.shape)).toContain(key);
    }
  });
});

describe('presentation', () => {
  it('styles every node and relationship kind, and the client and exports draw with it', () => {
    for (const kind of NODE_KIND_NAMES) {
      expect(NODE_STYLE[kind].colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(clientNodeStyle(kind)).toEqual(NODE_STYLE[kind]);
      expect(kindColour(kind)).toBe(NODE_STYLE[kind].colour);
      expect(KIND_COLOURS[kind]).toBe(NODE_STYLE[kind].colour);
    }
    for (const kind of REL_KIND_NAMES) expect(exportEdgeColour(kind)).toBe(EDGE_COLOUR[kind]);
    expect(nodeStyle('Stranger').label).toBe('Stranger');
    expect(nodeStyle('toString').label).toBe('toString'); // not a prototype property
    expect(exportEdgeColour('constructor')).toBe('#b0b7c3');
  });

  it('weighs an edge by the property the model names for its kind: victims, recruits, shipments', () => {
    expect(edgeWeight({ kind: 'TRAFFICKED_TO', victims: 120 })).toBe(120);
    expect(edgeWeight({ kind: 'RECRUITS_FOR', recruits: 40 })).toBe(40);
    expect(edgeWidth({ kind: 'RECRUITS_FOR', recruits: 40 })).toBeGreaterThan(1);
    expect(edgeWeight({ kind: 'CARRIES', shipments: 3 })).toBe(3);
    // no relationship has a count or weight; another kind's property is not this kind's weight
    expect(edgeWeight({ kind: 'LOCATED_IN', count: 9, weight: 9 })).toBe(0);
    expect(edgeWeight({ kind: 'CARRIES', victims: 9 })).toBe(0);
    expect(edgeWeight({ kind: 'RECRUITS_FOR', recruits: null })).toBe(0);
    expect(edgeWidth({ kind: 'LOCATED_IN' })).toBe(1);
  });
});

describe('one grade order', () => {
  it('lists grades strongest first, letter before digit', () => {
    expect(GRADES).toHaveLength(36);
    expect(GRADES.map(gradeRank)).toEqual(GRADES.map((_, i) => i));
    expect(gradeRank('B6')).toBeLessThan(gradeRank('C1'));
  });

  it('the client grade filter agrees with the server weakest grade for every pair', () => {
    for (const a of GRADES)
      for (const b of GRADES) expect(clientMarkings.gradeMeets(a, b)).toBe(weakestGrade([a, b]) === b);
    // the case that drifted: the filter held back B4 at "min C3" while weak-links called B4 stronger
    expect(clientMarkings.gradeMeets('B4', 'C3')).toBe(true);
    expect(weakestGrade(['B4', 'C3'])).toBe('C3');
  });

  it('server and client share the same functions and TLP list', () => {
    expect(clientMarkings.gradeMeets).toBe(gradeMeets);
    expect(clientMarkings.weakestGrade).toBe(provenance.weakestGrade);
    expect(clientMarkings.gradeRank).toBe(provenance.gradeRank);
    expect(clientMarkings.TLP_LEVELS).toBe(provenance.TLP_LEVELS);
    expect(clientMarkings.TLP_LEVELS).toBe(TLP_LEVELS);
    expect(clientMarkings.tlpRank).toBe(provenance.tlpRank);
  });

  it('splits a grade into its halves for the exports', () => {
    expect(splitGrade('C4')).toEqual({ reliability: 'C', credibility: 4 });
    expect(splitGrade('G1')).toBeNull();
  });
});
