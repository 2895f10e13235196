/** The sigma instance over the data graph, with the settings of the investigation canvas. */
import Sigma from 'sigma';
import type { DataGraph } from '../../core/graph/data-graph.ts';
import type { EdgeData, NodeData } from '../../core/graph/types.ts';
import { NodeIconProgram } from '../../core/style/icons.ts';

export type SigmaInstance = Sigma<NodeData, EdgeData>;

export function createSigma(graph: DataGraph, container: HTMLElement): SigmaInstance {
  return new Sigma<NodeData, EdgeData>(graph, container, {
    defaultEdgeType: 'arrow',
    defaultNodeType: 'icon',
    nodeProgramClasses: { icon: NodeIconProgram as never },
    renderEdgeLabels: false,
    // links are clickable (their details and editing); sigma picks them on its GPU picking pass
    enableEdgeEvents: true,
    labelDensity: 0.08,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 7,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    stagePadding: 40,
  });
}
