import type { LineSearch } from "../lineSearch/LineSearch";
import { strongWolfe } from "../lineSearch/strongWolfe";
import { validate } from "../validate";
import { checkOptions } from "./checkOptions";
import type { DescentContext, DescentMethod, DescentRun } from "./DescentMethod";

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  /** m, the number of (s, y) pairs kept. Default 10. */
  historySize?: number;
  /** The step-length rule. Default `strongWolfe()` (c1 = 1e-4, c2 = 0.9). */
  lineSearch?: LineSearch;
}

const KNOWN = ["historySize", "lineSearch"] as const;

/**
 * Pairs with sᵀy ≤ CURVATURE_EPSILON·‖s‖·‖y‖ are not stored: the curvature along s is
 * not (numerically) positive, and the update would lose positive definiteness.
 */
const CURVATURE_EPSILON = 2.220446049250313e-16;

/**
 * Limited-memory BFGS, the quasi-Newton method for smooth unconstrained problems, for
 * `minimize`. It keeps the last m steps sᵢ = xᵢ₊₁ − xᵢ and gradient changes
 * yᵢ = ∇fᵢ₊₁ − ∇fᵢ, and turns the gradient into a search direction dₖ = −Hₖ∇fₖ with the
 * two-loop recursion (Nocedal & Wright Algorithm 7.4):
 * ```
 * q ← ∇fₖ
 * for i = k−1 … k−m:   αᵢ ← ρᵢ·sᵢᵀq;   q ← q − αᵢ·yᵢ          (ρᵢ = 1 / yᵢᵀsᵢ)
 * r ← γₖ·q,            γₖ = sₖ₋₁ᵀyₖ₋₁ / yₖ₋₁ᵀyₖ₋₁          (initial scaling H⁰ = γₖI)
 * for i = k−m … k−1:   β ← ρᵢ·yᵢᵀr;    r ← r + sᵢ·(αᵢ − β)
 * dₖ ← −r
 * ```
 * then takes xₖ₊₁ = xₖ + αₖdₖ with a line search that first tries αₖ = 1 (and
 * 1/‖∇f₀‖₂ on the first iteration, when d₀ = −∇f₀). A pair with
 * sᵀy ≤ ε·‖s‖·‖y‖ (ε = 2⁻⁵²) is skipped, which keeps Hₖ positive definite. All vector
 * work — 4m + O(1) dot products and axpys per iteration — runs on the backend's
 * kernels, on 2m + 7 vectors allocated once (one spare (s, y) slot receives each new pair
 * before it is accepted).
 *
 * Defaults: m = 10, `lineSearch: strongWolfe()` with c1 = 1e-4 and c2 = 0.9; the Wolfe
 * conditions guarantee sᵀy > 0.
 *
 * References: D. C. Liu and J. Nocedal, "On the limited memory BFGS method for large
 * scale optimization", Math. Programming 45:503–528, 1989; J. Nocedal and S. J. Wright,
 * *Numerical Optimization*, 2nd ed., Algorithms 7.4 and 7.5.
 *
 * @throws DownhillError `UNKNOWN_OPTION`, `INVALID_OPTION` (a `historySize` that is not a
 * whole number ≥ 1), `WRONG_TYPE` (a `lineSearch` that is not a LineSearch).
 *
 * @example
 * ```ts
 * await init();
 * const p = problems.rosenbrock();
 * const result = minimize(p, p.x0, { optimizer: lbfgs({ historySize: 5 }) });
 * // result.x ≈ [1, 1], result.reason === "gradientTolerance"
 * ```
 */
export function lbfgs(options?: LbfgsOptions): DescentMethod & { readonly historySize: number } {
  const where = "lbfgs";
  const o = validate.options(where, options, KNOWN);
  const historySize = o.historySize === undefined ? 10 : checkOptions.wholeNumber(where, "historySize", o.historySize, 1);
  const lineSearch = o.lineSearch === undefined ? strongWolfe() : checkOptions.lineSearch(where, o.lineSearch);
  return Object.freeze({
    name: "lbfgs",
    lineSearch,
    learningRate: undefined,
    historySize,
    vectorCount: () => 2 * (historySize + 1),
    start: (context: DescentContext): DescentRun => new LbfgsRun(context, historySize),
  });
}

/** The circular history of one L-BFGS run. */
class LbfgsRun implements DescentRun {
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  /** Slots: m + 1, so that a new pair never overwrites a stored one before it is accepted. */
  private readonly slots: number;
  /** Slot of the oldest stored pair. */
  private oldest = 0;
  /** Pairs stored (≤ m). */
  private count = 0;
  /** γ = sᵀy / yᵀy of the newest pair. */
  private gamma = 1;

  constructor(
    private readonly context: DescentContext,
    private readonly m: number,
  ) {
    this.slots = m + 1;
    this.rho = new Float64Array(this.slots);
    this.alpha = new Float64Array(this.slots);
  }

  private s(slot: number): Float64Array {
    return this.context.vectors[this.context.first + slot];
  }

  private y(slot: number): Float64Array {
    return this.context.vectors[this.context.first + this.slots + slot];
  }

  direction(gradient: Float64Array, direction: Float64Array): number {
    const k = this.context.kernels;
    k.copy(gradient, direction);
    if (this.count === 0) {
      k.scale(-1, direction);
      const norm = Math.sqrt(k.squaredNorm(gradient));
      return norm > 0 ? 1 / norm : 1;
    }
    const { slots, rho, alpha } = this;
    for (let j = this.count - 1; j >= 0; j--) {
      const slot = (this.oldest + j) % slots;
      const a = rho[slot] * k.dot(this.s(slot), direction);
      alpha[slot] = a;
      k.axpy(-a, this.y(slot), direction);
    }
    k.scale(-this.gamma, direction);
    // direction now holds −γq; the second loop adds sᵢ(αᵢ − β) with signs flipped.
    for (let j = 0; j < this.count; j++) {
      const slot = (this.oldest + j) % slots;
      const beta = -rho[slot] * k.dot(this.y(slot), direction);
      k.axpy(beta - alpha[slot], this.s(slot), direction);
    }
    return 1;
  }

  update(step: number, direction: Float64Array, gradient: Float64Array, newGradient: Float64Array): void {
    const k = this.context.kernels;
    const slot = (this.oldest + this.count) % this.slots;
    const s = this.s(slot);
    const y = this.y(slot);
    k.copy(direction, s);
    k.scale(step, s);
    k.copy(newGradient, y);
    k.axpy(-1, gradient, y);
    const sy = k.dot(s, y);
    const yy = k.squaredNorm(y);
    const ss = k.squaredNorm(s);
    if (!(sy > CURVATURE_EPSILON * Math.sqrt(yy) * Math.sqrt(ss)) || !Number.isFinite(sy) || !Number.isFinite(yy)) return;
    this.rho[slot] = 1 / sy;
    this.gamma = sy / yy;
    if (this.count < this.m) this.count++;
    else this.oldest = (this.oldest + 1) % this.slots;
  }

  reset(): void {
    this.count = 0;
    this.oldest = 0;
    this.gamma = 1;
  }
}
