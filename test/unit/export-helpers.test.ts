/** The export's small rules, one by one: file names, text cleaning, CSV cells, Cypher literals, markings, grades. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../server/export/clean-text.ts';
import { exportFileName } from '../../server/export/file-name.ts';
import { anxItemId, colorref, strengthOf } from '../../server/export/formats/anx.ts';
import { neutraliseCell } from '../../server/export/formats/csv.ts';
import { cypherString, cypherValue } from '../../server/export/formats/cypher.ts';
import { graphmlId } from '../../server/export/formats/graphml.ts';
import { dataVersion } from '../../server/export/manifest.ts';
import { filterByTlp, highestTlp } from '../../server/export/tlp-filter.ts';
import type { SerializedGraph } from '../../server/store/types.ts';

const day = new Date('2025-07-01T12:00:00Z');

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd-2025-07-01.gexf'],
    ['Briefing: Namibia centre (2-hop)', 'Briefing-Namibia-centre-2-hop-2025-07-01.gexf'],
    ['Bêta Zone', 'Beta-Zone-2025-07-01.gexf'],
    ['..', 'scamnet-export-2025-07-01.gexf'],
    ['C:\\Windows\\system32\\con', 'C-Windows-system32-con-2025-07-01.gexf'],
    ['\u202Egnp.exe\u0000', 'gnp.exe-2025-07-01.gexf'],
    [undefined, 'scamnet-export-2025-07-01.gexf'],
  ])('%j becomes %s', (title, name) => {
    expect(exportFileName(title, day, 'gexf')).toBe(name);
  });

  it('keeps names short', () => {
    expect(exportFileName('x'.repeat(500), day, 'pdf').length).toBeLessThanOrEqual(80 + '-2025-07-01.pdf'.length);
  });
});

describe('text cleaning', () => {
  it('removes control, bidi and zero-width characters and lone surrogates, keeping line breaks and real text', () => {
    expect(cleanText('a\u0000b\u0007c\u202Ed\u200Be\uFEFFf')).toBe('abcdef');
    expect(cleanText('line\nnext\ttab')).toBe('line\nnext\ttab');
    expect(cleanText('Bêta 北京 🐯')).toBe('Bêta 北京 🐯');
    expect(cleanText('bad \uD800 half')).toBe('bad \uFFFD half');
  });
});

describe('CSV cells', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '  =1', '\r=1'])(
    'neutralises %j',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    },
  );
  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Alpha Compound')).toBe('Alpha Compound');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('Cypher literals', () => {
  it('escapes quotes, backslashes and line breaks', () => {
    expect(cypherString(`it's "x" \\ end\nnext`)).toBe(`'it\\'s \\"x\\" \\\\ end\\nnext'`);
    expect(cypherString("'}) DETACH DELETE n //")).toBe("'\\'}) DETACH DELETE n //'");
  });
  it('types values by the schema', () => {
    expect(cypherValue('firstSeen', '2024-03-01')).toBe("date('2024-03-01')");
    expect(cypherValue('workforce', 40)).toBe('40');
    expect(cypherValue('victimShare', 1)).toBe('1.0');
    expect(cypherValue('synthetic', true)).toBe('true');
    expect(cypherValue('sourceIds', ['source:a', "o'b"])).toBe("['source:a', 'o\\'b']");
    expect(cypherValue('workforce', Number.NaN)).toBeUndefined();
  });
});

describe('handling markings', () => {
  const graph: SerializedGraph = {
    nodes: [
      { key: 'a', attributes: { kind: 'Centre', label: 'A', tlp: 'GREEN' } },
      { key: 'b', attributes: { kind: 'Centre', label: 'B', tlp: 'RED' } },
      { key: 'c', attributes: { kind: 'Centre', label: 'C', tlp: 'AMBER+STRICT' } },
      { key: 'd', attributes: { kind: 'Centre', label: 'D' } },
    ],
    edges: [
      { key: 'ab', source: 'a', target: 'b', attributes: { kind: 'X', tlp: 'CLEAR' } },
      { key: 'ac', source: 'a', target: 'c', attributes: { kind: 'X', tlp: 'AMBER' } },
      { key: 'ca', source: 'c', target: 'a', attributes: { kind: 'X', tlp: 'RED' } },
    ],
  };
  it('withholds items above the level, links with a withheld end, and unmarked items as RED', () => {
    const amberStrict = filterByTlp(graph, 'AMBER+STRICT');
    expect(amberStrict.graph.nodes.map((n) => n.key)).toEqual(['a', 'c']);
    expect(amberStrict.graph.edges.map((e) => e.key)).toEqual(['ac']);
    expect(amberStrict.withheld).toEqual({ nodes: 2, links: 2 });
    expect(filterByTlp(graph, 'GREEN').withheld).toEqual({ nodes: 3, links: 3 });
    expect(filterByTlp(graph, 'RED').withheld).toEqual({ nodes: 0, links: 0 });
    expect(highestTlp(amberStrict.graph)).toBe('AMBER+STRICT');
    expect(highestTlp({ nodes: [], edges: [] })).toBe('CLEAR');
  });
  it('hashes the data, not its order', () => {
    const reversed = { nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    expect(dataVersion(reversed)).toBe(dataVersion(graph));
    expect(dataVersion(filterByTlp(graph, 'GREEN').graph)).not.toBe(dataVersion(graph));
  });
});

describe('i2 mapping', () => {
  it('maps credibility to link strength and colours to COLORREF', () => {
    expect(['A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'junk'].map(strengthOf)).toEqual([
      'Confirmed',
      'Confirmed',
      'Unconfirmed',
      'Unconfirmed',
      'Tentative',
      'Tentative',
      'Tentative',
    ]);
    expect(colorref('#ff0000')).toBe(255);
    expect(colorref('#0000ff')).toBe(16711680);
  });
});

describe('XML ids for GraphML (NMTOKEN) and ANX (NCName)', () => {
  const decode = (s: string) =>
    s.replace(/_x([0-9A-F]{4,6})_/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
  const IDS = [
    'centre:na-2024-01',
    'facilitator:../../etc/passwd',
    'centre:x>country:y',
    'a_x0041_b',
    'org:ÿ€😀',
    '1starts-with-digit',
  ];

  it('encodes every id reversibly, keeping plain ids readable', () => {
    expect(graphmlId('centre:na-2024-01')).toBe('centre:na-2024-01');
    for (const id of IDS) {
      expect(graphmlId(id)).toMatch(/^[A-Za-z0-9.:_-]+$/);
      expect(decode(graphmlId(id)), id).toBe(id);
      const anx = anxItemId('N', id);
      expect(anx).toMatch(/^N_[A-Za-z0-9._-]+$/);
      expect(decode(anx.slice(2)), id).toBe(id);
    }
    expect(new Set(IDS.map(graphmlId)).size).toBe(IDS.length);
  });
});
