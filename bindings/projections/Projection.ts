import type { FloatArray } from "../FloatArray";

/**
 * An exact Euclidean projection onto a closed convex set C, for projected gradient
 * descent: after each optimizer step, `project(x)` replaces x in place by
 * ```
 * P_C(x) = argmin_{y ∈ C} ‖y − x‖₂
 * ```
 * the point of C nearest to x. Points already in C are left exactly as they are.
 *
 * The precision follows the array: a Float64Array is projected in float64; a
 * Float32Array is projected in float64 and the result rounded to float32 on the way
 * back. After the first call for a given length, `project` allocates nothing.
 *
 * When `project` throws a `DownhillError`, `x` has not been modified.
 *
 * @example
 * ```ts
 * const onSimplex = simplex();
 * const opt = sgd({ learningRate: 0.1 });
 * opt.step(weights, grads);
 * onSimplex.project(weights);   // weights ≥ 0 and Σ weights = 1 again
 * ```
 */
export interface Projection {
  /** The set, e.g. `"simplex"`. */
  readonly name: string;
  /** Replaces `x` by its projection, in place. */
  project(x: FloatArray): void;
}
