/**
 * The groups (combos) an export carries, resolved against what is actually exported: a member
 * not in the exported graph (not selected, or withheld for the recipient) is left out, a node in
 * two groups stays in the first, and a group left with fewer than two members is dropped. When a
 * member was left out the label is recounted from the members kept, so a label never counts, or
 * hints at, what the recipient may not see.
 */
import { groupLabel } from '../model/group-label.ts';
import type { SerializedGraph } from '../store/types.ts';
import { cleanText } from './clean-text.ts';
import type { ExportGroup } from './request.ts';

export interface ResolvedGroup {
  id: string;
  label: string;
  members: string[];
}

export function resolveGroups(requested: readonly ExportGroup[] | undefined, graph: SerializedGraph): ResolvedGroup[] {
  if (!requested || requested.length === 0) return [];
  const kindOf = new Map(graph.nodes.map((n) => [n.key, String(n.attributes.kind)]));
  const claimed = new Set<string>();
  const ids = new Set<string>();
  const groups: ResolvedGroup[] = [];
  for (const g of requested) {
    if (ids.has(g.id) || kindOf.has(g.id)) continue;
    const members = [...new Set(g.members)].filter((m) => kindOf.has(m) && !claimed.has(m));
    if (members.length < 2) continue;
    const given = cleanText(g.label).replace(/\s+/g, ' ').trim();
    const label =
      members.length === g.members.length && given ? given : groupLabel(members.map((m) => kindOf.get(m) ?? ''));
    for (const m of members) claimed.add(m);
    ids.add(g.id);
    groups.push({ id: g.id, label, members });
  }
  return groups;
}

/** Each member's group. */
export function groupByMember(groups: readonly ResolvedGroup[]): Map<string, ResolvedGroup> {
  const byMember = new Map<string, ResolvedGroup>();
  for (const g of groups) for (const m of g.members) byMember.set(m, g);
  return byMember;
}
