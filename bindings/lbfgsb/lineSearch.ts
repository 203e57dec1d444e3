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
  /** The current trial step α. */
  stp = 0;
  /** Last warning or error, for diagnostics. */
  message = "";

  private brackt = false;
  private stage = 1;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  private stmin = 0;
  private stmax = 0;
  private stpmin = 0;
  private stpmax = 0;

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
    this.stp = stp;
    this.stpmin = stpmin;
    this.stpmax = stpmax;
    this.brackt = false;
    this.stage = 1;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.ftol * g;
    this.width = stpmax - stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f;
    this.gx = g;
    this.sty = 0;
    this.fy = f;
    this.gy = g;
    this.stmin = 0;
    this.stmax = stp + 4 * stp;
    return "evaluate";
  }

  /** Takes φ(stp) = f and φ′(stp) = g and returns what to do next. */
  next(f: number, g: number): LineSearchTask {
    const { gtol, xtol } = this;
    let stp = this.stp;
    const ftest = this.finit + stp * this.gtest;
    if (this.stage === 1 && f <= ftest && g >= 0) this.stage = 2;

    let warning = "";
    if (this.brackt && (stp <= this.stmin || stp >= this.stmax)) warning = "rounding errors prevent progress";
    if (this.brackt && this.stmax - this.stmin <= xtol * this.stmax) warning = "xtol test satisfied";
    if (stp === this.stpmax && f <= ftest && g <= this.gtest) warning = "stp = stpmax";
    if (stp === this.stpmin && (f > ftest || g >= this.gtest)) warning = "stp = stpmin";
    if (f <= ftest && Math.abs(g) <= gtol * -this.ginit) return "converged";
    if (warning !== "") {
      this.message = warning;
      return "warning";
    }

    if (this.stage === 1 && f <= this.fx && f > ftest) {
      // Stage 1 with a lower function value but no sufficient decrease: work on ψ.
      const gtest = this.gtest;
      const fm = f - stp * gtest;
      const fxm = this.fx - this.stx * gtest;
      const fym = this.fy - this.sty * gtest;
      const gm = g - gtest;
      const gxm = this.gx - gtest;
      const gym = this.gy - gtest;
      this.step(fxm, gxm, fym, gym, fm, gm);
      this.fx = this.fxOut + this.stx * gtest;
      this.fy = this.fyOut + this.sty * gtest;
      this.gx = this.gxOut + gtest;
      this.gy = this.gyOut + gtest;
    } else {
      this.step(this.fx, this.gx, this.fy, this.gy, f, g);
      this.fx = this.fxOut;
      this.fy = this.fyOut;
      this.gx = this.gxOut;
      this.gy = this.gyOut;
    }
    stp = this.stp;

    if (this.brackt) {
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1) stp = this.stx + 0.5 * (this.sty - this.stx);
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    } else {
      this.stmin = stp + 1.1 * (stp - this.stx);
      this.stmax = stp + 4 * (stp - this.stx);
    }
    stp = Math.max(stp, this.stpmin);
    stp = Math.min(stp, this.stpmax);
    if (
      (this.brackt && (stp <= this.stmin || stp >= this.stmax)) ||
      (this.brackt && this.stmax - this.stmin <= xtol * this.stmax)
    ) {
      stp = this.stx;
    }
    this.stp = stp;
    return "evaluate";
  }

  /**
   * The objective was NaN or ±Infinity at `stp`: halve the step back towards the best
   * step so far and forbid steps beyond it. Returns the new trial step.
   */
  rejectNonFinite(): number {
    const stp = this.stx + 0.5 * (this.stp - this.stx);
    if (stp > this.stx) {
      this.stpmax = Math.max(this.stpmin, Math.min(this.stpmax, stp));
      if (!this.brackt) this.stmax = Math.min(this.stmax, this.stpmax);
    }
    this.stp = stp;
    return stp;
  }

  private fail(message: string): LineSearchTask {
    this.message = message;
    return "error";
  }

  // dcstep outputs (kept as fields so the loop allocates nothing).
  private fxOut = 0;
  private gxOut = 0;
  private fyOut = 0;
  private gyOut = 0;

  /**
   * MINPACK-2 `dcstep`: a safeguarded step for the interval [stx, sty] given the new
   * trial (stp, fp, dp); updates stx, sty, brackt and stp.
   */
  private step(fx: number, dx: number, fy: number, dy: number, fp: number, dp: number): void {
    let stx = this.stx;
    let sty = this.sty;
    const stp = this.stp;
    const stpmin = this.stmin;
    const stpmax = this.stmax;
    const sgnd = dp * (dx / Math.abs(dx));
    let stpf: number;
    if (fp > fx) {
      // Case 1: higher function value; the minimum is bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
      if (stp < stx) gamma = -gamma;
      const p = gamma - dx + theta;
      const q = gamma - dx + gamma + dp;
      const r = p / q;
      const stpc = stx + r * (stp - stx);
      const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      this.brackt = true;
    } else if (sgnd < 0) {
      // Case 2: lower value, derivatives of opposite sign; bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dx;
      const r = p / q;
      const stpc = stp + r * (stx - stp);
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      this.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      // Case 3: lower value, same-sign derivative, decreasing in magnitude.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma + (dx - dp) + gamma;
      const r = p / q;
      let stpc: number;
      if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
      else if (stp > stx) stpc = stpmax;
      else stpc = stpmin;
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (this.brackt) {
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        if (stp > stx) stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
        else stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
      } else {
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.min(stpmax, stpf);
        stpf = Math.max(stpmin, stpf);
      }
    } else {
      // Case 4: lower value, same-sign derivative not decreasing in magnitude.
      if (this.brackt) {
        const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
        const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
        let gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
        if (stp > sty) gamma = -gamma;
        const p = gamma - dp + theta;
        const q = gamma - dp + gamma + dy;
        const r = p / q;
        stpf = stp + r * (sty - stp);
      } else if (stp > stx) {
        stpf = stpmax;
      } else {
        stpf = stpmin;
      }
    }

    // Update the interval of uncertainty.
    let fxo = fx;
    let dxo = dx;
    let fyo = fy;
    let dyo = dy;
    if (fp > fx) {
      sty = stp;
      fyo = fp;
      dyo = dp;
    } else {
      if (sgnd < 0) {
        sty = stx;
        fyo = fx;
        dyo = dx;
      }
      stx = stp;
      fxo = fp;
      dxo = dp;
    }
    this.stx = stx;
    this.sty = sty;
    this.fxOut = fxo;
    this.gxOut = dxo;
    this.fyOut = fyo;
    this.gyOut = dyo;
    this.stp = stpf;
  }
}
