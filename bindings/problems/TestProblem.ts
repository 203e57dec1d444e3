/**
 * A classic unconstrained minimisation test problem: an objective f: ℝⁿ → ℝ with its
 * analytic gradient, a standard starting point and, where known, the minimum.
 *
 * Every factory in `problems` returns a fresh object (its own `x0`, `minimizers` and
 * scratch buffers), so problems can be used concurrently and their arrays modified
 * freely. `value`, `gradient` and `valueAndGradient` allocate nothing; they throw a
 * `DownhillError` with code `LENGTH_MISMATCH` when `x` or `out` does not have length
 * `dim`. `out` must not be the same array as `x`.
 *
 * @example
 * ```ts
 * const p = problems.rosenbrock();
 * const x = p.x0.slice();
 * const g = new Float64Array(p.dim);
 * const f = p.valueAndGradient(x, g); // f = 24.2, g = ∇f(x0)
 * ```
 */
export interface TestProblem {
  /** camelCase identifier, the key in `problems`, e.g. `"freudensteinRoth"`. */
  id: string;
  /** Human-readable name, e.g. `"Freudenstein and Roth"`. */
  name: string;
  /** Number of variables n. */
  dim: number;
  /** Standard starting point (a fresh copy on each factory call). */
  x0: Float64Array;
  /** Known minimum value f*, as published (usually 6 significant digits); undefined when not known. */
  minimumValue?: number;
  /**
   * Known minimiser(s) where known: exact points where the minimiser has a closed form,
   * otherwise points computed to high accuracy for the default dimension. Problems
   * whose minimisers form a continuum give one representative point.
   */
  minimizers?: Float64Array[];
  /** f(x). */
  value(x: Float64Array): number;
  /** Writes the analytic gradient ∇f(x) into `out`. */
  gradient(x: Float64Array, out: Float64Array): void;
  /** Writes ∇f(x) into `out` and returns f(x); equal, bit for bit, to `value` and `gradient`. */
  valueAndGradient(x: Float64Array, out: Float64Array): number;
  /** Where the problem is defined (paper and problem number, or benchmark collection). */
  references: string[];
}
