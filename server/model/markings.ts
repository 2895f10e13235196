/**
 * Admiralty grades and TLP markings as plain data and functions, with no zod, so the server
 * (provenance.ts builds its schemas from these) and the browser client share one grade order,
 * one TLP list and one weakest-grade rule.
 *
 * A grade is a source reliability letter (A reliable … F cannot be judged) then an information
 * credibility digit (1 confirmed … 6 cannot be judged).
 */

export const GRADE_PATTERN = /^[A-F][1-6]$/;
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;
/** Every grade, strongest first (A1, A2, … F6): the order gradeRank gives. */
export const GRADES: readonly string[] = RELIABILITY.flatMap((r) => CREDIBILITY.map((c) => `${r}${c}`));

/** Traffic Light Protocol 2.0 markings, least to most restricted. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
/** FIRST's TLP 2.0 colours for the label text, printed on black (#000000) as the standard asks. */
export const TLP_COLOURS: Record<Tlp, string> = {
  CLEAR: '#ffffff',
  GREEN: '#33ff00',
  AMBER: '#ffc000',
  'AMBER+STRICT': '#ffc000',
  RED: '#ff2b2b',
};

/** Rank of a TLP marking; anything unmarked or unknown is handled as the most restricted, never the least. */
export function tlpRank(tlp: unknown): number {
  const rank = TLP_LEVELS.indexOf(String(tlp) as Tlp);
  return rank < 0 ? TLP_LEVELS.length - 1 : rank;
}

/** The highest of some markings (unmarked or unknown counts as the most restricted); CLEAR for none. */
export function highestMarking(tlps: Iterable<unknown>): Tlp {
  let top = 0;
  for (const t of tlps) top = Math.max(top, tlpRank(t));
  return TLP_LEVELS[top] ?? 'RED';
}

export function isGrade(grade: unknown): grade is string {
  return typeof grade === 'string' && GRADE_PATTERN.test(grade);
}

/** `C4` → indexes { reliability: 2, credibility: 3 }; null when it is not a grade. */
export function parseGrade(grade: unknown): { reliability: number; credibility: number } | null {
  if (!isGrade(grade)) return null;
  return { reliability: grade.charCodeAt(0) - 65, credibility: grade.charCodeAt(1) - 49 };
}

/**
 * Orders grades from strongest (0, A1) to weakest (35, F6). Reliability dominates: a B6 rests on
 * a better source than a C1, and investigators weigh the source first. Not a grade: Infinity.
 */
export function gradeRank(grade: unknown): number {
  const g = parseGrade(grade);
  return g ? g.reliability * CREDIBILITY.length + g.credibility : Infinity;
}

/** Whether `grade` is at least as strong as `minimum` in gradeRank's order; ungraded items fail. */
export function gradeMeets(grade: unknown, minimum: string): boolean {
  if (!isGrade(minimum)) return true;
  return gradeRank(grade) <= gradeRank(minimum);
}

/** The weakest of some grades in gradeRank's order, or null when there are none (non-grades are skipped). */
export function weakestGrade(grades: Iterable<unknown>): string | null {
  let worst: string | null = null;
  for (const g of grades) if (isGrade(g) && (worst === null || gradeRank(g) > gradeRank(worst))) worst = g;
  return worst;
}
