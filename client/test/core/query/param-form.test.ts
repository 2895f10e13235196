/**
 * The web client core, run in node: the query parameter form of client/src/core/query/param-form.ts.
 */
import { describe, expect, it } from 'vitest';
import { cellText, initialValues, toParams } from '../../../src/core/query/param-form.ts';
import type { ParamSpec } from '../../../src/api/client.ts';

describe('query parameter form', () => {
  const params: ParamSpec[] = [
    { name: 'country', type: 'id', required: true, description: '' },
    { name: 'depth', type: 'integer', required: false, default: 2, description: '' },
    { name: 'share', type: 'number', required: false, default: 0.5, description: '' },
    { name: 'synthetic', type: 'boolean', required: false, default: false, description: '' },
    { name: 'kinds', type: 'list<string>', required: false, default: ['Centre', 'Country'], description: '' },
    { name: 'years', type: 'list<integer>', required: false, description: '' },
    { name: 'since', type: 'date', required: false, default: null, description: '' },
  ];

  it('fills the form from defaults, presets first', () => {
    expect(initialValues(params)).toEqual({
      country: '',
      depth: '2',
      share: '0.5',
      synthetic: 'false',
      kinds: 'Centre, Country',
      years: '',
      since: '',
    });
    expect(initialValues(params, { country: 'country:KE', depth: '4', stray: 'x' })).toMatchObject({
      country: 'country:KE',
      depth: '4',
    });
    expect(initialValues(params, { country: 'country:KE' })).not.toHaveProperty('stray');
  });

  it('converts the text to the declared types', () => {
    expect(
      toParams(params, {
        country: 'country:KE',
        depth: '3',
        share: '0.25',
        synthetic: 'true',
        kinds: 'Centre, Route,, ',
        years: '2023, 2024',
        since: '2024-01-01',
      }),
    ).toEqual({
      country: 'country:KE',
      depth: 3,
      share: 0.25,
      synthetic: true,
      kinds: ['Centre', 'Route'],
      years: [2023, 2024],
      since: '2024-01-01',
    });
    expect(toParams(params, { country: 'x', synthetic: 'false' }).synthetic).toBe(false);
  });

  it('leaves empty optional fields out, and keeps an empty required one for the server to refuse', () => {
    expect(toParams(params, initialValues(params))).toEqual({
      country: '',
      depth: 2,
      share: 0.5,
      synthetic: false,
      kinds: ['Centre', 'Country'],
    });
    expect(toParams(params, { country: 'country:KE', depth: '  ', years: '' })).toEqual({ country: 'country:KE' });
  });

  it('passes text that is not of the type unchanged, so the server names the mistake', () => {
    expect(toParams(params, { country: 'c', depth: 'two', synthetic: 'yes', years: '2023, soon' })).toEqual({
      country: 'c',
      depth: 'two',
      synthetic: 'yes',
      years: [2023, 'soon'],
    });
  });

  it('shows node and link references by their label, else their kind', () => {
    expect(cellText({ $type: 'node', key: 'centre:alpha', kind: 'Centre', label: 'Alpha Compound' })).toBe(
      'Alpha Compound',
    );
    expect(cellText({ $type: 'edge', key: 'e1', kind: 'TRAFFICKED_TO' })).toBe('TRAFFICKED_TO');
    expect(cellText({ $type: 'node', key: 'centre:alpha' })).toBe('centre:alpha');
    expect(
      cellText([
        { $type: 'node', key: 'country:KE', kind: 'Country', label: 'Kenya' },
        { $type: 'node', key: 'centre:alpha', kind: 'Centre', label: 'Alpha Compound' },
      ]),
    ).toBe('Kenya, Alpha Compound');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(30)).toBe('30');
    expect(cellText(false)).toBe('false');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
