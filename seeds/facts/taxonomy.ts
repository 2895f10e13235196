/**
 * The kinds of scam, the modi operandi and the converging crimes the documents name, with the
 * links between them that the documents state. Descriptions are written for this project.
 */
import type { GraphBatch } from '../../server/model/schema.ts';
import type { NodeOf } from '../records.ts';
import { makeNode, makeRel } from '../records.ts';
import { regionId } from '../countries.ts';
import { cite, type SourceKey } from './sources.ts';

const ALL: SourceKey[] = ['trendUpdate', 'nationRetelling', 'assemblyRelease', 'aggregatorDigest', 'saturdayStar'];

interface Entry {
  slug: string;
  name: string;
  description: string;
  sources: SourceKey[];
}
type EntryWith<F> = Entry & { fields: F };

const SCAM_TYPES: Entry[] = [
  {
    slug: 'romance',
    name: 'Romance scam',
    description:
      'Feigned romantic relationships used to draw money from targets, sometimes with AI-generated profiles.',
    sources: ['trendUpdate', 'nationRetelling', 'assemblyRelease', 'saturdayStar'],
  },
  {
    slug: 'investment',
    name: 'Investment fraud',
    description: 'Bogus investment opportunities sold to targets who never see their money again.',
    sources: ['nationRetelling', 'assemblyRelease', 'saturdayStar'],
  },
  {
    slug: 'cryptocurrency',
    name: 'Cryptocurrency scam',
    description: 'Fraud built around crypto-assets, one of the schemes trafficked workers are made to run.',
    sources: ['assemblyRelease', 'saturdayStar'],
  },
  {
    slug: 'voice-phishing',
    name: 'Voice phishing',
    description: 'Fraud carried out over phone calls to extract money or credentials.',
    sources: ['assemblyRelease', 'saturdayStar'],
  },
  {
    slug: 'money-transfer',
    name: 'Money transfer fraud',
    description: 'Targets are talked into sending money transfers to the scammers.',
    sources: ['nationRetelling'],
  },
  {
    slug: 'online-gambling',
    name: 'Online gambling fraud',
    description: 'Online gambling schemes, one of the frauds trafficked workers are made to run.',
    sources: ['nationRetelling'],
  },
  {
    slug: 'sextortion',
    name: 'Sextortion',
    description: 'Extortion with the threat of releasing intimate images, which may be deepfakes.',
    sources: ['trendUpdate', 'nationRetelling'],
  },
];

type Stage = NodeOf<'Method'>['stage'];
const METHODS: EntryWith<{ stage: Stage }>[] = [
  {
    slug: 'fake-job-ads',
    name: 'Fake job advertisements',
    description:
      'Offers of well-paid work abroad that lure people into the compounds; AI now makes them more convincing.',
    sources: ALL,
    fields: { stage: 'recruitment' },
  },
  {
    slug: 'social-media-recruitment',
    name: 'Recruitment on social media',
    description: 'Victims approached and recruited through social-media platforms.',
    sources: ['assemblyRelease', 'saturdayStar'],
    fields: { stage: 'recruitment' },
  },
  {
    slug: 'ai-deepfakes',
    name: 'AI-generated deepfakes',
    description: 'Artificial intelligence used to fabricate photos and profiles for romance scams and sextortion.',
    sources: ['trendUpdate', 'nationRetelling'],
    fields: { stage: 'exploitation' },
  },
  {
    slug: 'compound-detention',
    name: 'Detention in compounds',
    description: 'People lured by the job offers are held in the compounds against their will.',
    sources: ['trendUpdate', 'nationRetelling', 'assemblyRelease', 'aggregatorDigest'],
    fields: { stage: 'control' },
  },
  {
    slug: 'debt-bondage',
    name: 'Debt bondage',
    description: 'Debt used to extort and control the people held in the centres.',
    sources: ['trendUpdate', 'nationRetelling', 'aggregatorDigest'],
    fields: { stage: 'control' },
  },
  {
    slug: 'violence-and-torture',
    name: 'Beatings and torture',
    description: 'Beatings, physical violence and torture inflicted on people held in the centres.',
    sources: ALL,
    fields: { stage: 'control' },
  },
  {
    slug: 'sexual-exploitation',
    name: 'Sexual exploitation',
    description: 'Sexual abuse and exploitation of people held in the centres.',
    sources: ['trendUpdate', 'assemblyRelease', 'aggregatorDigest', 'saturdayStar'],
    fields: { stage: 'control' },
  },
  {
    slug: 'ransom-demands',
    name: 'Ransom demands',
    description: 'Victims are told to pay a ransom to be let out of the compound.',
    sources: ['aggregatorDigest'],
    fields: { stage: 'control' },
  },
  {
    slug: 'forced-scamming',
    name: 'Forced criminality (forced scamming)',
    description: 'Trafficked people are made to run online fraud against a second set of victims worldwide.',
    sources: ALL,
    fields: { stage: 'exploitation' },
  },
];

type CrimeFields = Pick<NodeOf<'Crime'>, 'category' | 'commodity' | 'species'>;
const CRIMES: EntryWith<CrimeFields>[] = [
  {
    slug: 'drugs',
    name: 'Drug trafficking',
    description: 'Drugs moved along the same routes as the trafficked workers.',
    sources: ALL,
    fields: { category: 'drugs', commodity: 'drugs', species: null },
  },
  {
    slug: 'firearms',
    name: 'Firearms trafficking',
    description: 'Weapons smuggled along the trafficking routes.',
    sources: ALL,
    fields: { category: 'firearms', commodity: 'firearms', species: null },
  },
  {
    slug: 'wildlife-tigers',
    name: 'Tiger trafficking',
    description: 'Trade in tigers, an endangered species, along the routes that feed the centres.',
    sources: ['trendUpdate', 'nationRetelling'],
    fields: { category: 'wildlife', commodity: 'protected wildlife', species: 'tiger' },
  },
  {
    slug: 'wildlife-pangolins',
    name: 'Pangolin trafficking',
    description: 'Trade in pangolins, an endangered species, along the routes that feed the centres.',
    sources: ['trendUpdate', 'nationRetelling'],
    fields: { category: 'wildlife', commodity: 'protected wildlife', species: 'pangolin' },
  },
];

export const scamTypeId = (slug: string) => `scamtype:${slug}`;
export const methodId = (slug: string) => `method:${slug}`;
export const crimeId = (slug: string) => `crime:${slug}`;

export function taxonomyFacts(): GraphBatch {
  const base = (e: Entry, id: string) => ({ id, name: e.name, description: e.description });
  const nodes = [
    ...SCAM_TYPES.map((e) => makeNode('ScamType', base(e, scamTypeId(e.slug)), cite(e.sources))),
    ...METHODS.map((e) => makeNode('Method', { ...base(e, methodId(e.slug)), ...e.fields }, cite(e.sources))),
    ...CRIMES.map((e) => makeNode('Crime', { ...base(e, crimeId(e.slug)), ...e.fields }, cite(e.sources))),
  ];
  const deepfakeSources: SourceKey[] = ['trendUpdate', 'nationRetelling'];
  const relationships = [
    // Deepfake photos and profiles are named for romance scams and sextortion.
    ...['romance', 'sextortion'].map((slug) =>
      makeRel('USES_METHOD', scamTypeId(slug), methodId('ai-deepfakes'), cite(deepfakeSources), {}),
    ),
    // Only the June update places the tiger and pangolin trade in the South-East Asian scam hubs.
    ...['wildlife-tigers', 'wildlife-pangolins'].map((slug) =>
      makeRel('CONVERGES_IN', crimeId(slug), regionId('South-East Asia'), cite(['trendUpdate']), {}),
    ),
  ];
  return { nodes, relationships };
}
