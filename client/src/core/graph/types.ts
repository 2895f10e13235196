/** The subgraph format the server sends (graphology's serialised graph): the server's own type. */
export type { SerializedEdge, SerializedGraph, SerializedNode } from '../../../../server/model/wire.ts';

/** What the data graph keeps on a node: the server's attributes, plus where it is drawn. */
export interface NodeData {
  kind: string;
  label: string;
  x: number;
  y: number;
  /** pinned nodes keep their place while the layout runs (ForceAtlas2 reads `fixed`) */
  fixed?: boolean;
  /** hidden by the investigator (not by a filter); the reducers leave it out */
  hiddenByUser?: boolean;
  /** the network position while the route view shows the node on the map */
  netX?: number;
  netY?: number;
  placedOnMap?: boolean;
  [property: string]: unknown;
}

export interface EdgeData {
  kind: string;
  [property: string]: unknown;
}
