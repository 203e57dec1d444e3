/**
 * The interval of uncertainty of a Moré–Thuente line search (internal): the end
 * (stx, fx, dx) with the least function value so far, the other end (sty, fy, dy), and
 * the current trial step stp. fx/dx and fy/dy are φ and φ′ (or ψ and ψ′, see
 * {@link moreThuenteNextTrial}) at stx and sty.
 */
export interface MoreThuenteState {
  stx: number;
  fx: number;
  dx: number;
  sty: number;
  fy: number;
  dy: number;
  /** The trial step; {@link moreThuenteStep} replaces it by the next one. */
  stp: number;
  /** Whether a minimizer is known to lie between stx and sty. */
  bracketed: boolean;
}

/**
 * One safeguarded step of Moré and Thuente (MINPACK-2 `dcstep`): given the interval
 * ends (stx, fx, dx), (sty, fy, dy) and the trial (stp, fp, dp), chooses the next trial
 * step and updates the interval of uncertainty in place.
 *
 * With θ = 3(f₁ − f₂)/(t₂ − t₁) + d₁ + d₂ and γ = ±√(θ² − d₁d₂) (sign of t₂ − t₁), the
 * minimizer of the cubic matching f and f′ at t₁ and t₂ is
 * t₁ + (γ − d₁ + θ)/(2γ − d₁ + d₂)·(t₂ − t₁). The quadratic step matches fx, dx and fp:
 * stpq = stx + dx/((fx − fp)/(stp − stx) + dx)/2·(stp − stx); the secant step matches
 * dx and dp: stps = stp + dp/(dp − dx)·(stx − stp). Then, with stpc the cubic step,
 *
 * 1. fp > fx: the minimizer is bracketed; take stpc if it is closer to stx than stpq,
 *    else (stpc + stpq)/2.
 * 2. fp ≤ fx, dp and dx of opposite signs: bracketed; take whichever of stpc and stps
 *    is farther from stp.
 * 3. fp ≤ fx, same signs, |dp| < |dx|: the cubic step only if the cubic tends to
 *    infinity in the direction of the step or its minimizer lies beyond stp (else
 *    stpmax or stpmin). Bracketed: the one of stpc, stps closer to stp, but at most
 *    0.66 of the way to sty; not bracketed: the farther one, clamped to
 *    [stpmin, stpmax].
 * 4. fp ≤ fx, same signs, |dp| ≥ |dx|: bracketed, the cubic step between stp and sty;
 *    otherwise stpmax or stpmin.
 *
 * The interval update: in case 1, sty ← stp; otherwise stx ← stp, and in case 2 the
 * old stx becomes sty. `stpmin`/`stpmax` bound the step while nothing is bracketed.
 *
 * As in MINPACK-2, case 3 takes √max(0, θ² − d₁d₂); here cases 1, 2 and 4 do too.
 * max(0, D) = D whenever D ≥ 0 or D is NaN, so this differs from `dcstep` only where
 * `dcstep` would take the root of a negative number and return a NaN step: γ = 0 then.
 *
 * References: J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3):286–307, 1994; MINPACK-2 `dcstep` (as shipped
 * with L-BFGS-B 3.0).
 */
export function moreThuenteStep(s: MoreThuenteState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, dx, sty, fy, dy, stp } = s;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;
  if (fp > fx) {
    // Case 1: higher value. Bracketed; the cubic step if it is closer to stx than the
    // quadratic step, else their average.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    let gamma = cubicRoot(theta, dx, dp);
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    s.bracketed = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite signs. Bracketed; the one of the
    // cubic and secant steps farther from stp.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    let gamma = cubicRoot(theta, dx, dp);
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.bracketed = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same signs, derivative decreasing in magnitude.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    let gamma = cubicRoot(theta, dx, dp);
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.bracketed) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (s.bracketed) {
    // Case 4: lower value, same signs, derivative not decreasing: the cubic step
    // between stp and sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    let gamma = cubicRoot(theta, dy, dp);
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }

  // Update the interval of uncertainty.
  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.dy = dp;
  } else {
    if (sgnd < 0) {
      s.sty = stx;
      s.fy = fx;
      s.dy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.dx = dp;
  }
  s.stp = stpf;
}

/**
 * γ = √(θ² − a·b) for the cubic step, computed as s·√((θ/s)² − (a/s)(b/s)) with
 * s = max(|θ|, |a|, |b|) to avoid overflow; a negative discriminant gives 0.
 */
function cubicRoot(theta: number, a: number, b: number): number {
  const sc = Math.max(Math.abs(theta), Math.abs(a), Math.abs(b));
  return sc * Math.sqrt(Math.max(0, (theta / sc) * (theta / sc) - (a / sc) * (b / sc)));
}

/**
 * The state of the MINPACK-2 `dcsrch` driver shared by `strongWolfe` and the L-BFGS-B
 * `MoreThuenteLineSearch` (internal): the interval of uncertainty plus the search stage,
 * the last two interval widths, and the bounds [stmin, stmax] of the next step.
 */
export interface MoreThuenteSearchState extends MoreThuenteState {
  /** 1 while working on ψ; 2 once a step with ψ ≤ 0 and φ′ large enough was seen (the caller sets it). */
  stage: 1 | 2;
  width: number;
  width1: number;
  stmin: number;
  stmax: number;
}

/** A fresh {@link MoreThuenteSearchState} (all zero). */
export function moreThuenteSearchState(): MoreThuenteSearchState {
  return { stx: 0, fx: 0, dx: 0, sty: 0, fy: 0, dy: 0, stp: 0, bracketed: false, stage: 1, width: 0, width1: 0, stmin: 0, stmax: 0 };
}

/**
 * Starts a `dcsrch` search (internal): φ(0) = f, φ′(0) = g, first trial step stp, steps
 * allowed in [stpmin, stpmax]. Both interval ends are at 0; the first trial may
 * extrapolate up to 5·stp.
 */
export function moreThuenteStart(s: MoreThuenteSearchState, stp: number, f: number, g: number, stpmin: number, stpmax: number): void {
  s.stp = stp;
  s.bracketed = false;
  s.stage = 1;
  s.width = stpmax - stpmin;
  s.width1 = s.width / 0.5;
  s.stx = 0;
  s.fx = f;
  s.dx = g;
  s.sty = 0;
  s.fy = f;
  s.dy = g;
  s.stmin = 0;
  s.stmax = stp + 4 * stp;
}

/**
 * The part of `dcsrch` after its convergence and warning tests (internal): takes
 * φ(stp) = f and φ′(stp) = g, calls {@link moreThuenteStep} and leaves the next trial
 * step in `s.stp`.
 *
 * In stage 1, when f is lower than fx but fails the sufficient-decrease test
 * f ≤ ftest = φ(0) + stp·gtest (gtest = ftol·φ′(0)), the step works on
 * ψ(α) = φ(α) − φ(0) − α·gtest instead. While a minimizer is bracketed, the step is a
 * bisection when the interval did not shrink to 2/3 of its width of two steps before,
 * and falls back to stx when rounding leaves no room; otherwise the next step lies in
 * [stp + 1.1(stp − stx), stp + 4(stp − stx)]. The step is then clamped to
 * [stpmin, stpmax].
 */
export function moreThuenteNextTrial(
  s: MoreThuenteSearchState,
  f: number,
  g: number,
  ftest: number,
  gtest: number,
  stpmin: number,
  stpmax: number,
  xtol: number,
): void {
  if (s.stage === 1 && f <= s.fx && f > ftest) {
    // Work on ψ until a step with sufficient decrease is seen.
    const fm = f - s.stp * gtest;
    s.fx -= s.stx * gtest;
    s.fy -= s.sty * gtest;
    s.dx -= gtest;
    s.dy -= gtest;
    moreThuenteStep(s, fm, g - gtest, s.stmin, s.stmax);
    s.fx += s.stx * gtest;
    s.fy += s.sty * gtest;
    s.dx += gtest;
    s.dy += gtest;
  } else {
    moreThuenteStep(s, f, g, s.stmin, s.stmax);
  }

  let stp = s.stp;
  if (s.bracketed) {
    // Bisect when the interval did not shrink enough over two steps.
    if (Math.abs(s.sty - s.stx) >= 0.66 * s.width1) stp = s.stx + 0.5 * (s.sty - s.stx);
    s.width1 = s.width;
    s.width = Math.abs(s.sty - s.stx);
    s.stmin = Math.min(s.stx, s.sty);
    s.stmax = Math.max(s.stx, s.sty);
  } else {
    s.stmin = stp + 1.1 * (stp - s.stx);
    s.stmax = stp + 4 * (stp - s.stx);
  }
  stp = Math.min(Math.max(stp, stpmin), stpmax);
  if (s.bracketed && (stp <= s.stmin || stp >= s.stmax || s.stmax - s.stmin <= xtol * s.stmax)) stp = s.stx;
  s.stp = stp;
}
