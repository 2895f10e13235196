/**
 * The label of a group of nodes (a combo): how many of each kind it holds, "12 Facilitators" or
 * "5 Facilitators, 2 Countries", most numerous kind first. Zod-free: the client labels its group
 * nodes with it, and an export relabels a group whose members the recipient may not all see, so a
 * label never counts what was withheld.
 */
import { nodeStyle } from './presentation.ts';

export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

export function groupLabel(kinds: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([kind, n]) => {
      const name = nodeStyle(kind).label;
      return `${n} ${n === 1 ? name : plural(name)}`;
    })
    .join(', ');
}
