import { DownhillError } from "../DownhillError";
import { backtracking } from "../lineSearch/backtracking";
import type { LineSearch } from "../lineSearch/LineSearch";
import { validate } from "../validate";
import { checkOptions } from "./checkOptions";
import type { DescentContext, DescentMethod, DescentRun } from "./DescentMethod";
import { initialStep } from "./initialStep";

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions {
  /**
   * A fixed step η: x ← x − η∇f(x) with no line search (one value and gradient per
   * iteration). Stable on a quadratic only for η < 2/L, L its largest curvature.
   * Give either this or `lineSearch`.
   */
  learningRate?: number;
  /** The step-length rule when no `learningRate` is given. Default `backtracking()`. */
  lineSearch?: LineSearch;
}

const KNOWN = ["learningRate", "lineSearch"] as const;

/**
 * Steepest descent for `minimize`: dₖ = −∇f(xₖ), and
 * ```
 * xₖ₊₁ = xₖ − η·∇f(xₖ)          with a fixed learningRate η, or
 * xₖ₊₁ = xₖ − αₖ·∇f(xₖ)         with αₖ from a line search (default backtracking())
 * ```
 * The line search first tries α₀ = 1/‖∇f₀‖₂, later αₖ₋₁·‖∇fₖ₋₁‖²/‖∇fₖ‖² (Nocedal &
 * Wright eq. 3.60). Steepest descent converges linearly, at a rate set by the
 * condition number: it is the baseline the other methods are measured against, and
 * with `minimize`'s `projection` option it is projected gradient descent
 * (x ← P(x − η∇f), or an Armijo search along the projection arc
 * α ↦ P(x − α∇f) when a backtracking line search is used).
 *
 * Defaults: `lineSearch: backtracking()` (c1 = 1e-4, shrink 0.5) unless `learningRate`
 * is given.
 *
 * Reference: A. Cauchy, "Méthode générale pour la résolution des systèmes d'équations
 * simultanées", C. R. Acad. Sci. Paris 25:536–538, 1847; Nocedal and Wright,
 * *Numerical Optimization*, 2nd ed., §3.1–3.3; D. P. Bertsekas, *Nonlinear
 * Programming*, 2nd ed., §2.3 (projection arc).
 *
 * @throws DownhillError `UNKNOWN_OPTION`; `INVALID_OPTION` for a non-positive or
 * non-finite `learningRate`, or both `learningRate` and `lineSearch`; `WRONG_TYPE` for a
 * `lineSearch` that is not a LineSearch.
 *
 * @example
 * ```ts
 * await init();
 * const bowl = { value: (x: Float64Array) => x[0] ** 2 + 10 * x[1] ** 2,
 *                gradient: (x: Float64Array, g: Float64Array) => { g[0] = 2 * x[0]; g[1] = 20 * x[1]; } };
 * minimize(bowl, [1, 1], { optimizer: gradientDescent({ learningRate: 0.05 }) }).x; // ≈ [0, 0]
 * minimize(bowl, [1, 1], { optimizer: gradientDescent() }).reason;                  // "gradientTolerance"
 * ```
 */
export function gradientDescent(options?: GradientDescentOptions): DescentMethod {
  const where = "gradientDescent";
  const o = validate.options(where, options, KNOWN);
  const learningRate = o.learningRate === undefined ? undefined : checkOptions.positive(where, "learningRate", o.learningRate);
  if (learningRate !== undefined && o.lineSearch !== undefined) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${where}: give either learningRate (a fixed step) or lineSearch, not both.`,
      "lineSearch",
    );
  }
  const lineSearch = learningRate !== undefined ? undefined : o.lineSearch === undefined ? backtracking() : checkOptions.lineSearch(where, o.lineSearch);
  return Object.freeze({
    name: "gradientDescent",
    lineSearch,
    learningRate,
    vectorCount: () => 0,
    start: (context: DescentContext): DescentRun => new GradientDescentRun(context),
  });
}

class GradientDescentRun implements DescentRun {
  private previousStep = NaN;
  private previousSlope = NaN;

  constructor(private readonly context: DescentContext) {}

  direction(gradient: Float64Array, direction: Float64Array): number {
    const k = this.context.kernels;
    k.copy(gradient, direction);
    k.scale(-1, direction);
    return initialStep(k, gradient, direction, this.previousStep, this.previousSlope);
  }

  update(step: number, _direction: Float64Array, _gradient: Float64Array, _newGradient: Float64Array, slope: number): void {
    this.previousStep = step;
    this.previousSlope = slope;
  }

  reset(): void {
    this.previousStep = this.previousSlope = NaN;
  }
}
