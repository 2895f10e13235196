/** The web client core, run in node: the entity picker's logic (core/query/entity-picker.ts). */
import { describe, expect, it } from 'vitest';
import {
  fieldText,
  hitMeta,
  looksLikeId,
  nextActive,
  searchTerm,
  valueOfField,
} from '../../../src/core/query/entity-picker.ts';

describe('the entity picker of an id parameter', () => {
  it('takes a pasted id as it is and searches for anything else of two letters or more', () => {
    expect(looksLikeId('centre:na-2024-01')).toBe(true);
    expect(looksLikeId('  country:PH ')).toBe(true);
    for (const text of ['Namibia', 'centre: x', ':x', 'Centre:x', 'centre:', ''])
      expect(looksLikeId(text), text).toBe(false);
    expect(searchTerm(' nam ')).toBe('nam');
    expect(searchTerm('n')).toBeNull();
    expect(searchTerm('centre:na-2024-01')).toBeNull();
  });

  it('sends the picked id while the field shows its label, else the text typed', () => {
    const picked = { id: 'centre:a', label: 'Alpha' };
    expect(valueOfField('Alpha', picked)).toBe('centre:a');
    expect(valueOfField('Alph', picked)).toBe('Alph');
    expect(valueOfField(' centre:b ', null)).toBe('centre:b');
    expect(fieldText('centre:a', picked)).toBe('Alpha');
    expect(fieldText('centre:b', picked)).toBe('centre:b');
    expect(fieldText('centre:b', null)).toBe('centre:b');
  });

  it('steps through the options with the arrow keys, wrapping, and jumps with Home and End', () => {
    expect(nextActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextActive(0, 3, 'ArrowDown')).toBe(1);
    expect(nextActive(2, 3, 'ArrowDown')).toBe(0);
    expect(nextActive(0, 3, 'ArrowUp')).toBe(2);
    expect(nextActive(2, 3, 'ArrowUp')).toBe(1);
    expect(nextActive(1, 3, 'Home')).toBe(0);
    expect(nextActive(1, 3, 'End')).toBe(2);
    expect(nextActive(1, 3, 'x')).toBe(1);
    expect(nextActive(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('says a hit’s kind and where it is', () => {
    expect(hitMeta({ countries: ['Cambodia', 'Myanmar'] }, 'Scam centre')).toBe('Scam centre · Cambodia, Myanmar');
    expect(hitMeta({ countries: [] }, 'Country')).toBe('Country');
  });
});
