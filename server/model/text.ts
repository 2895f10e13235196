/**
 * Case-, accent- and punctuation-folding shared by what is stored for search and what is
 * searched for: "South-East" and "(dismantled" become words that a search can start on.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The stored search key: folded name and aliases, each between `|` separators (folding removes
 * `|` from the names themselves), so "is" and "starts with" can be tested on any of them with CONTAINS
 * `|term|` and `|term`, in the same Cypher on both stores.
 */
export function searchKeyOf(name: string, aliases: readonly string[]): string {
  const names = [name, ...aliases].map(foldText).filter(Boolean);
  return `|${names.join('|')}|`;
}
