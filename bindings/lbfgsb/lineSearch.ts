import { moreThuenteNextTrial, moreThuenteSearchState, moreThuenteStart } from "../lineSearch/moreThuenteStep";

/** What {@link MoreThuenteLineSearch} asks for next. */
export type LineSearchTask =
  /** Evaluate f and φ′ at the step `stp` and call `next`. */
  | "evaluate"
  /** Both strong Wolfe conditions hold at `stp`. */
  | "converged"
  /** No further progress is possible (rounding, interval below xtol, stp at stpmax or stpmin); `stp` is the last point evaluated. */
  | "warning"
  /** Invalid start (stp outside [stpmin, stpmax], or φ′(0) ≥ 0). */
  | "error";

/**
 * The Moré–Thuente line search (MINPACK-2 `dcsrch`/`dcstep`, as shipped with L-BFGS-B
 * 3.0), a reverse-communication state machine: it proposes steps α and is told
 * φ(α) = f(x + α·d) and φ′(α) = ∇f(x + α·d)ᵀd, until the strong Wolfe conditions
 * ```
 * φ(α) ≤ φ(0) + ftol·α·φ′(0),        |φ′(α)| ≤ gtol·|φ′(0)|
 * ```
 * hold with α ∈ [stpmin, stpmax]. Trial steps come from safeguarded cubic and
 * quadratic interpolation on an interval of uncertainty; while no step satisfying the
 * sufficient-decrease test has been found, the modified function
 * ψ(α) = φ(α) − φ(0) − ftol·α·φ′(0) is used (stage 1).
 *
 * Defaults are those of L-BFGS-B: ftol = 1e−3, gtol = 0.9, xtol = 0.1. L-BFGS-B
 * passes stpmin = 0 and stpmax = the largest step keeping x + α·d in the box.
 *
 * Extension for objectives that return NaN/±Infinity: {@link rejectNonFinite}
 * halves the step back towards the best point so far and lowers stpmax to it.
 *
 * The interval update and the safeguarded step (`dcstep`) are shared with
 * `strongWolfe`: see `moreThuenteNextTrial` and `moreThuenteStep` in
 * `lineSearch/moreThuenteStep.ts`.
 *
 * Reference: J. J. Moré, D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3) (1994) 286–307.
 *
 * @example
 * ```ts
 * const ls = new MoreThuenteLineSearch();
 * // φ(α) = (α − 2)², φ(0) = 4, φ′(0) = −4
 * let task = ls.start(1, 4, -4, 0, 1e10);
 * while (task === "evaluate") {
 *   const a = ls.stp;
 *   task = ls.next((a - 2) ** 2, 2 * (a - 2));
 * }
 * // task === "converged", ls.stp ≈ 2
 * ```
 */
export class MoreThuenteLineSearch {
  /** Sufficient-decrease constant (Armijo), default 1e−3. */
  ftol = 1e-3;
  /** Curvature constant (strong Wolfe), default 0.9. */
  gtol = 0.9;
  /** Relative width below which the interval of uncertainty is too small, default 0.1. */
  xtol = 0.1;
  /** Last warning or error, for diagnostics. */
  message = "";

  private readonly s = moreThuenteSearchState();
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private stpmin = 0;
  private stpmax = 0;

  /** The current trial step α. */
  get stp(): number {
    return this.s.stp;
  }

  /**
   * Starts a search from φ(0) = f, φ′(0) = g with first trial step stp.
   * @returns "evaluate" (evaluate at `this.stp`) or "error".
   */
  start(stp: number, f: number, g: number, stpmin: number, stpmax: number): LineSearchTask {
    this.message = "";
    if (!(stp >= stpmin)) return this.fail("stp < stpmin");
    if (!(stp <= stpmax)) return this.fail("stp > stpmax");
    if (!(g < 0)) return this.fail("initial derivative ≥ 0");
    if (!(stpmin >= 0)) return this.fail("stpmin < 0");
    if (!(stpmax >= stpmin)) return this.fail("stpmax < stpmin");
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.ftol * g;
    moreThuenteStart(this.s, stp, f, g, stpmin, stpmax);
    return "evaluate";
  }

  /** Takes φ(stp) = f and φ′(stp) = g and returns what to do next. */
  next(f: number, g: number): LineSearchTask {
    const { s, gtest, xtol } = this;
    const stp = s.stp;
    const ftest = this.finit + stp * gtest;
    if (s.stage === 1 && f <= ftest && g >= 0) s.stage = 2;

    let warning = "";
    if (s.bracketed && (stp <= s.stmin || stp >= s.stmax)) warning = "rounding errors prevent progress";
    if (s.bracketed && s.stmax - s.stmin <= xtol * s.stmax) warning = "xtol test satisfied";
    if (stp === this.stpmax && f <= ftest && g <= gtest) warning = "stp = stpmax";
    if (stp === this.stpmin && (f > ftest || g >= gtest)) warning = "stp = stpmin";
    if (f <= ftest && Math.abs(g) <= this.gtol * -this.ginit) return "converged";
    if (warning !== "") {
      this.message = warning;
      return "warning";
    }
    moreThuenteNextTrial(s, f, g, ftest, gtest, this.stpmin, this.stpmax, xtol);
    return "evaluate";
  }

  /**
   * The objective was NaN or ±Infinity at `stp`: halve the step back towards the best
   * step so far and forbid steps beyond it. Returns the new trial step.
   */
  rejectNonFinite(): number {
    const s = this.s;
    const stp = s.stx + 0.5 * (s.stp - s.stx);
    if (stp > s.stx) {
      this.stpmax = Math.max(this.stpmin, Math.min(this.stpmax, stp));
      if (!s.bracketed) s.stmax = Math.min(s.stmax, this.stpmax);
    }
    s.stp = stp;
    return stp;
  }

  private fail(message: string): LineSearchTask {
    this.message = message;
    return "error";
  }
}
