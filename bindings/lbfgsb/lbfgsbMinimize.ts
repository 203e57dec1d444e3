import { DownhillError } from "../DownhillError";
import { validate } from "../validate";
import { resolveBounds } from "./bounds";
import { CauchyPoint } from "./cauchyPoint";
import { CompactLbfgsMatrix } from "./CompactLbfgsMatrix";
import { MoreThuenteLineSearch } from "./lineSearch";
import { SubspaceMinimizer } from "./subspaceMinimization";

/** What {@link lbfgsbMinimize} is told after each iteration. */
export interface LbfgsbIterationInfo {
  /** Iterations done so far (1 after the first accepted step). */
  iteration: number;
  /** The current iterate (the solver's own array: read it, copy it, never modify it). */
  x: Float64Array;
  /** f(x). */
  value: number;
  /** ‖P(x − ∇f(x)) − x‖∞ at x. */
  projectedGradientNorm: number;
}

/** Options of {@link lbfgsbMinimize}. */
export interface LbfgsbOptions {
  /**
   * Lower bounds lᵢ: one number for all coordinates or a Float64Array with one entry
   * per coordinate; −Infinity = unbounded below. Default −Infinity.
   */
  lower?: Float64Array | number;
  /** Upper bounds uᵢ, like `lower`; +Infinity = unbounded above. Default +Infinity. */
  upper?: Float64Array | number;
  /** Number m of correction pairs kept (an integer ≥ 1). Default 10 (scipy's maxcor). */
  historySize?: number;
  /** Most iterations (accepted steps), an integer ≥ 0 or Infinity. Default 15000 (scipy's maxiter). */
  maxIterations?: number;
  /**
   * Most calls of `valueAndGradient`, an integer ≥ 1 or Infinity, counting the first
   * one and every line-search trial. A hard cap: when it runs out inside a line
   * search, the last accepted iterate is returned. Default 15000 (scipy's maxfun).
   */
  maxEvaluations?: number;
  /**
   * Stop when ‖P(x − ∇f(x)) − x‖∞ ≤ this (a number ≥ 0). Default 1e−5 (scipy's and the
   * Fortran driver's pgtol).
   */
  projectedGradientTolerance?: number;
  /**
   * Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this (a number ≥ 0; the
   * Fortran code's factr·ε). Default 1e7·ε ≈ 2.22e−9 (scipy's factr = 1e7); 0 stops
   * only when f does not decrease at all.
   */
  relativeReduction?: number;
  /**
   * Called after every iteration; return `true` to stop (reason "stoppedByObserver"),
   * anything else to go on. The info object and its `x` are reused between calls:
   * copy what you keep.
   */
  onIteration?: (info: LbfgsbIterationInfo) => boolean | void;
}

/** Outcome of {@link lbfgsbMinimize}. */
export interface LbfgsbResult {
  /** The final iterate (a fresh array, inside the bounds). */
  x: Float64Array;
  /** f(x). */
  value: number;
  /** ‖P(x − ∇f(x)) − x‖∞ at x. */
  projectedGradientNorm: number;
  /** Accepted steps. */
  iterations: number;
  /** Calls of `valueAndGradient`. */
  evaluations: number;
  /**
   * Why it stopped:
   * - "projectedGradientTolerance" — first-order conditions met (converged);
   * - "relativeReduction" — f decreased by less than the relative tolerance (converged),
   *   including a final line search that could not decrease f at all;
   * - "maxIterations", "maxEvaluations" — out of budget;
   * - "nonFinite" — f or ∇f was NaN/±Infinity at the start, or at every trial of a line
   *   search even after a restart (x is the last point with finite values, if any);
   * - "lineSearchFailed" — no acceptable step along a steepest-descent-like direction
   *   (usually a gradient that does not match f, or f flat to rounding);
   * - "stoppedByObserver" — `onIteration` returned true.
   */
  reason:
    | "projectedGradientTolerance"
    | "relativeReduction"
    | "maxIterations"
    | "maxEvaluations"
    | "nonFinite"
    | "lineSearchFailed"
    | "stoppedByObserver";
  /** reason is "projectedGradientTolerance" or "relativeReduction". */
  converged: boolean;
  /** Number of coordinates of x on a bound (xᵢ = lᵢ or xᵢ = uᵢ). */
  activeBounds: number;
}

const OPTIONS = [
  "lower",
  "upper",
  "historySize",
  "maxIterations",
  "maxEvaluations",
  "projectedGradientTolerance",
  "relativeReduction",
  "onIteration",
] as const;

const NAME = "lbfgsbMinimize";
const EPS = Number.EPSILON;
/** The Fortran code's `big`: the step bound when no coordinate is bounded. */
const BIG_STEP = 1e10;
/** Evaluations allowed in one line search before it counts as failed (Fortran: 20). */
const MAX_LINE_SEARCH_EVALUATIONS = 20;

/**
 * Minimises f over the box l ≤ x ≤ u with L-BFGS-B, the limited-memory quasi-Newton
 * method for bound constraints of Byrd, Lu, Nocedal & Zhu (1995), with the subspace
 * correction of Morales & Nocedal (2011) — the algorithm of the Fortran L-BFGS-B 3.0
 * behind scipy's `minimize(method="L-BFGS-B")`, written in TypeScript.
 *
 * Each iteration k, from a feasible xₖ with gradient gₖ:
 * 1. Model: mₖ(x) = fₖ + gₖᵀ(x − xₖ) + ½(x − xₖ)ᵀBₖ(x − xₖ) with the L-BFGS matrix in
 *    compact form Bₖ = θI − W·M·Wᵀ built from the last m pairs (sᵢ, yᵢ)
 *    ({@link CompactLbfgsMatrix}).
 * 2. Generalized Cauchy point x^c: the first local minimiser of mₖ along the projected
 *    steepest-descent path P(xₖ − t·gₖ), found segment by segment between breakpoints
 *    ({@link CauchyPoint}). The variables at bounds there form the active set.
 * 3. Subspace minimisation: minimise mₖ over the free variables from x^c (direct primal
 *    method), then take the projection x̄ = P(x^c + du) if it is a descent direction,
 *    else the feasible fraction of du (Morales–Nocedal; {@link SubspaceMinimizer}).
 * 4. Line search along dₖ = x̄ − xₖ, with steps limited to keep xₖ + α·dₖ in the box,
 *    satisfying the strong Wolfe conditions (ftol 1e−3, gtol 0.9; Moré–Thuente,
 *    {@link MoreThuenteLineSearch}). First trial α = 1, except at the first iteration
 *    when some coordinate is not bounded on both sides: α = min(1/‖d₀‖, α_max), where
 *    α_max = 1 if any coordinate has a finite bound and 10¹⁰ otherwise (exactly the
 *    Fortran `lnsrlb`; so without bounds the first step has length 1).
 * 5. Update with s = xₖ₊₁ − xₖ, y = gₖ₊₁ − gₖ, skipped when sᵀy ≤ ε·yᵀy (ε = 2.2e−16,
 *    the curvature test of the 1995 paper; the Fortran code tests sᵀy ≤ −ε·gₖᵀs).
 *
 * When the model step fails (K or T not positive definite, an ascent direction, or 20
 * trials without an acceptable step) the memory is cleared and the iteration redone,
 * as in the Fortran code; with an empty memory that is a failure ("lineSearchFailed").
 * A NaN/±Infinity value or gradient at a trial point halves the step (the Fortran code
 * has no such guard).
 *
 * Stopping (tested in this order after each iteration; `converged` for the first two):
 * ‖P(x − g) − x‖∞ ≤ projectedGradientTolerance (also tested at x₀), then
 * (fₖ − fₖ₊₁)/max(|fₖ|, |fₖ₊₁|, 1) ≤ relativeReduction, then the observer, then
 * maxIterations, then maxEvaluations. Defaults: historySize 10,
 * projectedGradientTolerance 1e−5, relativeReduction 1e7·ε ≈ 2.22e−9, maxIterations
 * 15000, maxEvaluations 15000 (scipy's defaults); bounds ±Infinity.
 *
 * x₀ is copied and projected onto the box first; the caller's arrays are never
 * modified. `valueAndGradient(x, g)` must return f(x) and write ∇f(x) into g; it must
 * not modify x (the solver's array) nor keep g. Every point it is given lies in the
 * box. All work arrays (O(m·n) memory) are allocated once; the iteration loop
 * allocates nothing.
 *
 * @param valueAndGradient - returns f(x) and writes ∇f(x) into g.
 * @param x0 - starting point (projected onto the box; not modified).
 * @param options - see {@link LbfgsbOptions}.
 * @throws DownhillError WRONG_TYPE (valueAndGradient not a function, x0 not a
 * Float64Array, a bound of the wrong type, onIteration not a function),
 * LENGTH_MISMATCH (a bound array of the wrong length), INVALID_OPTION (x0 empty or
 * with a non-finite entry, NaN bounds, lower > upper at some index, bad tolerances or
 * counts), UNKNOWN_OPTION.
 *
 * References: R. H. Byrd, P. Lu, J. Nocedal, C. Zhu, "A limited memory algorithm for
 * bound constrained optimization", SIAM J. Sci. Comput. 16(5) (1995) 1190–1208;
 * C. Zhu, R. H. Byrd, P. Lu, J. Nocedal, "Algorithm 778: L-BFGS-B", ACM TOMS 23(4)
 * (1997) 550–560; J. L. Morales, J. Nocedal, "Remark on Algorithm 778", ACM TOMS 38(1)
 * (2011) 7; J. J. Moré, D. J. Thuente, ACM TOMS 20(3) (1994) 286–307.
 *
 * @example
 * ```ts
 * // Rosenbrock on the box [−2, 0.8] × [−2, 2]: the solution (0.8, 0.64) has x₀ at its upper bound.
 * const rosenbrock = (x: Float64Array, g: Float64Array): number => {
 *   const a = x[1] - x[0] * x[0];
 *   g[0] = -400 * x[0] * a - 2 * (1 - x[0]);
 *   g[1] = 200 * a;
 *   return 100 * a * a + (1 - x[0]) ** 2;
 * };
 * const result = lbfgsbMinimize(rosenbrock, new Float64Array([-1.2, 1]), {
 *   lower: -2,
 *   upper: new Float64Array([0.8, 2]),
 * });
 * // result.x ≈ [0.8, 0.64], result.value ≈ 0.04, result.reason === "projectedGradientTolerance"
 * ```
 */
export function lbfgsbMinimize(
  valueAndGradient: (x: Float64Array, g: Float64Array) => number,
  x0: Float64Array,
  options?: LbfgsbOptions,
): LbfgsbResult {
  if (typeof valueAndGradient !== "function") {
    throw new DownhillError(
      "WRONG_TYPE",
      `${NAME}: valueAndGradient must be a function (x, g) => f(x) that writes ∇f(x) into g, got ${typeof valueAndGradient}.`,
      "valueAndGradient",
    );
  }
  if (!(x0 instanceof Float64Array)) {
    validate.floatArray(NAME, "x0", x0); // WRONG_TYPE for non-arrays, STALE_VIEW for detached views
    throw new DownhillError(
      "WRONG_TYPE",
      `${NAME}: x0 must be a Float64Array, got a Float32Array. Convert with Float64Array.from(x0).`,
      "x0",
    );
  }
  validate.floatArray(NAME, "x0", x0);
  const n = x0.length;
  if (n === 0) throw new DownhillError("INVALID_OPTION", `${NAME}: x0 must have at least one entry.`, "x0");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x0[i])) {
      throw new DownhillError("INVALID_OPTION", `${NAME}: x0[${i}] must be finite, got ${x0[i]}.`, "x0");
    }
  }
  const o = validate.options(NAME, options, OPTIONS);
  const { lower, upper, constrained, boxed } = resolveBounds(NAME, o.lower, o.upper, n);
  const m = countOption("historySize", o.historySize, 10, 1, false);
  const maxIterations = countOption("maxIterations", o.maxIterations, 15000, 0, true);
  const maxEvaluations = countOption("maxEvaluations", o.maxEvaluations, 15000, 1, true);
  const pgtol = validate.number(NAME, "projectedGradientTolerance", o.projectedGradientTolerance ?? 1e-5, { min: 0 });
  const relTol = validate.number(NAME, "relativeReduction", o.relativeReduction ?? 1e7 * EPS, { min: 0 });
  const observer = o.onIteration;
  if (observer !== undefined && typeof observer !== "function") {
    throw new DownhillError(
      "WRONG_TYPE",
      `${NAME}: onIteration must be a function (info) => boolean | void, got ${typeof observer}.`,
      "onIteration",
    );
  }
  const onIteration = observer as LbfgsbOptions["onIteration"];

  // Work arrays, all allocated here.
  let x = new Float64Array(n);
  let g = new Float64Array(n);
  let xt = new Float64Array(n);
  let gt = new Float64Array(n);
  const z = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const B = new CompactLbfgsMatrix(n, m);
  const cauchy = new CauchyPoint(n, m);
  const subspace = new SubspaceMinimizer(n, m);
  const search = new MoreThuenteLineSearch();
  const info: LbfgsbIterationInfo = { iteration: 0, x, value: 0, projectedGradientNorm: 0 };

  for (let i = 0; i < n; i++) x[i] = Math.min(Math.max(x0[i], lower[i]), upper[i]);
  let f = valueAndGradient(x, g);
  let evaluations = 1;
  let iterations = 0;
  let pgNorm = projectedGradientNorm(x, g, lower, upper);

  const finish = (reason: LbfgsbResult["reason"]): LbfgsbResult => {
    let activeBounds = 0;
    for (let i = 0; i < n; i++) if (x[i] === lower[i] || x[i] === upper[i]) activeBounds++;
    return {
      x: x.slice(),
      value: f,
      projectedGradientNorm: pgNorm,
      iterations,
      evaluations,
      reason,
      converged: reason === "projectedGradientTolerance" || reason === "relativeReduction",
      activeBounds,
    };
  };

  if (!isFiniteEvaluation(f, g)) return finish("nonFinite");
  if (pgNorm <= pgtol) return finish("projectedGradientTolerance");
  if (iterations >= maxIterations) return finish("maxIterations");
  if (evaluations >= maxEvaluations) return finish("maxEvaluations");

  for (;;) {
    // Steps 2–3: the end point z = x̄ of the search direction.
    if (!constrained && B.col > 0) cauchy.useCurrentPoint(x, B);
    else cauchy.compute(x, g, lower, upper, B);
    z.set(cauchy.xcp);
    if (B.col > 0 && cauchy.freeCount > 0 && !subspace.minimize(x, g, lower, upper, B, cauchy, z)) {
      B.reset();
      continue;
    }
    let slope = 0;
    let dNorm2 = 0;
    for (let i = 0; i < n; i++) {
      const di = z[i] - x[i];
      d[i] = di;
      slope += g[i] * di;
      dNorm2 += di * di;
    }

    // Step 4: line search on α ∈ (0, stpmax], stpmax keeping x + α·d in the box.
    let stpmax = BIG_STEP;
    if (constrained) {
      if (iterations === 0) stpmax = 1;
      else {
        for (let i = 0; i < n; i++) {
          const di = d[i];
          if (di < 0 && lower[i] > -Infinity) {
            const room = lower[i] - x[i];
            if (room >= 0) stpmax = 0;
            else if (di * stpmax < room) stpmax = room / di;
          } else if (di > 0 && upper[i] < Infinity) {
            const room = upper[i] - x[i];
            if (room <= 0) stpmax = 0;
            else if (di * stpmax > room) stpmax = room / di;
          }
        }
      }
    }
    const firstStep = iterations === 0 && !boxed ? Math.min(1 / Math.sqrt(dNorm2), stpmax) : 1;
    let outcome: "accepted" | "failed" | "nonFinite" | "noDecrease" | "budget" = "failed";
    let ft = f;
    if (slope < 0 && search.start(firstStep, f, slope, 0, stpmax) === "evaluate") {
      let trials = 0;
      for (;;) {
        if (evaluations >= maxEvaluations) {
          outcome = "budget";
          break;
        }
        const stp = search.stp;
        if (stp === 1) xt.set(z);
        else {
          for (let i = 0; i < n; i++) {
            const v = x[i] + stp * d[i];
            xt[i] = v < lower[i] ? lower[i] : v > upper[i] ? upper[i] : v;
          }
        }
        ft = valueAndGradient(xt, gt);
        evaluations++;
        trials++;
        if (!isFiniteEvaluation(ft, gt)) {
          if (trials >= MAX_LINE_SEARCH_EVALUATIONS) {
            outcome = "nonFinite";
            break;
          }
          search.rejectNonFinite();
          continue;
        }
        let slopeT = 0;
        for (let i = 0; i < n; i++) slopeT += gt[i] * d[i];
        const task = search.next(ft, slopeT);
        if (task === "converged") {
          outcome = "accepted";
          break;
        }
        if (task === "warning") {
          outcome = ft <= f ? "accepted" : "noDecrease";
          break;
        }
        if (task === "error" || trials >= MAX_LINE_SEARCH_EVALUATIONS) {
          outcome = "failed";
          break;
        }
      }
    }
    if (outcome === "budget") return finish("maxEvaluations");
    if (outcome !== "accepted") {
      if (B.col > 0) {
        B.reset();
        continue;
      }
      return finish(outcome === "nonFinite" ? "nonFinite" : outcome === "noDecrease" ? "relativeReduction" : "lineSearchFailed");
    }

    // Accept xₖ₊₁ = xt.
    let sTy = 0;
    let yTy = 0;
    for (let i = 0; i < n; i++) {
      const si = xt[i] - x[i];
      const yi = gt[i] - g[i];
      s[i] = si;
      y[i] = yi;
      sTy += si * yi;
      yTy += yi * yi;
    }
    const fOld = f;
    f = ft;
    let swap = x;
    x = xt;
    xt = swap;
    swap = g;
    g = gt;
    gt = swap;
    iterations++;
    pgNorm = projectedGradientNorm(x, g, lower, upper);

    let stopRequested = false;
    if (onIteration !== undefined) {
      info.iteration = iterations;
      info.x = x;
      info.value = f;
      info.projectedGradientNorm = pgNorm;
      stopRequested = onIteration(info) === true;
    }
    if (pgNorm <= pgtol) return finish("projectedGradientTolerance");
    if (fOld - f <= relTol * Math.max(Math.abs(fOld), Math.abs(f), 1)) return finish("relativeReduction");
    if (stopRequested) return finish("stoppedByObserver");
    if (iterations >= maxIterations) return finish("maxIterations");
    if (evaluations >= maxEvaluations) return finish("maxEvaluations");

    // Step 5: the L-BFGS update.
    if (sTy > EPS * yTy) B.push(s, y, sTy, yTy);
  }
}

/** ‖P(x − g) − x‖∞ over the box (Fortran `projgr`). */
function projectedGradientNorm(x: Float64Array, g: Float64Array, lower: Float64Array, upper: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    let gi = g[i];
    if (gi < 0) gi = Math.max(x[i] - upper[i], gi);
    else gi = Math.min(x[i] - lower[i], gi);
    const a = Math.abs(gi);
    if (a > norm || a !== a) norm = a;
  }
  return norm;
}

function isFiniteEvaluation(f: number, g: Float64Array): boolean {
  if (typeof f !== "number" || !Number.isFinite(f)) return false;
  for (let i = 0; i < g.length; i++) if (!Number.isFinite(g[i])) return false;
  return true;
}

/** An integer option ≥ min (or Infinity where allowed). */
function countOption(name: string, value: unknown, fallback: number, min: number, allowInfinity: boolean): number {
  if (value === undefined) return fallback;
  if (allowInfinity && value === Infinity) return Infinity;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new DownhillError(
      "INVALID_OPTION",
      `${NAME}: ${name} must be an integer ≥ ${min}${allowInfinity ? " or Infinity" : ""}, got ${
        typeof value === "number" ? value : typeof value
      }.`,
      name,
    );
  }
  return value;
}
