/**
 * The five public documents the facts are drawn from (see shared/seed-documents/README.md), the
 * rule that grades a fact from the documents that state it, and the dates it is seen on.
 */
import type { NodeOf, Provenance } from '../records.ts';
import { makeNode } from '../records.ts';

type PublisherKind = 'interpol' | 'news' | 'aggregator';

interface SourceDoc {
  file: string;
  publisher: string;
  publisherKind: PublisherKind;
  /** as precise as the README gives it: YYYY-MM-DD, YYYY-MM or YYYY */
  published: string;
  name: string;
  description: string;
}

export const SOURCES = {
  trendUpdate: {
    file: '000_d5d37bd4ebfb1db8.txt',
    publisher: 'INTERPOL',
    publisherKind: 'interpol',
    published: '2025-06-30',
    name: 'INTERPOL crime trend update on scam centres going global',
    description:
      'INTERPOL press release from Lyon presenting its June 2025 crime trend update on trafficking-fuelled scam centres.',
  },
  nationRetelling: {
    file: '001_0b187844e311fd7f.txt',
    publisher: 'Nation / AFP-JIJI',
    publisherKind: 'news',
    published: '2025-07',
    name: 'Nation: AI-driven trafficking scams spread from South-East Asia',
    description: 'News article retelling the INTERPOL update, adding the Namibia seizures, scam types and I-GRIP.',
  },
  assemblyRelease: {
    file: '002_845b10b1017ca4f8.txt',
    publisher: 'INTERPOL',
    publisherKind: 'interpol',
    published: '2025-11-26',
    name: 'INTERPOL General Assembly resolution on transnational scam centres',
    description:
      'INTERPOL press release from Marrakech on the General Assembly resolution, past notices and the 2024 operation.',
  },
  aggregatorDigest: {
    file: '003_d1fbb8a45f81ff39.txt',
    publisher: 'News aggregator digest',
    publisherKind: 'aggregator',
    published: '2025',
    name: 'Digest: human trafficking rises as scam hubs go global',
    description:
      'Aggregator page summarising several articles on the INTERPOL warning, with victim totals and ransom demands.',
  },
  saturdayStar: {
    file: '004_467ed27b33a965d4.txt',
    publisher: 'Saturday Star',
    publisherKind: 'news',
    published: '2025-11',
    name: 'Saturday Star: INTERPOL warns of global threat from scam centres',
    description: 'News article retelling the General Assembly resolution and INTERPOL’s earlier notices and operation.',
  },
} as const satisfies Record<string, SourceDoc>;

export type SourceKey = keyof typeof SOURCES;
const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

/** `source:000_d5d37bd4ebfb1db8` for file `000_d5d37bd4ebfb1db8.txt`. */
export function sourceId(key: SourceKey): string {
  return `source:${SOURCES[key].file.replace(/\.txt$/, '')}`;
}

/**
 * Admiralty grading rule for the facts. Reliability is that of the best document stating the fact:
 * A for INTERPOL's own press releases (the body holding the underlying notice data), B for
 * newspapers retelling them, C for the aggregator digest, whose provenance is second-hand.
 * Credibility: an INTERPOL fact is 1 (confirmed) when another document states it too and 2
 * (probably true) when it stands alone; newspaper facts are 2; digest-only facts are 3 (possibly
 * true). A record holding several figures is graded by its least-supported figure.
 */
export function gradeOf(keys: readonly SourceKey[]): string {
  const kinds = new Set(keys.map((k) => SOURCES[k].publisherKind));
  if (kinds.has('interpol')) return keys.length > 1 ? 'A1' : 'A2';
  if (kinds.has('news')) return 'B2';
  return 'C3';
}

/** First and last day covered by a publication date of any precision. */
function dayBounds(published: string): [string, string] {
  const [year, month, day] = published.split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) return [published, published];
  if (month !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return [`${published}-01`, `${published}-${String(last).padStart(2, '0')}`];
  }
  return [`${year}-01-01`, `${year}-12-31`];
}

export interface CiteOptions {
  /** the year the fact happened, when that is all the documents say: seen over that year */
  year?: number;
  /** the documents behind the least-supported figure, when narrower than all the citations */
  weakestFigureFrom?: readonly SourceKey[];
}

/**
 * Provenance of a fact stated by some documents: public (TLP:CLEAR), graded by the rule above,
 * seen over the year it happened or else between the first and last publication citing it.
 */
export function cite(keys: readonly SourceKey[], options: CiteOptions = {}): Provenance {
  if (keys.length === 0) throw new Error('a fact must cite at least one document');
  const ordered = SOURCE_KEYS.filter((k) => keys.includes(k));
  const bounds = ordered.map((k) => dayBounds(SOURCES[k].published));
  const earliest = bounds.map((b) => b[0]).sort()[0];
  const latest = bounds
    .map((b) => b[1])
    .sort()
    .at(-1);
  // keys is not empty and every SourceKey names a document, so both days exist
  if (earliest === undefined || latest === undefined) throw new Error('a fact cites no known document');
  const firstSeen = options.year ? `${options.year}-01-01` : earliest;
  const lastSeen = options.year ? `${options.year}-12-31` : latest;
  return {
    sourceIds: ordered.map(sourceId),
    grade: gradeOf(options.weakestFigureFrom ?? ordered),
    tlp: 'CLEAR',
    firstSeen,
    lastSeen,
    synthetic: false,
  };
}

/** One Source node per document; each cites itself, graded as a lone statement of its publisher. */
export function sourceNodes(): NodeOf<'Source'>[] {
  return SOURCE_KEYS.map((key) => {
    const doc: SourceDoc = SOURCES[key];
    return makeNode(
      'Source',
      {
        id: sourceId(key),
        name: doc.name,
        description: doc.description,
        file: doc.file,
        publisher: doc.publisher,
        published: doc.published,
        url: null,
      },
      cite([key]),
    );
  });
}
