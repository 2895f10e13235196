/** The rows of an aggregated arrow's details: its member flows as the data graph holds them, most victims first. */
import type { DataGraph } from '../graph/data-graph.ts';

export interface FlowRow {
  id: string;
  origin: string;
  centre: string;
  centreId: string;
  victims: number | null;
  period: string;
  grade: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function flowMembers(graph: DataGraph, members: readonly string[]): FlowRow[] {
  return members
    .filter((id) => graph.hasEdge(id))
    .map((id) => {
      const a = graph.getEdgeAttributes(id);
      const [source, target] = graph.extremities(id);
      const from = text(a.periodStart) || text(a.firstSeen);
      const to = text(a.periodEnd) || text(a.lastSeen);
      return {
        id,
        origin: graph.getNodeAttribute(source, 'label'),
        centre: graph.getNodeAttribute(target, 'label'),
        centreId: target,
        victims: typeof a.victims === 'number' ? a.victims : null,
        period: from || to ? `${from}–${to}` : '',
        grade: text(a.grade),
      };
    })
    .sort((x, y) => (y.victims ?? -1) - (x.victims ?? -1) || x.id.localeCompare(y.id));
}
