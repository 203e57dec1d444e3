import { checkOptions } from "../minimize/checkOptions";
import { validate } from "../validate";
import { checkLineStart } from "./checkLineStart";
import type { LineFunction, LinePoint, LineSearch, LineSearchResult } from "./LineSearch";
import { moreThuenteNextTrial, moreThuenteSearchState, moreThuenteStart } from "./moreThuenteStep";

/** Options of {@link strongWolfe}. */
export interface StrongWolfeOptions {
  /** c1, the sufficient-decrease (Armijo) constant, in (0, 1). Default 1e-4. */
  sufficientDecrease?: number;
  /**
   * c2, the curvature constant, in (0, 1). Default 0.9 (right for quasi-Newton
   * methods); use 0.1 for conjugate gradients. Usually c1 < c2.
   */
  curvature?: number;
  /** The most evaluations of φ and φ′ one search may use. Default 20. */
  maxEvaluations?: number;
  /** Smallest step tried. Default 1e-20. */
  minStep?: number;
  /** Largest step tried. Default 1e20. */
  maxStep?: number;
  /**
   * Stop (with sufficient decrease only) once the interval known to hold a strong
   * Wolfe point is shorter than `intervalTolerance` times its right end. Default 1e-10.
   */
  intervalTolerance?: number;
}

const KNOWN = ["sufficientDecrease", "curvature", "maxEvaluations", "minStep", "maxStep", "intervalTolerance"] as const;

/**
 * A line search that finds a step satisfying the **strong Wolfe conditions**,
 * ```
 * φ(α) ≤ φ(0) + c1·α·φ′(0)          (sufficient decrease)
 * |φ′(α)| ≤ c2·|φ′(0)|              (curvature)
 * ```
 * with φ(α) = f(x + α·d), by the algorithm of Moré and Thuente: it keeps an interval of
 * uncertainty known to contain such a step, tries safeguarded cubic and quadratic
 * interpolation steps inside it (extrapolating by at most 4× while no interval is
 * bracketed), and works on the auxiliary function ψ(α) = φ(α) − φ(0) − c1·α·φ′(0)
 * until a step with ψ ≤ 0 and φ′ ≥ 0 is seen. This is the search of MINPACK-2
 * (`dcsrch`/`dcstep`) used by L-BFGS-B and SciPy.
 *
 * Defaults: c1 = 1e-4, c2 = 0.9 (quasi-Newton; CG uses 0.1), at most 20 evaluations,
 * steps in [1e-20, 1e20], interval tolerance 1e-10. A non-finite φ(α) or φ′(α) counts
 * as "too far": the step is halved towards the best point so far and never tried that
 * long again (shrunk tenfold when it happens twice in a row).
 *
 * When rounding errors, the step bounds, the interval tolerance or the evaluation
 * budget end the search first, it returns the best step with sufficient decrease
 * (status `"sufficientDecrease"`), or status `"failed"` and step 0 when there is none.
 *
 * References: J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3):286–307, 1994; J. Nocedal and S. J. Wright,
 * *Numerical Optimization*, 2nd ed., §3.1 and §3.5.
 *
 * @throws DownhillError `UNKNOWN_OPTION` for an unknown option, `INVALID_OPTION` for a
 * constant outside (0, 1), a non-integer or non-positive `maxEvaluations`, or
 * `minStep` ≥ `maxStep`.
 *
 * @example
 * ```ts
 * const search = strongWolfe({ curvature: 0.1 });
 * // φ(α) = (α − 2)²: φ(0) = 4, φ′(0) = −4
 * const line = {
 *   value: (a: number) => (a - 2) ** 2,
 *   evaluate(a: number, p: LinePoint) { p.step = a; p.value = (a - 2) ** 2; p.derivative = 2 * (a - 2); },
 * };
 * const { step, status } = search.search(line, { value: 4, derivative: -4 }, 1);
 * // status "strongWolfe", |φ′(step)| ≤ 0.1·4
 * ```
 */
export function strongWolfe(options?: StrongWolfeOptions): LineSearch & Readonly<Required<StrongWolfeOptions>> {
  const where = "strongWolfe";
  const o = validate.options(where, options, KNOWN);
  const open01 = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
  const c1 = o.sufficientDecrease === undefined ? 1e-4 : validate.number(where, "sufficientDecrease", o.sufficientDecrease, open01);
  const c2 = o.curvature === undefined ? 0.9 : validate.number(where, "curvature", o.curvature, open01);
  const maxEvaluations = o.maxEvaluations === undefined ? 20 : checkOptions.wholeNumber(where, "maxEvaluations", o.maxEvaluations, 1);
  const minStep = o.minStep === undefined ? 1e-20 : validate.number(where, "minStep", o.minStep, { min: 0 });
  const maxStep = o.maxStep === undefined ? 1e20 : validate.number(where, "maxStep", o.maxStep, { min: minStep, minExclusive: true });
  if (maxStep <= minStep) validate.number(where, "minStep", minStep, { max: maxStep, maxExclusive: true });
  const xtol = o.intervalTolerance === undefined ? 1e-10 : validate.number(where, "intervalTolerance", o.intervalTolerance, { min: 0, max: 1, maxExclusive: true });

  function search(line: LineFunction, start: { value: number; derivative: number }, initialStep?: number): LineSearchResult {
    const first = checkLineStart(`${where}.search`, line, start, initialStep);
    const finit = start.value;
    const ginit = start.derivative;
    const gtest = c1 * ginit;
    const stageTest = Math.min(c1, c2) * ginit;
    const s = moreThuenteSearchState();
    moreThuenteStart(s, clamp(first, minStep, maxStep), finit, ginit, minStep, maxStep);
    let tooFar = Infinity; // the shortest step known to give a non-finite value or slope
    let badInARow = 0;
    const point: LinePoint = { step: 0, value: 0, derivative: 0 };
    let evaluations = 0;

    const finish = (why: string): LineSearchResult => {
      // The current point or stx, whichever is lower and has sufficient decrease (and
      // a strict decrease: near a minimum, rounding lets φ(α) = φ(0) pass the test).
      const current =
        point.step > 0 &&
        Number.isFinite(point.value) &&
        Number.isFinite(point.derivative) &&
        point.value <= finit + point.step * gtest &&
        point.value < finit;
      const atX = s.stx > 0 && s.fx <= finit + s.stx * gtest && s.fx < finit;
      if (current && (!atX || point.value <= s.fx)) {
        return result(point.step, point.value, point.derivative, evaluations, "sufficientDecrease", why);
      }
      if (atX) return result(s.stx, s.fx, s.dx, evaluations, "sufficientDecrease", why);
      return result(0, finit, ginit, evaluations, "failed", `${why}; no step with sufficient decrease was found`);
    };

    for (;;) {
      line.evaluate(s.stp, point);
      evaluations++;
      point.step = s.stp;
      const f = point.value;
      const g = point.derivative;
      if (!Number.isFinite(f) || !Number.isFinite(g)) {
        tooFar = Math.min(tooFar, s.stp);
        if (evaluations >= maxEvaluations) return finish("the evaluation budget ran out");
        // Halve towards the best point; shrink tenfold when it happens again in a row.
        badInARow++;
        const shorter = s.stx + (badInARow === 1 ? 0.5 : 0.1) * (s.stp - s.stx);
        if (shorter === s.stp || shorter <= minStep) return finish("φ is not finite at any step tried");
        s.stp = shorter;
        continue;
      }
      badInARow = 0;
      const ftest = finit + s.stp * gtest;
      if (f <= ftest && Math.abs(g) <= -c2 * ginit) {
        return result(s.stp, f, g, evaluations, "strongWolfe", "both strong Wolfe conditions hold");
      }
      if (s.stage === 1 && f <= ftest && g >= stageTest) s.stage = 2;
      if (s.bracketed && (s.stp <= s.stmin || s.stp >= s.stmax)) return finish("rounding errors prevent progress");
      if (s.bracketed && s.stmax - s.stmin <= xtol * s.stmax) return finish("the interval of uncertainty is below intervalTolerance");
      if (s.stp === maxStep && f <= ftest && g <= gtest) return finish("the step reached maxStep");
      if (s.stp === minStep && (f > ftest || g >= gtest)) return finish("the step reached minStep");
      if (evaluations >= maxEvaluations) return finish("the evaluation budget ran out");

      moreThuenteNextTrial(s, f, g, ftest, gtest, minStep, maxStep, xtol);
      if (s.stp >= tooFar) s.stp = s.stx + 0.5 * (tooFar - s.stx);
    }
  }

  return Object.freeze({
    name: "strongWolfe",
    sufficientDecrease: c1,
    curvature: c2,
    maxEvaluations,
    minStep,
    maxStep,
    intervalTolerance: xtol,
    search,
  });
}

function result(
  step: number,
  value: number,
  derivative: number,
  evaluations: number,
  status: LineSearchResult["status"],
  message: string,
): LineSearchResult {
  return { step, value, derivative, evaluations, status, ok: status !== "failed", message };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
