import type { LineSearch } from "../lineSearch/LineSearch";
import { strongWolfe } from "../lineSearch/strongWolfe";
import { validate } from "../validate";
import { checkOptions } from "./checkOptions";
import type { DescentContext, DescentMethod, DescentRun } from "./DescentMethod";
import { initialStep } from "./initialStep";

/** Options of {@link conjugateGradient}. */
export interface ConjugateGradientOptions {
  /** The step-length rule. Default `strongWolfe({ curvature: 0.1 })`. */
  lineSearch?: LineSearch;
  /** Restart with steepest descent every this many iterations. Default n, the number of variables. */
  restartInterval?: number;
}

const KNOWN = ["lineSearch", "restartInterval"] as const;

/**
 * Nonlinear conjugate gradients, Polak–Ribière+ (PR+), for `minimize`: the search
 * direction mixes the new gradient with the previous direction,
 * ```
 * βₖ₊₁ = max(0, ∇fₖ₊₁ᵀ(∇fₖ₊₁ − ∇fₖ) / ‖∇fₖ‖²)
 * dₖ₊₁ = −∇fₖ₊₁ + βₖ₊₁·dₖ
 * ```
 * and restarts with steepest descent, dₖ₊₁ = −∇fₖ₊₁, every `restartInterval` iterations
 * (default n) and whenever dₖ₊₁ is not a descent direction (∇fₖ₊₁ᵀdₖ₊₁ ≥ 0). Clipping β
 * at 0 is itself a restart. CG stores only 3 vectors beyond the iterate, so it suits
 * very large n; it usually needs more iterations than L-BFGS.
 *
 * The first step tried is α₀ = 1/‖∇f₀‖₂, later αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ (Nocedal &
 * Wright eq. 3.60: the first-order change of the previous step). The default line
 * search is `strongWolfe({ curvature: 0.1 })`: CG needs the tighter curvature
 * condition c2 = 0.1 to produce descent directions.
 *
 * References: E. Polak and G. Ribière, "Note sur la convergence de méthodes de
 * directions conjuguées", RIRO 3(16):35–43, 1969; J. C. Gilbert and J. Nocedal, "Global
 * convergence properties of conjugate gradient methods for optimization", SIAM J.
 * Optim. 2(1):21–42, 1992 (PR+); Nocedal and Wright, *Numerical Optimization*, 2nd ed.,
 * §5.2.
 *
 * @throws DownhillError `UNKNOWN_OPTION`, `INVALID_OPTION` (a `restartInterval` that is
 * not a whole number ≥ 1), `WRONG_TYPE` (a `lineSearch` that is not a LineSearch).
 *
 * @example
 * ```ts
 * await init();
 * const p = problems.rosenbrock();
 * const result = minimize(p, p.x0, { optimizer: conjugateGradient(), maxIterations: 5000 });
 * // result.x ≈ [1, 1]
 * ```
 */
export function conjugateGradient(options?: ConjugateGradientOptions): DescentMethod & { readonly restartInterval: number | undefined } {
  const where = "conjugateGradient";
  const o = validate.options(where, options, KNOWN);
  const lineSearch = o.lineSearch === undefined ? strongWolfe({ curvature: 0.1 }) : checkOptions.lineSearch(where, o.lineSearch);
  const restartInterval =
    o.restartInterval === undefined ? undefined : checkOptions.wholeNumber(where, "restartInterval", o.restartInterval, 1);
  return Object.freeze({
    name: "conjugateGradient",
    lineSearch,
    learningRate: undefined,
    restartInterval,
    vectorCount: () => 0,
    start: (context: DescentContext): DescentRun => new ConjugateGradientRun(context, restartInterval ?? context.dimension),
  });
}

class ConjugateGradientRun implements DescentRun {
  /** β for the next direction; NaN means "restart with steepest descent". */
  private beta = NaN;
  private sinceRestart = 0;
  private previousStep = NaN;
  private previousSlope = NaN;

  constructor(
    private readonly context: DescentContext,
    private readonly interval: number,
  ) {}

  direction(gradient: Float64Array, direction: Float64Array): number {
    const k = this.context.kernels;
    if (Number.isNaN(this.beta) || this.sinceRestart >= this.interval) {
      this.steepest(gradient, direction);
    } else {
      k.scale(this.beta, direction);
      k.axpy(-1, gradient, direction);
      if (!(k.dot(gradient, direction) < 0)) this.steepest(gradient, direction);
    }
    return initialStep(k, gradient, direction, this.previousStep, this.previousSlope);
  }

  private steepest(gradient: Float64Array, direction: Float64Array): void {
    const k = this.context.kernels;
    k.copy(gradient, direction);
    k.scale(-1, direction);
    this.sinceRestart = 0;
  }

  update(step: number, _direction: Float64Array, gradient: Float64Array, newGradient: Float64Array, slope: number): void {
    const k = this.context.kernels;
    const old = k.squaredNorm(gradient);
    const beta = (k.squaredNorm(newGradient) - k.dot(newGradient, gradient)) / old;
    this.beta = Number.isFinite(beta) ? Math.max(0, beta) : NaN;
    this.sinceRestart++;
    this.previousStep = step;
    this.previousSlope = slope;
  }

  reset(): void {
    this.beta = NaN;
    this.sinceRestart = 0;
  }
}
