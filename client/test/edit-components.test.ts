/**
 * The editing components rendered to HTML (react-dom/server, no browser): the write controls are
 * off with the reason for an account without graph:write, each property type gets its input, the
 * required ones are marked, and a cited excerpt is quoted. test/e2e/editing.browser.test.ts runs
 * them wired together against the real server.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AddEntityButton } from '../src/components/edit/AddEntityButton.tsx';
import { EditActions } from '../src/components/edit/EditActions.tsx';
import { PropertyField } from '../src/components/edit/PropertyField.tsx';
import { SourceList } from '../src/components/edit/SourceList.tsx';
import { LinkModeHint } from '../src/components/edit/LinkModeHint.tsx';
import type { FieldSpec } from '../src/core/edit/form-model.ts';

const noop = () => undefined;
const REASON = 'Needs the graph:write permission (your role, viewer, does not have it)';
const html = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el);

describe('write controls', () => {
  it('Add entity is off for a viewer, the reason as its tooltip; on otherwise', () => {
    const off = html(createElement(AddEntityButton, { denied: REASON, onAdd: noop }));
    expect(off).toContain('disabled=""');
    expect(off).toContain(`title="${REASON}"`);
    expect(html(createElement(AddEntityButton, { denied: null, onAdd: noop }))).not.toContain('disabled');
  });

  it('Edit, Link from here and Delete are off for a viewer; History stays on', () => {
    const props = {
      entity: 'node' as const,
      id: 'centre:x',
      label: 'X',
      version: 0,
      onEdit: noop,
      onLinkFrom: noop,
      onDeleted: noop,
      onRestored: noop,
      onError: noop,
    };
    const off = html(createElement(EditActions, { ...props, writeDenied: REASON }));
    const buttons = [...off.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((m) => [
      m[2],
      m[1]!.includes('disabled'),
    ]);
    expect(buttons).toEqual([
      ['Edit', true],
      ['Link from here', true],
      ['Delete', true],
      ['History', false],
    ]);
    const on = html(createElement(EditActions, { ...props, writeDenied: null }));
    expect(on).not.toContain('disabled');
    // a link has no "Link from here"
    const link = html(
      createElement(EditActions, { ...props, entity: 'relationship', onLinkFrom: undefined, writeDenied: null }),
    );
    expect(link).not.toContain('Link from here');
  });
});

describe('property fields', () => {
  const render = (field: FieldSpec, value: string | boolean | string[] = '', errors?: string[]) =>
    html(createElement(PropertyField, { field, value, errors, onChange: noop }));

  it('gives each type its input', () => {
    const select = render(
      { name: 'status', widget: 'select', required: true, options: ['active', 'raided'] },
      'raided',
    );
    expect(select).toContain('<select');
    expect(select).toMatch(/<option value="raided" selected="">raided<\/option>/);
    expect(render({ name: 'workforce', widget: 'integer', required: false })).toContain('type="number" step="1"');
    expect(render({ name: 'share', widget: 'number', required: false })).toContain('step="any"');
    expect(render({ name: 'date', widget: 'date', required: false })).toContain('type="date"');
    expect(render({ name: 'flag', widget: 'boolean', required: false }, true)).toContain('type="checkbox"');
    expect(render({ name: 'description', widget: 'longtext', required: false })).toContain('<textarea');
    const chips = render({ name: 'aliases', widget: 'list', required: false }, ['KK', 'Park 2']);
    expect(chips.match(/class="chip"/g)).toHaveLength(2);
  });

  it('marks the required ones and shows the complaint under the field', () => {
    expect(render({ name: 'name', widget: 'text', required: true })).toContain('class="required"');
    expect(render({ name: 'city', widget: 'text', required: false })).not.toContain('class="required"');
    const invalid = render({ name: 'iso2', widget: 'text', required: true }, 'ATL', ['Too big: expected 2 characters']);
    expect(invalid).toContain('aria-invalid="true"');
    expect(invalid).toContain('Too big: expected 2 characters');
  });
});

describe('provenance in the details', () => {
  it('quotes the cited excerpt and offers to read a source that has a document', () => {
    const out = html(
      createElement(SourceList, {
        sources: [
          { id: 'source:a', name: 'Report A', publisher: 'UNODC', published: '2024', file: 'a.txt', url: null },
          { id: 'source:b', name: 'Note B', publisher: null, published: null, file: null, url: 'REF/7' },
        ],
        excerpt: 'over 1,000 freed',
        onRead: noop,
      }),
    );
    expect(out).toContain('<blockquote class="excerpt"');
    expect(out).toContain('over 1,000 freed');
    expect(out).toContain('aria-label="Read Report A"');
    expect(out).not.toContain('Read Note B');
    expect(out).toContain('REF/7');
  });

  it('says how to leave the link-drawing mode', () => {
    const out = html(
      createElement(LinkModeHint, { from: { id: 'country:NA', kind: 'Country', label: 'Namibia' }, onCancel: noop }),
    );
    expect(out).toContain('Namibia');
    expect(out).toContain('Esc');
  });
});
