import { DownhillError } from "../DownhillError";
import { checkOptions, describe } from "../minimize/checkOptions";
import { Evaluator } from "../minimize/Evaluator";
import { validate } from "../validate";
import type { FiniteDifferenceMethod } from "./estimateGradient";

export type { FiniteDifferenceMethod } from "./estimateGradient";

/** Options of {@link finiteDifferenceGradient}. */
export interface FiniteDifferenceOptions {
  /** `"central"` (default; 2n evaluations, error O(h²)) or `"forward"` (n + 1 evaluations, error O(h)). */
  method?: FiniteDifferenceMethod;
  /** Where to write the gradient (length n, not `x` itself); a new Float64Array by default. */
  out?: Float64Array;
}

const KNOWN = ["method", "out"] as const;

/**
 * Estimates ∇f(x) by finite differences, for objectives without an analytic gradient:
 * ```
 * forward:  ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x)) / hᵢ,               hᵢ = √ε·max(1, |xᵢ|)
 * central:  ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ),      hᵢ = ∛ε·max(1, |xᵢ|)
 * ```
 * with ε = 2⁻⁵² (float64 machine epsilon). These steps balance truncation against
 * rounding error (Nocedal & Wright, *Numerical Optimization*, 2nd ed., §8.1): forward
 * differences are accurate to about √ε ≈ 1e-8 relative, central ones to about
 * ε^(2/3) ≈ 4e-11 (times the size of the derivatives involved). Each step is rounded
 * so that xᵢ ± hᵢ is exactly representable and the quotient divides by the step
 * actually taken.
 *
 * Costs n + 1 evaluations of f (forward) or 2n (central). `x` is never modified: f is
 * called on a private copy that is perturbed one entry at a time.
 *
 * @param fn - f as a function `(x) => number`, or an object with a `value(x)` method
 *   (any gradient it has is ignored).
 * @param x - the point: a Float64Array (or an array of numbers), all entries finite.
 * @returns the gradient estimate (`options.out` when given).
 * @throws DownhillError `WRONG_TYPE` for a bad `fn` or `x`, `INVALID_OPTION` for an
 * unknown method, `LENGTH_MISMATCH` for an `out` of the wrong length, and
 * `OBJECTIVE_FAILED` (with the original error as `cause`) when `fn` throws.
 *
 * @example
 * ```ts
 * const f = (x: Float64Array) => Math.sin(x[0]) + x[0] * x[1] * x[1];
 * finiteDifferenceGradient(f, new Float64Array([1, 2]));
 * // ≈ [cos 1 + 4, 4] to about 1e-10
 * finiteDifferenceGradient(f, new Float64Array([1, 2]), { method: "forward" }); // to about 1e-7
 * ```
 */
export function finiteDifferenceGradient(
  fn: ((x: Float64Array) => number) | { value(x: Float64Array): number },
  x: Float64Array | readonly number[],
  options?: FiniteDifferenceOptions,
): Float64Array {
  const where = "finiteDifferenceGradient";
  const o = validate.options(where, options, KNOWN);
  const method = o.method === undefined ? "central" : checkOptions.oneOf(where, "method", o.method, ["forward", "central"] as const);
  const point = checkOptions.point(where, "x", x);
  let valueOf: (x: Float64Array) => number;
  if (typeof fn === "function") {
    valueOf = (v) => (fn as (x: Float64Array) => number)(v);
  } else if (fn !== null && typeof fn === "object" && typeof (fn as { value?: unknown }).value === "function") {
    valueOf = (v) => fn.value(v);
  } else {
    throw new DownhillError(
      "WRONG_TYPE",
      `${where}: fn must be a function (x) => number or an object with a value(x) method, got ${describe(fn)}.`,
      "fn",
    );
  }
  let out: Float64Array;
  if (o.out === undefined) {
    out = new Float64Array(point.length);
  } else {
    if (!(o.out instanceof Float64Array)) {
      throw new DownhillError("WRONG_TYPE", `${where}: out must be a Float64Array, got ${describe(o.out)}.`, "out");
    }
    if (o.out.length !== point.length) {
      throw new DownhillError("LENGTH_MISMATCH", `${where}: out has length ${o.out.length}, x has ${point.length}; they must match.`, "out");
    }
    out = o.out;
  }
  const evaluator = new Evaluator(where, { value: valueOf }, point.length, method);
  const valueAtX = method === "forward" ? evaluator.value(point) : NaN;
  evaluator.differenceGradient(point, out, method, valueAtX);
  return out;
}
