/**
 * Domain properties whose names a drawing library reserves, and the names they travel under in
 * files meant to be drawn as they are. Sigma reads a node's `type` as the name of its drawing
 * program and throws on an unknown one, so Organisation.type (police, ngo, financial…) is written
 * as `organisationType` by the JSON export and read back as `type` by the JSON import.
 */
export const RENAMED_FOR_DRAWING = { type: 'organisationType' } as const;

/** The domain name of a property as it came in a drawable file (`organisationType` → `type`). */
export function domainName(name: string): string {
  for (const [domain, drawn] of Object.entries(RENAMED_FOR_DRAWING)) if (drawn === name) return domain;
  return name;
}
