/**
 * Admiralty grades and TLP markings, in the order investigators read them. A grade is a source
 * reliability letter (A reliable … F cannot be judged) and an information credibility digit
 * (1 confirmed … 6 cannot be judged); "weaker" means a later letter or a higher digit.
 */
import { TLP_COLOURS, TLP_LEVELS, type Tlp } from '../../../../server/model/provenance.ts';

// the domain model is the one source of the markings
export { TLP_COLOURS, TLP_LEVELS, type Tlp };

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;

export function tlpRank(tlp: unknown): number {
  const rank = TLP_LEVELS.indexOf(String(tlp) as Tlp);
  // an unmarked item is handled as the most restricted, never as the least
  return rank < 0 ? TLP_LEVELS.length - 1 : rank;
}

export function parseGrade(grade: unknown): { reliability: number; credibility: number } | null {
  const match = /^([A-F])([1-6])$/.exec(String(grade ?? ''));
  if (!match) return null;
  return { reliability: RELIABILITY.indexOf(match[1] as never), credibility: CREDIBILITY.indexOf(match[2] as never) };
}

/** Whether `grade` is at least as strong as `minimum` on both scales; ungraded items fail. */
export function gradeMeets(grade: unknown, minimum: string): boolean {
  const g = parseGrade(grade);
  const m = parseGrade(minimum);
  if (!m) return true;
  if (!g) return false;
  return g.reliability <= m.reliability && g.credibility <= m.credibility;
}

/** The weakest of several grades: the worst letter and the worst digit among them. */
export function weakestGrade(grades: unknown[]): string | null {
  const parsed = grades.map(parseGrade);
  if (parsed.length === 0) return null;
  if (parsed.some((g) => g === null)) return 'F6';
  const worst = parsed.reduce((a, b) => ({
    reliability: Math.max(a!.reliability, b!.reliability),
    credibility: Math.max(a!.credibility, b!.credibility),
  }));
  return `${RELIABILITY[worst!.reliability]}${CREDIBILITY[worst!.credibility]}`;
}

/** A colour for how much a grade can be trusted: green for A1-B2, amber for the middle, red for the weak. */
export function gradeColour(grade: unknown): string {
  const g = parseGrade(grade);
  if (!g) return '#b91c1c';
  const score = g.reliability + g.credibility;
  return score <= 2 ? '#15803d' : score <= 5 ? '#b45309' : '#b91c1c';
}
