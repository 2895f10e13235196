/**
 * The GEXF writer's XML text (xml-text.ts): escaping, the pretty-printed layout, and a file that
 * XML readers take back whatever the labels hold — including text that looks like an entity,
 * which the xmlbuilder2 DOM used to write unescaped.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { writeGexf } from '../../server/export/formats/gexf.ts';
import { XmlText, escapeAttribute, escapeText } from '../../server/export/formats/xml-text.ts';
import type { Manifest } from '../../server/export/manifest.ts';
import { NO_NOTES } from '../../server/export/notes.ts';
import type { SerializedGraph } from '../../server/store/types.ts';

describe('XML text', () => {
  it('escapes every &, <, > and " in attributes, and &, <, > in text', () => {
    expect(escapeAttribute('R&D; &amp; <a> "q" \'s')).toBe("R&amp;D; &amp;amp; &lt;a&gt; &quot;q&quot; 's");
    expect(escapeText('R&D; &#10; <b> "q"')).toBe('R&amp;D; &amp;#10; &lt;b&gt; "q"');
  });

  it('indents two spaces a level, closes an empty element as <x/>, keeps text on its line', () => {
    const xml = new XmlText()
      .start('a', { x: '1', skipped: undefined })
      .start('empty')
      .close()
      .text('t', 'one & two', { lang: 'en' })
      .start('b')
      .leaf('c', { y: '<' })
      .end();
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<a x="1">',
        '  <empty/>',
        '  <t lang="en">one &amp; two</t>',
        '  <b>',
        '    <c y="&lt;"/>',
        '  </b>',
        '</a>',
      ].join('\n'),
    );
  });

  it('writes a comment on its own line, `--` (which XML forbids in one) split', () => {
    const xml = new XmlText().start('a').comment(' v 1--2 & <x> -').leaf('b').end();
    expect(xml).toBe(
      ['<?xml version="1.0" encoding="UTF-8"?>', '<a>', '  <!-- v 1- -2 & <x> - -->', '  <b/>', '</a>'].join('\n'),
    );
  });

  it('refuses a close without an open element', () => {
    expect(() => new XmlText().close()).toThrow(/close/);
  });
});

describe('GEXF writer', () => {
  const hostile = ['R&D;', '&amp; Co', 'a < b > c', 'say "hi"', '&#65;', 'Smith, John'];
  const graph: SerializedGraph = {
    nodes: hostile.map((name, i) => ({
      key: `centre:n${i}`,
      attributes: { kind: 'Centre', id: `centre:n${i}`, label: name, name, tlp: 'CLEAR', aliases: [name, 'x'] },
    })),
    edges: [
      {
        key: 'e1',
        source: 'centre:n0',
        target: 'centre:n1',
        attributes: { kind: 'LOCATED_IN', id: 'e1', tlp: 'CLEAR' },
      },
    ],
  } as unknown as SerializedGraph;
  const manifest = {
    tool: { name: 'scamnet', version: '0' },
    title: 'R&D; <briefing>',
    format: 'gexf',
    exportedAt: '2026-01-01T00:00:00.000Z',
    exportedBy: 'analyst & co',
    selection: { kind: 'ids', ids: [] },
    store: { backend: 'embedded' },
    dataVersion: 'sha256:0',
    highestTlp: 'CLEAR',
    recipientTlp: null,
    withheld: { nodes: 0, links: 0 },
    counts: { nodes: hostile.length, links: 1 },
  } as unknown as Manifest;

  it('reads back every label, list item and the manifest as written, whatever they hold', () => {
    const file = writeGexf({
      graph,
      manifest,
      positions: () => new Map(),
      groups: [{ id: 'group:1', label: 'G & H', members: ['centre:n0', 'centre:n1'] }],
      sources: async () => [],
      notes: NO_NOTES,
    });
    const g = parseGexf(MultiDirectedGraph, (file.body as Buffer).toString());
    hostile.forEach((name, i) => {
      expect(g.getNodeAttribute(`centre:n${i}`, 'label')).toBe(name);
      expect(g.getNodeAttribute(`centre:n${i}`, 'name')).toBe(name);
      expect(g.getNodeAttribute(`centre:n${i}`, 'aliases')).toEqual([name, 'x']);
    });
    expect(g.getNodeAttribute('group:1', 'label')).toBe('G & H');
    expect(g.getAttributes().description).toContain('"title":"R&D; <briefing>"');
    expect(g.source('e1')).toBe('centre:n0');
  });
});
