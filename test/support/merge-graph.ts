/**
 * A graph of near-duplicates for the merge suite (test/integration/merge-api.test.ts), written
 * for these tests and drawn from no source.
 *
 *   facilitator:a "Chen Wei"   GREEN B2 recruiter, aliases [Wei C], s1, 2024-03-01 … 2024-06-01
 *   facilitator:b "CHÉN-WEI"   GREEN C3 broker, aliases [Old Chen], s2 and the RED sr, 2023-01-01 … 2024-02-01
 *   facilitator:c "Big Brother" AMBER A1 recruiter, aliases [wei c], s1, … 2025-01-01
 *   facilitator:r "Chen Wei"   RED (a same-name duplicate only a RED reader may see)
 *   facilitator:d "Lone Ranger" GREEN
 *   e1 a→x, e2 b→x (a duplicate of e1 once merged), e3 b→y, e5 b→redc (its end RED) RECRUITS_FOR
 *   e4 b→TH, e6 c→TH NATIONAL_OF;  e7 c→z RECRUITS_FOR RED;  e8 d→x RECRUITS_FOR
 */
import type { Tlp } from '../../server/model/markings.ts';
import { parseBatch, type GraphBatch } from '../../server/model/schema.ts';
import { country } from './fixtures.ts';

const prov = (tlp: Tlp, extra: object = {}) => ({
  grade: 'B2',
  tlp,
  firstSeen: '2024-01-01',
  lastSeen: '2024-12-31',
  sourceIds: ['source:s1'],
  synthetic: false,
  ...extra,
});

export function mergeGraph(): GraphBatch {
  const source = (id: string, name: string, tlp: Tlp) => ({
    kind: 'Source',
    id,
    name,
    publisher: 'Desk',
    published: '2024-01',
    ...prov(tlp, { sourceIds: [] }),
    synthetic: true,
  });
  const centre = (id: string, name: string, tlp: Tlp) => ({ kind: 'Centre', id, name, status: 'active', ...prov(tlp) });
  const rel = (id: string, kind: string, from: string, to: string, tlp: Tlp) => ({ kind, id, from, to, ...prov(tlp) });
  const nodes = [
    source('source:s1', 'Bulletin One', 'GREEN'),
    source('source:s2', 'Bulletin Two', 'GREEN'),
    source('source:sr', 'Crimson Ledger', 'RED'),
    // a duplicate Source by name, which suggestions leave out (Sources are not merged)
    source('source:s1b', 'BULLETIN ONE', 'GREEN'),
    country('TH', 'THA', 'Thailand', { region: 'Asia', hubRegion: null, ...prov('GREEN') }),
    centre('centre:x', 'Xanadu Park', 'GREEN'),
    centre('centre:y', 'Yellow Gate', 'GREEN'),
    centre('centre:redc', 'Crimsonhold', 'RED'),
    centre('centre:z', 'Zenith Towers', 'GREEN'),
    {
      kind: 'Facilitator',
      id: 'facilitator:a',
      name: 'Chen Wei',
      aliases: ['Wei C'],
      description: 'Recruits in Bangkok',
      role: 'recruiter',
      ...prov('GREEN', { firstSeen: '2024-03-01', lastSeen: '2024-06-01' }),
    },
    {
      kind: 'Facilitator',
      id: 'facilitator:b',
      name: 'CHÉN-WEI',
      aliases: ['Old Chen'],
      role: 'broker',
      gender: 'male',
      ...prov('GREEN', {
        grade: 'C3',
        sourceIds: ['source:s2', 'source:sr'],
        firstSeen: '2023-01-01',
        lastSeen: '2024-02-01',
      }),
    },
    {
      kind: 'Facilitator',
      id: 'facilitator:c',
      name: 'Big Brother',
      aliases: ['wei c'],
      role: 'recruiter',
      ...prov('AMBER', { grade: 'A1', firstSeen: null, lastSeen: '2025-01-01' }),
    },
    { kind: 'Facilitator', id: 'facilitator:r', name: 'Chen Wei', role: 'manager', ...prov('RED') },
    { kind: 'Facilitator', id: 'facilitator:d', name: 'Lone Ranger', role: 'transporter', ...prov('GREEN') },
  ];
  const relationships = [
    rel('e1', 'RECRUITS_FOR', 'facilitator:a', 'centre:x', 'GREEN'),
    rel('e2', 'RECRUITS_FOR', 'facilitator:b', 'centre:x', 'GREEN'),
    rel('e3', 'RECRUITS_FOR', 'facilitator:b', 'centre:y', 'GREEN'),
    rel('e4', 'NATIONAL_OF', 'facilitator:b', 'country:TH', 'GREEN'),
    rel('e5', 'RECRUITS_FOR', 'facilitator:b', 'centre:redc', 'GREEN'),
    rel('e6', 'NATIONAL_OF', 'facilitator:c', 'country:TH', 'AMBER'),
    rel('e7', 'RECRUITS_FOR', 'facilitator:c', 'centre:z', 'RED'),
    rel('e8', 'RECRUITS_FOR', 'facilitator:d', 'centre:x', 'GREEN'),
  ];
  const parsed = parseBatch({ nodes, relationships });
  if (!parsed.ok) throw new Error(`merge graph is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.batch;
}
