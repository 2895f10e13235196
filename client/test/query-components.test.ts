/**
 * The queries panel's parts rendered to HTML with react-dom/server, from the props the panel
 * gives them: an id parameter is a combobox (the entity picker), the others text fields; the save
 * form lists the detected parameters with their guessed types and kinds.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParamFields } from '../src/components/ParamFields.tsx';
import { SaveQueryForm } from '../src/components/SaveQueryForm.tsx';
import { detectParams } from '../src/core/query/cypher-params.ts';

const noop = () => undefined;
const text = 'MATCH (c:Centre {id: $centre}) WHERE c.status = $status RETURN c LIMIT $limit';

describe('the queries panel’s parts', () => {
  it('gives an id parameter a picker showing the entity picked, and the others text fields', () => {
    const html = renderToStaticMarkup(
      createElement(ParamFields, {
        params: detectParams(text),
        form: {
          values: { centre: 'centre:a', status: 'raided', limit: '5' },
          picked: { centre: { id: 'centre:a', label: 'Alpha' } },
        },
        onChange: noop,
        onError: noop,
      }),
    );
    expect(html).toMatch(/role="combobox"[^>]*aria-label="centre"[^>]*data-picked="centre:a"[^>]*value="Alpha"/);
    expect(html).toContain('(id of Centre, required)');
    expect(html).toContain('type a scam centre&#x27;s name, or paste an id');
    expect(html).toMatch(/<input aria-label="status"[^>]*value="raided"/);
    expect(html.match(/role="combobox"/g)).toHaveLength(1);
  });

  it('lists the detected parameters in the save form, and says when the save is a new version', () => {
    const props = {
      draft: { name: 'by-centre', title: 'By centre', description: '', update: false },
      params: detectParams(text),
      ownNames: ['by-centre'],
      busy: false,
      onDraft: noop,
      onParam: noop,
      onSave: noop,
      onCancel: noop,
    };
    const html = renderToStaticMarkup(createElement(SaveQueryForm, props));
    expect(html.match(/<tr data-param="(\w+)"/g)).toEqual([
      '<tr data-param="centre"',
      '<tr data-param="status"',
      '<tr data-param="limit"',
    ]);
    expect(html).toMatch(/aria-label="Type of centre"[^]*?<option selected="">id<\/option>/);
    expect(html).toMatch(/aria-label="Kind of centre"[^]*?<option selected="">Centre<\/option>/);
    expect(html).toMatch(/aria-label="Type of limit"[^]*?<option selected="">integer<\/option>/);
    expect(html).toContain('Save query');
    const again = renderToStaticMarkup(
      createElement(SaveQueryForm, { ...props, draft: { ...props.draft, update: true } }),
    );
    expect(again).toContain('Save a new version of by-centre');
  });
});
