/**
 * Seeded randomness for the generator: pure-rand's xoroshiro128+ behind a few helpers. Each part of
 * the network draws from its own stream (`fork`), so changing how one part draws leaves the others
 * as they were for a given seed.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * `items[index]` for an index the caller has derived from the list's own length (the lists here
 * never hold `undefined`, so a miss means the index arithmetic broke).
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} is outside a list of ${items.length}`);
  return item;
}

export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static fromSeed(seed: number): Random {
    return new Random(xoroshiro128plus(seed));
  }

  /** An independent stream: the child takes the current position, this one jumps 2^64 ahead. */
  fork(): Random {
    const child = this.rng.clone();
    this.rng.jump();
    return new Random(child);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return itemAt(items, this.int(0, items.length - 1));
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const weighted = items.map((item) => [item, weightOf(item)] as const);
    const total = weighted.reduce((a, [, w]) => a + w, 0);
    if (items.length === 0 || !(total > 0)) throw new Error('weighted pick needs a positive total weight');
    let x = this.float() * total;
    for (const [item, weight] of weighted) {
      x -= weight;
      if (x < 0) return item;
    }
    // rounding can leave x a hair above zero after the last weight
    return itemAt(items, items.length - 1);
  }

  /**
   * `weighted` for many picks from one list: the running totals are summed once and each pick is
   * a binary search, so n picks from m items cost n·log m instead of n·m (large scales need it).
   * Weights are whole numbers here, so the totals are exact and the picks are `weighted`'s.
   */
  weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number): () => T {
    const cumulative: number[] = [];
    let total = 0;
    for (const item of items) cumulative.push((total += weightOf(item)));
    if (items.length === 0 || !(total > 0)) throw new Error('weighted pick needs a positive total weight');
    return () => {
      const x = this.float() * total;
      let lo = 0;
      let hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (itemAt(cumulative, mid) > x) hi = mid;
        else lo = mid + 1;
      }
      return itemAt(items, lo);
    };
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [itemAt(out, j), itemAt(out, i)];
    }
    return out;
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the
 * earlier index), so published shares are met as exactly as whole numbers allow.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error('apportion needs a positive total weight');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = itemAt(parts, i) + 1;
    left--;
  }
  return parts;
}

/** A shuffled list holding each label as many times as its share of `total` gives. */
export function quotaLabels<L extends string>(
  rng: Random,
  total: number,
  shares: ReadonlyArray<readonly [L, number]>,
): L[] {
  const counts = apportion(
    total,
    shares.map(([, w]) => w),
  );
  return rng.shuffle(shares.flatMap(([label], i) => Array<L>(itemAt(counts, i)).fill(label)));
}
