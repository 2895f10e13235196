/** What the entity/link form is opened on: a new entity, a new link between two nodes, or an edit. */

/** A node at one end of a link being drawn. */
export interface LinkEnd {
  id: string;
  kind: string;
  label: string;
}

export type EditTarget =
  | { entity: 'node'; mode: 'create' }
  | { entity: 'node'; mode: 'edit'; id: string }
  | { entity: 'relationship'; mode: 'create'; from: LinkEnd; to: LinkEnd }
  | { entity: 'relationship'; mode: 'edit'; id: string };
