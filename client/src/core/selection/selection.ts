/**
 * Which nodes the analyst has selected. Several can be (shift/ctrl-click, lasso, a kind from the
 * legend …), and one of them is the primary: the last one picked, whose details the right-hand
 * panel shows. Pure values: App holds one, and every gesture makes the next with `select`.
 */

export interface Selection {
  /** in the order they were picked; no duplicates */
  readonly ids: readonly string[];
  /** the one shown in the details panel: the last picked still selected, or null */
  readonly primary: string | null;
}

/** replace: exactly these; add / remove: these and the rest; toggle: flip each of these */
export type SelectMode = 'replace' | 'add' | 'remove' | 'toggle';

export const EMPTY_SELECTION: Selection = { ids: [], primary: null };

/** A selection of one node (or none). */
export function single(id: string | null): Selection {
  return id ? { ids: [id], primary: id } : EMPTY_SELECTION;
}

/**
 * The selection after a gesture. The primary becomes the last id the gesture added; when the
 * gesture removed the primary, the last remaining id takes its place.
 * @example select(single('a'), ['b'], 'toggle') // { ids: ['a', 'b'], primary: 'b' }
 */
export function select(current: Selection, ids: readonly string[], mode: SelectMode): Selection {
  const next = mode === 'replace' ? new Set<string>() : new Set(current.ids);
  let added: string | null = null;
  for (const id of ids) {
    if (mode === 'remove' || (mode === 'toggle' && next.has(id))) next.delete(id);
    else {
      // re-adding moves it last, so "the last picked" stays true
      next.delete(id);
      next.add(id);
      added = id;
    }
  }
  const list = [...next];
  const primary =
    added ?? (current.primary && next.has(current.primary) ? current.primary : (list[list.length - 1] ?? null));
  return { ids: list, primary };
}

/** The selection restricted to ids that still exist (after nodes were removed from the canvas). */
export function keepExisting(current: Selection, exists: (id: string) => boolean): Selection {
  if (current.ids.every(exists)) return current;
  const ids = current.ids.filter(exists);
  const primary = current.primary && exists(current.primary) ? current.primary : (ids[ids.length - 1] ?? null);
  return { ids, primary };
}

/** The mode a click asks for: shift, ctrl or cmd held adds to (toggles in) the selection. */
export function modeOfClick(
  event: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } | undefined,
): SelectMode {
  return event && (event.shiftKey || event.ctrlKey || event.metaKey) ? 'toggle' : 'replace';
}
