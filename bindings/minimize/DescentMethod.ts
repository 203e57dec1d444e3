import type { KernelSet } from "../backends/Kernels";
import type { LineSearch } from "../lineSearch/LineSearch";

/**
 * What a method's run gets from `minimize` (internal protocol): the backend's float64
 * kernels and its share of the work vectors, all allocated up front in the backend's
 * memory.
 */
export interface DescentContext {
  /** Number of variables n. */
  readonly dimension: number;
  /** The float64 kernels of the backend minimize runs on. */
  readonly kernels: KernelSet<Float64Array>;
  /**
   * The work vectors. The method's own are `vectors[first]` … `vectors[first + count − 1]`
   * (count = `vectorCount(n)`). WebAssembly memory growth replaces the views in this
   * array, so index it afresh on every call instead of keeping a vector.
   */
  readonly vectors: Float64Array[];
  /** Index of the method's first vector. */
  readonly first: number;
}

/**
 * One run of a descent method on one problem (internal protocol between `minimize` and
 * the methods). At every iteration minimize calls `direction`, searches along it, and
 * reports the accepted step to `update`.
 */
export interface DescentRun {
  /**
   * Writes the search direction dₖ at the current point into `direction` and returns
   * the first step length to try. Unless `reset` was called since, `direction` still
   * holds the previous direction dₖ₋₁ (CG builds on it).
   */
  direction(gradient: Float64Array, direction: Float64Array): number;
  /**
   * The step xₖ₊₁ = xₖ + step·dₖ was accepted: `gradient` is ∇f(xₖ), `newGradient`
   * ∇f(xₖ₊₁), `slope` = ∇f(xₖ)ᵀdₖ.
   */
  update(step: number, direction: Float64Array, gradient: Float64Array, newGradient: Float64Array, slope: number): void;
  /** Forget curvature information: the next direction is steepest descent. */
  reset(): void;
}

/**
 * A line-search descent method for `minimize` — {@link lbfgs}, {@link conjugateGradient}
 * or {@link gradientDescent}. Made by those factories; it holds only configuration, so
 * one method object can serve any number of `minimize` calls.
 */
export interface DescentMethod {
  /** `"lbfgs"`, `"conjugateGradient"` or `"gradientDescent"`. */
  readonly name: string;
  /** The step-length rule; undefined for gradient descent with a fixed learning rate. */
  readonly lineSearch: LineSearch | undefined;
  /** The fixed step η of gradient descent without a line search; undefined otherwise. */
  readonly learningRate: number | undefined;
  /** How many work vectors of length n a run needs. */
  vectorCount(dimension: number): number;
  /** Starts a run (internal protocol). */
  start(context: DescentContext): DescentRun;
}
