/**
 * Reading import files without a store: encodings, CSV quirks of real spreadsheets, the JSON
 * shapes, row validation with file/line/column, and the merge rules.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../server/import/decode.ts';
import { readFiles } from '../../server/import/read-files.ts';
import { detectDelimiter } from '../../server/import/csv-reader.ts';
import { mergeRecord, sameRecord } from '../../server/import/merge.ts';
import { nodeProperties } from '../../server/model/schema.ts';
import { country as countryRecord } from '../support/fixtures.ts';

const file = (name: string, text: string | Buffer) => ({
  name,
  bytes: Buffer.isBuffer(text) ? text : Buffer.from(text),
});
const PROV = 'grade,tlp,sourceIds';

describe('decoding', () => {
  it('drops a byte-order mark and keeps the text', () => {
    expect(decodeText('a.csv', Buffer.from('\uFEFFid\n'))).toEqual({ ok: true, text: 'id\n' });
  });
  it('refuses a NUL byte with its line', () => {
    const out = decodeText('a.csv', Buffer.from('id\nx\n\0y\n'));
    expect(out).toMatchObject({ ok: false, issue: { file: 'a.csv', line: 3 } });
  });
  it('refuses invalid UTF-8 (Latin-1 é) with its line', () => {
    const bytes = Buffer.concat([Buffer.from('id,name\ncentre:a,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const out = decodeText('a.csv', bytes);
    expect(out).toMatchObject({ ok: false, issue: { line: 2 } });
    if (!out.ok) expect(out.issue.reason).toMatch(/invalid UTF-8 at byte 20/);
  });
  it('names UTF-16 as the cause', () => {
    const out = decodeText('a.csv', Buffer.from('\uFEFFid\n', 'utf16le'));
    if (out.ok) throw new Error('should refuse');
    expect(out.issue.reason).toMatch(/UTF-16/);
  });
});

describe('CSV', () => {
  // European Excel saves "CSV" with semicolons; csv-parse read such a file as one column and
  // stopped at the first quoted cell with "Invalid Opening Quote … field 0".
  it.each([
    [
      'semicolons, quoted cells (Excel in a comma-decimal locale)',
      ';',
      'id;name;aliases;status;grade;tlp;sourceIds\r\ncentre:a;"Alpha; ""the"" park";"A1; A2";active;B2;AMBER;source:x\r\ncentre:b;Beta;;raided;C3;RED;source:x\r\n',
    ],
    [
      'semicolons, no quotes',
      ';',
      'id;name;status;grade;tlp;sourceIds\ncentre:a;Alpha park;active;B2;AMBER;source:x\ncentre:b;Beta;raided;C3;RED;source:x\n',
    ],
    [
      'tabs',
      '\t',
      'id\tname\tstatus\tgrade\ttlp\tsourceIds\ncentre:a\t"Alpha, park"\tactive\tB2\tAMBER\tsource:x\ncentre:b\tBeta\traided\tC3\tRED\tsource:x\n',
    ],
  ])('reads the delimiter from the header row: %s', (_name, delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    const out = readFiles([file('Centre.csv', text)]);
    expect(out.issues).toEqual([]);
    expect(out.records.map((r) => r.record.id)).toEqual(['centre:a', 'centre:b']);
    expect(out.records[0]!.record).toMatchObject({ name: expect.stringMatching(/^Alpha/) });
  });
  it('keeps commas for a comma file whose cells hold semicolons, and for a one-column file', () => {
    expect(detectDelimiter('id,name,aliases\ncentre:a,A,"x; y; z"')).toBe(',');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('id\ncentre:a')).toBe(',');
  });
  it('reads BOM, CRLF, quoted commas, quotes and line breaks, blank and trailing lines, with the right line numbers', () => {
    const text =
      '\uFEFFid,name,aliases,status,' +
      PROV +
      '\r\n' +
      '\r\n' +
      'centre:a,"Alpha, ""the"" park\r\nsecond line",A1; A2,active,B2,AMBER,source:x\r\n' +
      'centre:b,Beta,"[b1,b2]",raided,C3,RED,source:x\r\n' +
      ',,,,,,\r\n' +
      'centre:c,Gamma,,active,Z9,RED,source:x\r\n\r\n\r\n';
    const out = readFiles([file('Centre.csv', text)]);
    expect(out.records.map((r) => [r.record.id, r.origin.line])).toEqual([
      ['centre:a', 3],
      ['centre:b', 5],
    ]);
    expect(out.records[0]!.record).toMatchObject({ name: 'Alpha, "the" park\r\nsecond line', aliases: ['A1', 'A2'] });
    expect(out.records[1]!.record).toMatchObject({ aliases: ['b1', 'b2'], status: 'raided' });
    expect(out.issues).toEqual([expect.objectContaining({ file: 'Centre.csv', line: 7, column: 'grade' })]);
  });

  it('reports unknown kind, missing id, bad grade, TLP and date, unknown column and endpoint kinds by line and column', () => {
    const out = readFiles([
      file('Nonsense.csv', 'id,name\nx:1,X\n'),
      file(
        'Centre.csv',
        `id,name,status,${PROV},firstSeen\n,NoId,active,B2,AMBER,source:x,\ncentre:d,D,active,B2,PINK,source:x,2024-13-01\n`,
      ),
      file(
        'RUNS_SCAM.csv',
        `id,from,to,${PROV},colour\nr1,centre:a,scamtype:x,B2,AMBER,source:x,red\nr2,country:PH,scamtype:x,B2,AMBER,source:x,\n`,
      ),
    ]);
    const brief = out.issues.map((i) => [i.file, i.line, i.column]);
    expect(brief).toEqual([
      ['Nonsense.csv', 2, 'kind'],
      ['Centre.csv', 2, 'id'],
      ['Centre.csv', 3, 'tlp'],
      ['Centre.csv', 3, 'firstSeen'],
      ['RUNS_SCAM.csv', 2, 'colour'],
      ['RUNS_SCAM.csv', 3, 'from'],
    ]);
    expect(out.records).toEqual([]);
  });

  it('takes the kind from a kind column over the file name, and refuses a duplicate id', () => {
    const out = readFiles([
      file(
        'mixed.csv',
        `kind,id,name,status,${PROV}\nCentre,centre:a,A,active,B2,AMBER,source:x\nCentre,centre:a,A2,active,B2,AMBER,source:x\n`,
      ),
    ]);
    expect(out.records.map((r) => r.record.kind)).toEqual(['Centre']);
    expect(out.issues).toEqual([
      expect.objectContaining({ line: 3, column: 'id', reason: expect.stringMatching(/already at mixed.csv:2/) }),
    ]);
  });

  it('keeps node ids and each relationship kind apart when refusing duplicates, naming the first file and line', () => {
    const rel = `from,to,id,${PROV}`;
    const out = readFiles([
      file(
        'Centre.csv',
        `id,name,status,${PROV}\ncentre:a,A,active,B2,AMBER,source:x\ncentre:b,B,active,B2,AMBER,source:x\n`,
      ),
      file('Country.csv', `id,name,iso2,iso3,region,${PROV}\ncountry:x,X,XX,XXX,Asia,B2,AMBER,source:x\n`),
      file('LOCATED_IN.csv', `${rel}\ncentre:a,country:x,same,B2,AMBER,source:x\n`),
      // the same id in another relationship kind is another relationship; twice in one kind is not
      file(
        'TRAFFICKED_TO.csv',
        `${rel}\ncountry:x,centre:a,same,B2,AMBER,source:x\ncountry:x,centre:b,same,B2,AMBER,source:x\n`,
      ),
      file('more.csv', `kind,id,name,status,${PROV}\nCentre,centre:b,B2,active,B2,AMBER,source:x\n`),
    ]);
    expect(out.issues.map((i) => [i.file, i.line, i.reason])).toEqual([
      ['TRAFFICKED_TO.csv', 3, 'duplicate id same: already at TRAFFICKED_TO.csv:2'],
      ['more.csv', 2, 'duplicate id centre:b: already at Centre.csv:3'],
    ]);
    expect(out.records.map((r) => `${r.record.kind} ${r.record.id}`)).toEqual([
      'Centre centre:a',
      'Centre centre:b',
      'Country country:x',
      'LOCATED_IN same',
      'TRAFFICKED_TO same',
    ]);
  });
});

describe('JSON', () => {
  it('reads graphology format (the export), dropping drawing attributes, with element lines', () => {
    const doc = {
      attributes: { title: 't' },
      nodes: [
        {
          key: 'centre:a',
          attributes: {
            kind: 'Centre',
            label: 'A',
            name: 'A',
            status: 'active',
            grade: 'B2',
            tlp: 'AMBER',
            sourceIds: ['source:x'],
            x: 1,
          },
        },
      ],
      edges: [
        {
          key: 'e1',
          source: 'centre:a',
          target: 'country:TH',
          attributes: { kind: 'LOCATED_IN', grade: 'Q1', tlp: 'AMBER', sourceIds: ['source:x'] },
        },
      ],
    };
    const out = readFiles([file('g.json', JSON.stringify(doc, null, 2))]);
    expect(out.records.map((r) => r.record.id)).toEqual(['centre:a']);
    expect(out.issues).toEqual([expect.objectContaining({ file: 'g.json', column: 'grade', line: 23 })]);
  });
  it('reads a batch ({nodes, relationships}) and NDJSON', () => {
    const batch = {
      nodes: [
        {
          kind: 'Country',
          id: 'country:TH',
          name: 'Thailand',
          iso2: 'TH',
          iso3: 'THA',
          region: 'Asia',
          grade: 'A1',
          tlp: 'CLEAR',
          synthetic: true,
        },
      ],
      relationships: [],
    };
    const nd =
      '{"kind":"Country","id":"country:PH","name":"Philippines","iso2":"PH","iso3":"PHL","region":"Asia","grade":"A1","tlp":"CLEAR","synthetic":true}\n\nnot json\n';
    const out = readFiles([file('b.json', JSON.stringify(batch)), file('c.ndjson', nd)]);
    expect(out.records.map((r) => r.record.id)).toEqual(['country:TH', 'country:PH']);
    expect(out.issues).toEqual([expect.objectContaining({ file: 'c.ndjson', line: 3 })]);
  });
  // networkx's `node_link_data` writes {directed, multigraph, graph, nodes: [{id, …}], links: [{source, target, key?, …}]}
  it('reads networkx node-link data: its links are relationships, not dropped', () => {
    const country = (iso2: string, iso3: string, name: string) =>
      countryRecord(iso2, iso3, name, { region: 'Asia', grade: 'A1', tlp: 'CLEAR', synthetic: true });
    const doc = {
      directed: true,
      multigraph: true,
      graph: {},
      nodes: [
        country('TH', 'THA', 'Thailand'),
        {
          kind: 'Region',
          id: 'region:sea',
          name: 'South-East Asia',
          hubStatus: 'original',
          grade: 'A1',
          tlp: 'CLEAR',
          synthetic: true,
        },
      ],
      links: [
        {
          kind: 'IN_REGION',
          source: 'country:TH',
          target: 'region:sea',
          key: 'rel:th-sea',
          grade: 'A1',
          tlp: 'CLEAR',
          synthetic: true,
        },
      ],
    };
    const out = readFiles([file('nx.json', JSON.stringify(doc))]);
    expect(out.issues).toEqual([]);
    expect(out.records.map((r) => r.record.id)).toEqual(['country:TH', 'region:sea', 'rel:th-sea']);
    expect(out.records[2]!.record).toMatchObject({ from: 'country:TH', to: 'region:sea' });
  });
  it.each(['link', 'rels', 'connections'])('names a list it does not read ("%s") instead of dropping it', (key) => {
    const doc = { nodes: [], [key]: [{ source: 'country:TH', target: 'region:sea' }] };
    const out = readFiles([file('other.json', JSON.stringify(doc))]);
    expect(out.issues).toEqual([
      expect.objectContaining({ file: 'other.json', column: key, reason: expect.stringMatching(/is not read/) }),
    ]);
  });
});

describe('merge rules', () => {
  const props = nodeProperties.get('Centre')!;
  const stored = {
    id: 'centre:a',
    name: 'A',
    aliases: [],
    description: 'kept',
    status: 'active',
    workforce: 10,
    city: null,
    sourceIds: ['source:x'],
    grade: 'B2',
    tlp: 'AMBER',
    firstSeen: '2024-03-01',
    lastSeen: '2024-06-01',
    synthetic: false,
  };
  it('updates given properties, keeps the rest, unions sources, widens the seen period', () => {
    const incoming = {
      ...stored,
      description: null,
      status: 'raided',
      sourceIds: ['source:y', 'source:x'],
      firstSeen: '2024-01-01',
      lastSeen: '2024-05-01',
    };
    const merged = mergeRecord(
      stored,
      incoming,
      new Set(['id', 'status', 'sourceIds', 'firstSeen', 'lastSeen']),
      props,
    );
    expect(merged).toMatchObject({
      description: 'kept',
      status: 'raided',
      sourceIds: ['source:x', 'source:y'],
      firstSeen: '2024-01-01',
      lastSeen: '2024-06-01',
    });
    expect(sameRecord(merged, stored, props)).toBe(false);
    expect(sameRecord(mergeRecord(stored, stored, new Set(Object.keys(stored)), props), stored, props)).toBe(true);
  });
});
