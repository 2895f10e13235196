/**
 * The benchmark's synthetic data (flagged synthetic; no real names): facilitators and centres,
 * each facilitator recruiting for about two centres and national of one of 100 countries. The
 * same files feed both stores, so their figures describe the same graph.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { nodeProperties, relProperties } from '../../server/model/schema.ts';

export interface BenchShape {
  people: number;
  centres: number;
  countries: number;
  /** node kinds first, then relationship kinds: the order both importers read them in */
  files: string[];
  /** every node and relationship */
  rows: number;
}

/** Writes `<Kind>.csv` files into `dir` holding `rels` relationships. Deterministic. */
export function writeCsv(dir: string, rels: number): BenchShape {
  const people = Math.ceil(rels / 3);
  const centres = Math.max(10, Math.ceil(people / 50));
  const countries = 100;
  const nodeFile = (kind: string, rows: (i: number) => Record<string, string>, n: number) => {
    const cols = nodeProperties.get(kind as never)!.map((p) => p.name);
    const lines = [cols.join(',')];
    for (let i = 0; i < n; i++) {
      const r = rows(i);
      lines.push(cols.map((c) => r[c] ?? '').join(','));
    }
    writeFileSync(path.join(dir, `${kind}.csv`), `${lines.join('\n')}\n`);
  };
  const prov = {
    grade: 'C3',
    tlp: 'AMBER',
    sourceIds: '[]',
    synthetic: 'true',
    firstSeen: '2024-01-01',
    lastSeen: '2024-12-31',
    aliases: '[]',
  };
  nodeFile(
    'Country',
    (i) => ({
      ...prov,
      id: `country:Z${i}`,
      name: `Country ${i}`,
      iso2: `Z${i % 10}`,
      iso3: `Z${String(i).padStart(2, '0')}`,
      region: 'Asia',
    }),
    countries,
  );
  nodeFile(
    'Centre',
    (i) => ({ ...prov, id: `centre:b${i}`, name: `Centre ${i}`, status: 'active', workforce: String(100 + (i % 900)) }),
    centres,
  );
  nodeFile(
    'Facilitator',
    (i) => ({ ...prov, id: `facilitator:b${i}`, name: `Facilitator ${i}`, role: 'recruiter' }),
    people,
  );
  const relFile = (kind: string, n: number, ends: (i: number) => [string, string]) => {
    const cols = relProperties.get(kind as never)!.map((p) => p.name);
    const lines = [['from', 'to', ...cols].join(',')];
    for (let i = 0; i < n; i++) {
      const [a, b] = ends(i);
      const r: Record<string, string> = { ...prov, id: `${kind.toLowerCase()}-${i}` };
      lines.push([a, b, ...cols.map((c) => r[c] ?? '')].join(','));
    }
    writeFileSync(path.join(dir, `${kind}.csv`), `${lines.join('\n')}\n`);
  };
  const recruits = rels - people;
  relFile('RECRUITS_FOR', recruits, (i) => [`facilitator:b${i % people}`, `centre:b${(i * 7919) % centres}`]);
  relFile('NATIONAL_OF', people, (i) => [`facilitator:b${i}`, `country:Z${i % countries}`]);
  return {
    people,
    centres,
    countries,
    files: ['Country', 'Centre', 'Facilitator', 'RECRUITS_FOR', 'NATIONAL_OF'],
    rows: people + centres + countries + rels,
  };
}

/** A CSV of about `mb` megabytes of Centre rows, every one with an impossible grade: it fails validation. */
export function badCentres(mb: number): Buffer {
  const lines = ['id,name,status,grade,tlp,sourceIds\n'];
  let bytes = lines[0]!.length;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const line = `centre:bad-${i},Bad centre ${i},active,K9,AMBER,source:none\n`;
    lines.push(line);
    bytes += line.length;
  }
  return Buffer.from(lines.join(''));
}
