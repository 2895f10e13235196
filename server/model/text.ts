/** Case- and accent-folding shared by what is stored for search and what is searched for. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The stored search key: folded name and aliases joined by a separator that folding never
 * produces, so "starts with" can be tested against each one with a CONTAINS on `|term`.
 */
export function searchKeyOf(name: string, aliases: readonly string[]): string {
  return `|${[name, ...aliases].map(foldText).join('|')}`;
}
