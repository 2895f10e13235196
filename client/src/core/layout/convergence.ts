/**
 * When ForceAtlas2 has converged: how far the nodes moved in one iteration, as a share of the
 * typical spacing between nodes (the side of the square each node would have in the layout's
 * bounding box), so the measure means the same at 50 nodes and at 10,000 and whatever the scale.
 * The layout stops when that share stays below a threshold for several iterations in a row; a
 * cap on iterations is a safety net, reported as such, not the rule.
 */
import { NODE_FIXED, NODE_X, NODE_Y, PPN } from './fa2-matrices.ts';

export interface Movement {
  /** mean displacement of the free nodes, over the typical spacing */
  mean: number;
  /** the largest displacement, over the typical spacing */
  max: number;
  /** the typical spacing itself, in layout units */
  spacing: number;
}

/** Copies the x, y of each node (2 floats a node) so the next iteration's movement can be read. */
export function positionsOf(nodes: Float32Array, into?: Float32Array): Float32Array {
  const out = into ?? new Float32Array((nodes.length / PPN) * 2);
  for (let i = 0, j = 0; j < nodes.length; i += 2, j += PPN) {
    out[i] = nodes[j + NODE_X] ?? 0;
    out[i + 1] = nodes[j + NODE_Y] ?? 0;
  }
  return out;
}

export function movement(before: Float32Array, nodes: Float32Array): Movement {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  let sum = 0;
  let max = 0;
  let free = 0;
  for (let i = 0, j = 0; j < nodes.length; i += 2, j += PPN) {
    const x = nodes[j + NODE_X] ?? 0;
    const y = nodes[j + NODE_Y] ?? 0;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    if (nodes[j + NODE_FIXED]) continue;
    const d = Math.hypot(x - (before[i] ?? 0), y - (before[i + 1] ?? 0));
    sum += d;
    max = Math.max(max, d);
    free++;
  }
  const count = nodes.length / PPN;
  const spacing = Math.sqrt(Math.max((maxX - minX) * (maxY - minY), 1e-9) / Math.max(count, 1)) || 1;
  return { mean: free ? sum / free / spacing : 0, max: max / spacing, spacing };
}

export interface ConvergenceRule {
  /** the mean movement, as a share of the spacing, under which an iteration counts as calm */
  threshold: number;
  /** how many calm iterations in a row mean converged */
  calmIterations: number;
  /** the safety cap: stop here even if not converged (and say so) */
  maxIterations: number;
}

export const DEFAULT_RULE: ConvergenceRule = { threshold: 0.01, calmIterations: 20, maxIterations: 3000 };

/** Counts calm iterations; `verdict` says whether to stop and why. */
export class ConvergenceWatch {
  private calm = 0;
  iterations = 0;
  last: Movement | null = null;

  constructor(readonly rule: ConvergenceRule = DEFAULT_RULE) {}

  record(m: Movement): void {
    this.iterations++;
    this.last = m;
    this.calm = m.mean < this.rule.threshold ? this.calm + 1 : 0;
  }

  verdict(): 'running' | 'converged' | 'capped' {
    if (this.calm >= this.rule.calmIterations) return 'converged';
    if (this.iterations >= this.rule.maxIterations) return 'capped';
    return 'running';
  }
}
