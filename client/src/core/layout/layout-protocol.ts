/** The messages between the canvas and its layout worker (layout-worker.ts). */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { ConvergenceRule } from './convergence.ts';

export type LayoutVerdict = 'running' | 'converged' | 'capped';

export type ToLayoutWorker =
  | {
      type: 'start';
      /** FA2's node matrix (fa2-matrices.ts) */
      nodes: Float32Array;
      edges: Float32Array;
      settings: Required<ForceAtlas2Settings>;
      rule: ConvergenceRule;
      /** a new big canvas: start from a community seed (seed-positions.ts), not the merge's spiral */
      seed: boolean;
    }
  /** the canvas has drawn the last positions: send the current ones */
  | { type: 'pull' };

export interface LayoutProgress {
  type: 'positions';
  /** x, y of each node in the order of the start's matrix */
  xy: Float32Array;
  iterations: number;
  /** the last iteration's mean movement, as a share of the typical spacing (convergence.ts) */
  movement: number;
  verdict: LayoutVerdict;
  /** since the start message, in the worker */
  ms: number;
  /** the worker's time spent on the community seed */
  seedMs: number;
}
