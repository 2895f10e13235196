/**
 * INTERPOL, its notices and the 2024 operations, with the two centres the documents describe.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import { makeNode, makeRel } from '../records.ts';
import { countryId } from '../countries.ts';
import { cite, type SourceKey } from './sources.ts';
import { methodId } from './taxonomy.ts';

export const INTERPOL_ID = 'org:interpol';
export const IGRIP_ID = 'org:i-grip';
export const NAMIBIA_CENTRE_ID = 'centre:na-2024-01';
export const PHILIPPINES_CENTRE_ID = 'centre:ph-2024-01';
export const NAMIBIA_OPERATION_ID = 'operation:na-2024-01';
export const PHILIPPINES_RAID_OPERATION_ID = 'operation:global-2024-philippines-raid';
export const GLOBAL_OPERATION_ID = 'operation:global-2024-116-countries';
export const PURPLE_NOTICE_ID = 'notice:purple-2022-social-media-recruitment';
export const ORANGE_NOTICE_ID = 'notice:orange-2023-trafficking-fuelled-fraud';

const JUNE_UPDATE: SourceKey[] = ['trendUpdate', 'nationRetelling'];
const ASSEMBLY: SourceKey[] = ['assemblyRelease', 'saturdayStar'];
const ALL: SourceKey[] = ['trendUpdate', 'nationRetelling', 'assemblyRelease', 'aggregatorDigest', 'saturdayStar'];
/** The documents that report the 2023 Orange Notice (the digest does not mention it). */
const ORANGE: SourceKey[] = ['trendUpdate', 'nationRetelling', 'assemblyRelease', 'saturdayStar'];

function organisations() {
  return [
    makeNode(
      'Organisation',
      {
        id: INTERPOL_ID,
        name: 'INTERPOL',
        aliases: ['International Criminal Police Organisation'],
        description:
          'International police organisation tracking trafficking-fuelled scam centres through its notices and operations.',
        type: 'international',
      },
      cite(ALL),
    ),
    makeNode(
      'Organisation',
      {
        id: IGRIP_ID,
        name: 'I-GRIP',
        description:
          'INTERPOL stop-payment mechanism that halts illicit transfers; credited with blocking hundreds of millions of dollars.',
        type: 'financial',
      },
      cite(['nationRetelling']),
    ),
  ];
}

function centres() {
  return [
    makeNode(
      'Centre',
      {
        id: NAMIBIA_CENTRE_ID,
        name: 'Namibia scam centre (dismantled 2024)',
        description:
          'Namibian scam compound whose 88 young workers had been coerced into fraud; dismantled by police in 2024.',
        status: 'dismantled',
        workforce: 88,
        city: null,
      },
      cite(JUNE_UPDATE, { year: 2024 }),
    ),
    makeNode(
      'Centre',
      {
        id: PHILIPPINES_CENTRE_ID,
        name: 'Philippines industrial-scale scam centre (raided 2024)',
        description: 'Scam centre on an industrial scale in the Philippines, raided by national police in 2024.',
        status: 'raided',
        workforce: null,
        city: null,
      },
      cite(JUNE_UPDATE, { year: 2024 }),
    ),
  ];
}

const noFigures = {
  countriesInvolved: null,
  arrests: null,
  victimsFreed: null,
  computersSeized: null,
  phonesSeized: null,
};

function operations() {
  return [
    makeNode(
      'Operation',
      {
        id: NAMIBIA_OPERATION_ID,
        name: 'Namibia scam-centre operation (2024)',
        description:
          'INTERPOL operation in which police took apart a Namibian scam compound and seized its computers and phones.',
        // The documents give neither its scope nor how many were freed (only that 88 had been coerced).
        scope: null,
        date: null,
        ...noFigures,
        computersSeized: 163,
        phonesSeized: 350,
      },
      // 163 computers and 350 phones appear only in the Nation retelling.
      cite(JUNE_UPDATE, { year: 2024, weakestFigureFrom: ['nationRetelling'] }),
    ),
    makeNode(
      'Operation',
      {
        id: PHILIPPINES_RAID_OPERATION_ID,
        name: 'INTERPOL global operation with the Philippines raid (2024)',
        description:
          'Global operation coordinated by INTERPOL that uncovered dozens of trafficking-for-fraud cases; national police raided a ' +
          'large scam centre in the Philippines. The documents do not say whether it is the 116-country operation.',
        scope: 'global',
        date: null,
        ...noFigures,
      },
      cite(JUNE_UPDATE, { year: 2024 }),
    ),
    makeNode(
      'Operation',
      {
        id: GLOBAL_OPERATION_ID,
        name: 'INTERPOL’s largest global operation on trafficking-fuelled fraud (2024)',
        description:
          'INTERPOL’s biggest operation yet against trafficking-fuelled fraud: 116 countries and territories, more than 2,500 arrests (recorded as 2,500, a lower bound).',
        scope: 'global',
        date: null,
        ...noFigures,
        countriesInvolved: 116,
        arrests: 2500,
      },
      cite(ASSEMBLY, { year: 2024 }),
    ),
  ];
}

function notices() {
  return [
    makeNode(
      'Notice',
      {
        id: PURPLE_NOTICE_ID,
        name: 'Purple Notice on social-media recruitment (2022)',
        description:
          'INTERPOL’s first alert on scam centres, telling member countries about recruitment through social media.',
        colour: 'Purple',
        issued: null,
      },
      cite(ASSEMBLY, { year: 2022 }),
    ),
    makeNode(
      'Notice',
      {
        id: ORANGE_NOTICE_ID,
        name: 'Orange Notice on trafficking-fuelled fraud (2023)',
        description: 'Worldwide alert classing trafficking-fuelled fraud as a serious, imminent danger to the public.',
        colour: 'Orange',
        issued: null,
      },
      cite(ORANGE, { year: 2023 }),
    ),
  ];
}

function links() {
  const year2024 = (keys: SourceKey[]) => cite(keys, { year: 2024 });
  return [
    makeRel('LOCATED_IN', NAMIBIA_CENTRE_ID, countryId('NA'), year2024(JUNE_UPDATE), {}),
    makeRel('LOCATED_IN', PHILIPPINES_CENTRE_ID, countryId('PH'), year2024(JUNE_UPDATE), {}),
    makeRel('RAIDED', NAMIBIA_OPERATION_ID, NAMIBIA_CENTRE_ID, year2024(JUNE_UPDATE), { date: null }),
    makeRel('RAIDED', PHILIPPINES_RAID_OPERATION_ID, PHILIPPINES_CENTRE_ID, year2024(JUNE_UPDATE), { date: null }),
    makeRel('CONDUCTED_IN', NAMIBIA_OPERATION_ID, countryId('NA'), year2024(JUNE_UPDATE), {}),
    makeRel('CONDUCTED_IN', PHILIPPINES_RAID_OPERATION_ID, countryId('PH'), year2024(JUNE_UPDATE), {}),
    makeRel('COORDINATED', INTERPOL_ID, NAMIBIA_OPERATION_ID, year2024(JUNE_UPDATE), {}),
    makeRel('COORDINATED', INTERPOL_ID, PHILIPPINES_RAID_OPERATION_ID, year2024(JUNE_UPDATE), {}),
    makeRel('COORDINATED', INTERPOL_ID, GLOBAL_OPERATION_ID, year2024(ASSEMBLY), {}),
    makeRel('ISSUED', INTERPOL_ID, PURPLE_NOTICE_ID, cite(ASSEMBLY, { year: 2022 }), {}),
    makeRel('WARNS_ABOUT', PURPLE_NOTICE_ID, methodId('social-media-recruitment'), cite(ASSEMBLY, { year: 2022 }), {}),
    makeRel('ISSUED', INTERPOL_ID, ORANGE_NOTICE_ID, cite(ORANGE, { year: 2023 }), {}),
    makeRel('WARNS_ABOUT', ORANGE_NOTICE_ID, methodId('forced-scamming'), cite(ORANGE, { year: 2023 }), {}),
  ];
}

export function enforcementFacts(): GraphBatch {
  return { nodes: [...organisations(), ...centres(), ...operations(), ...notices()], relationships: links() };
}
