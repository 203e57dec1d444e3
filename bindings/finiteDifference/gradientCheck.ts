import { DownhillError } from "../DownhillError";
import { checkOptions } from "../minimize/checkOptions";
import { Evaluator } from "../minimize/Evaluator";
import type { Objective } from "../minimize/Objective";
import { validate } from "../validate";

/** Options of {@link gradientCheck}. */
export interface GradientCheckOptions {
  /** The largest acceptable `maxRelativeError`. Default 1e-6. */
  tolerance?: number;
}

/** What {@link gradientCheck} reports. */
export interface GradientCheckResult {
  /** maxᵢ |aᵢ − nᵢ| (a: analytic, n: numeric). */
  maxAbsoluteError: number;
  /** maxᵢ |aᵢ − nᵢ| / max(1, |aᵢ|, |nᵢ|): relative for entries larger than 1, absolute below. */
  maxRelativeError: number;
  /** The entry i with the largest relative error. */
  worstIndex: number;
  /** The objective's own gradient at x. */
  analytic: Float64Array;
  /** The central-difference estimate at x. */
  numeric: Float64Array;
  /** True when every entry of both is finite and maxRelativeError ≤ tolerance. */
  ok: boolean;
}

const KNOWN = ["tolerance"] as const;

/**
 * Checks an objective's analytic gradient against central finite differences at one
 * point — the first thing to run when a hand-written gradient is suspect:
 * ```
 * aᵢ = ∂f/∂xᵢ as the objective computes it
 * nᵢ = (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ),   hᵢ = ∛ε·max(1, |xᵢ|)
 * errorᵢ = |aᵢ − nᵢ| / max(1, |aᵢ|, |nᵢ|)
 * ```
 * `ok` is true when every errorᵢ ≤ `tolerance` (default 1e-6). Central differences are
 * accurate to about 1e-10 relative on well-scaled smooth functions, so a correct
 * gradient passes with a wide margin and a wrong one (a dropped factor, a sign, a
 * transposed index) fails by orders of magnitude; badly scaled objectives may need a
 * looser tolerance.
 *
 * Costs one gradient and 2n values. `x` is never modified.
 *
 * Reference: Nocedal and Wright, *Numerical Optimization*, 2nd ed., §8.1.
 *
 * @param objective - a function `(x, gradient) => number` or an object with `value` and
 *   `gradient` and/or `valueAndGradient` (as for `minimize`); it must have a gradient.
 * @param x - the point (Float64Array or array of numbers, all finite).
 * @throws DownhillError `WRONG_TYPE`/`INVALID_OPTION` for bad arguments (also when the
 * objective has no gradient to check), `OBJECTIVE_FAILED` when the objective throws.
 *
 * @example
 * ```ts
 * const p = problems.rosenbrock();
 * const report = gradientCheck(p, p.x0);
 * report.ok;                // true
 * const wrong = { value: p.value, gradient(x: Float64Array, out: Float64Array) { p.gradient(x, out); out[0] *= 2; } };
 * gradientCheck(wrong, p.x0).worstIndex; // 0, ok false
 * ```
 */
export function gradientCheck(objective: Objective, x: Float64Array | readonly number[], options?: GradientCheckOptions): GradientCheckResult {
  const where = "gradientCheck";
  const o = validate.options(where, options, KNOWN);
  const tolerance = o.tolerance === undefined ? 1e-6 : checkOptions.nonNegative(where, "tolerance", o.tolerance);
  const point = checkOptions.point(where, "x", x);
  const n = point.length;
  const evaluator = new Evaluator(where, objective, n, undefined);
  if (!evaluator.hasGradient) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: the objective has no analytic gradient to check. Give it gradient(x, out) or valueAndGradient(x, out), ` +
        `or declare the function as (x, gradient) => … and fill gradient.`,
      "objective",
    );
  }
  const analytic = new Float64Array(n);
  const numeric = new Float64Array(n);
  const value = evaluator.valueAndGradient(point, analytic);
  evaluator.differenceGradient(point, numeric, "central", value);
  let maxAbsoluteError = 0;
  let maxRelativeError = 0;
  let worstIndex = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const a = analytic[i];
    const b = numeric[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      if (finite) worstIndex = i;
      finite = false;
      maxAbsoluteError = maxRelativeError = NaN;
      continue;
    }
    if (!finite) continue;
    const absolute = Math.abs(a - b);
    const relative = absolute / Math.max(1, Math.abs(a), Math.abs(b));
    if (absolute > maxAbsoluteError) maxAbsoluteError = absolute;
    if (relative > maxRelativeError) {
      maxRelativeError = relative;
      worstIndex = i;
    }
  }
  return { maxAbsoluteError, maxRelativeError, worstIndex, analytic, numeric, ok: finite && maxRelativeError <= tolerance };
}
