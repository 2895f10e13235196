/**
 * The web client core, run in node: markings: grades (Admiralty) and TLP, from client/src/core/filters/markings.ts.
 */
import { describe, expect, it } from 'vitest';
import { gradeMeets, parseGrade, tlpRank, weakestGrade } from '../../../src/core/filters/markings.ts';

describe('markings', () => {
  it('ranks TLP levels from CLEAR to RED, an unknown or missing marking as the most restricted', () => {
    expect(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'].map(tlpRank)).toEqual([0, 1, 2, 3, 4]);
    expect(tlpRank(undefined)).toBe(4);
    expect(tlpRank('amber')).toBe(4);
    expect(tlpRank('WHITE')).toBe(4);
  });

  it('parses a grade into its two scales and refuses anything else', () => {
    expect(parseGrade('A1')).toEqual({ reliability: 0, credibility: 0 });
    expect(parseGrade('C4')).toEqual({ reliability: 2, credibility: 3 });
    expect(parseGrade('F6')).toEqual({ reliability: 5, credibility: 5 });
    for (const bad of ['G1', 'A7', 'A0', 'a1', 'A1 ', 'AA1', '', null, undefined, 11])
      expect(parseGrade(bad)).toBeNull();
  });

  it('meets a minimum in the one grade order, reliability letter first, then credibility digit', () => {
    expect(gradeMeets('B2', 'C3')).toBe(true);
    expect(gradeMeets('C3', 'C3')).toBe(true);
    expect(gradeMeets('A4', 'C3')).toBe(true); // the better source ranks first, as weak-links ranks it
    expect(gradeMeets('B4', 'C3')).toBe(true);
    expect(gradeMeets('C4', 'C3')).toBe(false); // same source, weaker information
    expect(gradeMeets('D1', 'C3')).toBe(false); // weak source, confirmed information
    expect(gradeMeets(undefined, 'C3')).toBe(false); // ungraded fails
    expect(gradeMeets('Z9', 'F6')).toBe(false);
    expect(gradeMeets('F6', 'not a grade')).toBe(true); // no usable minimum: nothing is held back
  });

  it('takes the weakest grade in the same order as the server', () => {
    expect(weakestGrade(['A1', 'C2', 'B4'])).toBe('C2');
    expect(weakestGrade(['B2'])).toBe('B2');
    expect(weakestGrade([])).toBeNull();
    expect(weakestGrade(['A1', undefined])).toBe('A1'); // as the server's path search: non-grades are skipped
  });
});
