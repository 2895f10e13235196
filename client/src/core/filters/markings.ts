/**
 * Admiralty grades and TLP markings for the filters and badges. The order, the TLP list and the
 * weakest-grade rule are the domain model's (server/model/markings.ts, zod-free), the same the
 * server's weak-links query and path search use: reliability letter first, then credibility digit.
 */
import { parseGrade } from '../../../../server/model/markings.ts';

export {
  CREDIBILITY,
  GRADES,
  RELIABILITY,
  TLP_COLOURS,
  TLP_LEVELS,
  gradeMeets,
  gradeRank,
  parseGrade,
  tlpRank,
  weakestGrade,
  type Tlp,
} from '../../../../server/model/markings.ts';

/** A colour for how much a grade can be trusted: green for A1-B2, amber for the middle, red for the weak. */
export function gradeColour(grade: unknown): string {
  const g = parseGrade(grade);
  if (!g) return '#b91c1c';
  const score = g.reliability + g.credibility;
  return score <= 2 ? '#15803d' : score <= 5 ? '#b45309' : '#b91c1c';
}
