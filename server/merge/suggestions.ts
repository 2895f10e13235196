/**
 * Likely duplicates, for the analyst to check and merge: entities of one kind whose names are
 * equal after folding (case, accents, punctuation: model/text.ts, the same folding search uses),
 * or that share an alias (one's alias is another's name or alias). Only what the reader may see
 * is read, so a suggestion never names or counts a withheld entity.
 */
import { foldText } from '../model/text.ts';
import type { MergeSuggestions } from '../model/merge.ts';
import { NODE_KIND_NAMES, type NodeKind } from '../model/schema.ts';
import type { Tlp } from '../model/markings.ts';
import { seen, visibleParam } from '../graph/visibility.ts';
import type { GraphStore } from '../store/types.ts';

/** The most suggestions one answer lists (the largest groups first). */
export const MAX_SUGGESTIONS = 500;

type Suggestion = MergeSuggestions['suggestions'][number];

interface Entity {
  id: string;
  name: string;
  aliases: string[];
}

async function entitiesOf(store: GraphStore, kind: NodeKind, clearance: Tlp): Promise<Entity[]> {
  const result = await store.read(
    `MATCH (n:${kind}) WHERE ${seen('n', clearance)} RETURN n.id AS id, n.name AS name, n.aliases AS aliases`,
    visibleParam(clearance),
    { maxRows: 1_000_000, maxBytes: 512_000_000 },
  );
  return result.rows.map((row) => ({
    id: String(row.id),
    name: typeof row.name === 'string' ? row.name : String(row.id),
    aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [],
  }));
}

/** The suggestions among one kind's entities. */
export function duplicatesOf(kind: NodeKind, entities: readonly Entity[]): Suggestion[] {
  const byName = new Map<string, Entity[]>();
  const byAlias = new Map<string, Set<Entity>>();
  const add = (map: Map<string, Set<Entity>>, key: string, e: Entity) => {
    if (!key) return;
    const set = map.get(key) ?? new Set();
    set.add(e);
    map.set(key, set);
  };
  for (const e of entities) {
    const name = foldText(e.name);
    if (name) byName.set(name, [...(byName.get(name) ?? []), e]);
  }
  for (const e of entities) for (const alias of e.aliases) add(byAlias, foldText(alias), e);
  const out: Suggestion[] = [];
  const reported = new Set<string>();
  const groupKey = (group: Entity[]) =>
    group
      .map((e) => e.id)
      .sort()
      .join('\u0000');
  const push = (group: Entity[], reason: Suggestion['reason'], key: string) => {
    const sorted = [...group].sort((a, b) => a.id.localeCompare(b.id));
    const k = groupKey(sorted);
    if (sorted.length < 2 || reported.has(k)) return;
    reported.add(k);
    out.push({ kind, ids: sorted.map((e) => e.id), labels: sorted.map((e) => e.name), reason, key });
  };
  for (const [key, group] of byName) push(group, 'same name', key);
  // an alias shared by two entities, or one entity's alias that is another's name
  for (const [key, holders] of byAlias)
    push([...new Set([...holders, ...(byName.get(key) ?? [])])], 'shared alias', key);
  return out;
}

export async function suggestMerges(
  store: GraphStore,
  kind: NodeKind | undefined,
  clearance: Tlp,
): Promise<MergeSuggestions> {
  const suggestions: Suggestion[] = [];
  // Sources are not merged (merge.ts): suggesting them would offer what the merge refuses
  const kinds = (kind ? [kind] : NODE_KIND_NAMES).filter((k) => k !== 'Source');
  for (const k of kinds) suggestions.push(...duplicatesOf(k, await entitiesOf(store, k, clearance)));
  suggestions.sort((a, b) => b.ids.length - a.ids.length || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
  return { suggestions: suggestions.slice(0, MAX_SUGGESTIONS) };
}
