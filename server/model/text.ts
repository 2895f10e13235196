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
 * The stored search key: folded name and aliases, each between `|` separators (removed from the
 * names themselves), so "is" and "starts with" can be tested on any of them with CONTAINS
 * `|term|` and `|term`, in the same Cypher on both stores.
 */
export function searchKeyOf(name: string, aliases: readonly string[]): string {
  const names = [name, ...aliases].map((n) => foldText(n.replaceAll('|', ' '))).filter(Boolean);
  return `|${names.join('|')}|`;
}
