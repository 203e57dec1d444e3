/**
 * An objective as one function: returns f(x) and, when `gradient` is passed, writes
 * ∇f(x) into it. Declare it with two parameters, `(x, gradient) => …`; a function
 * declared with one parameter, `(x) => …`, is taken as value-only and gets a
 * finite-difference gradient.
 *
 * `x` and `gradient` may be views into WebAssembly memory that are reused between
 * calls: read `x`, fill `gradient`, and keep neither (copy `x` to keep it). Never
 * modify `x`.
 *
 * @example
 * ```ts
 * // f(x) = Σ xᵢ², ∇f = 2x
 * const f: ObjectiveFunction = (x, gradient) => {
 *   let sum = 0;
 *   for (let i = 0; i < x.length; i++) {
 *     sum += x[i] * x[i];
 *     if (gradient) gradient[i] = 2 * x[i];
 *   }
 *   return sum;
 * };
 * ```
 */
export type ObjectiveFunction = (x: Float64Array, gradient?: Float64Array) => number;

/**
 * An objective as an object, shaped like ensmallen's function types (and like every
 * problem in `problems`): `value` alone gets a finite-difference gradient; with
 * `gradient` or `valueAndGradient` the gradient is analytic. Whatever is missing is
 * built from the rest: `valueAndGradient` from `value` + `gradient`, `value` from
 * `valueAndGradient`.
 *
 * The same rules as for {@link ObjectiveFunction} apply to `x` and `out`.
 *
 * @example
 * ```ts
 * const quadratic: ObjectiveObject = {
 *   value: (x) => x[0] * x[0] + 10 * x[1] * x[1],
 *   gradient(x, out) { out[0] = 2 * x[0]; out[1] = 20 * x[1]; },
 * };
 * ```
 */
export interface ObjectiveObject {
  /** Number of variables; when present, `x0` must have this length. */
  readonly dim?: number;
  /** f(x). */
  value?(x: Float64Array): number;
  /** Writes ∇f(x) into `out`. */
  gradient?(x: Float64Array, out: Float64Array): void;
  /** Writes ∇f(x) into `out` and returns f(x). */
  valueAndGradient?(x: Float64Array, out: Float64Array): number;
}

/**
 * What `minimize` and `gradientCheck` accept as f: ℝⁿ → ℝ, float64 throughout — a
 * function `(x, gradient?) => number` ({@link ObjectiveFunction}) or an object with
 * `value`, `gradient` and/or `valueAndGradient` ({@link ObjectiveObject}).
 */
export type Objective = ObjectiveFunction | ObjectiveObject;
