/**
 * The logic of the entity picker for id parameters: what the field holds (a picked entity, or
 * text being typed, or an id pasted), which option the arrow keys light, and how a hit reads.
 */
import type { SearchHit } from '../../../../server/model/wire.ts';

/** A node id as the server takes one: a kind's prefix, a colon, then no spaces (`centre:na-2024-01`). */
export const looksLikeId = (text: string): boolean => /^[a-z]+:\S+$/.test(text.trim());

/** The option the keys light: Down and Up step and wrap, Home and End jump; -1 is none. */
export function nextActive(active: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return active;
  }
}

/** What to search for as the analyst types: nothing for a pasted id, or for fewer than two letters. */
export function searchTerm(text: string): string | null {
  const q = text.trim();
  if (q.length < 2 || looksLikeId(q)) return null;
  return q;
}

/**
 * The parameter's value for the text in the field: the picked entity's id while the text is still
 * its label, else the text itself (an id pasted or typed is taken as it is; anything else the
 * server refuses as not an id, in words).
 */
export function valueOfField(text: string, picked: { id: string; label: string } | null): string {
  if (picked && text === picked.label) return picked.id;
  return text.trim();
}

/** What the field shows for a value: the label it was picked as, else the value (a pasted id). */
export function fieldText(value: string, picked: { id: string; label: string } | null): string {
  return picked && picked.id === value ? picked.label : value;
}

/** One line about a hit beside its label: its kind and where it is. */
export function hitMeta(hit: Pick<SearchHit, 'countries'>, kindLabel: string): string {
  return hit.countries.length ? `${kindLabel} · ${hit.countries.join(', ')}` : kindLabel;
}
