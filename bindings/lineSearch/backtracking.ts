import { checkOptions } from "../minimize/checkOptions";
import { validate } from "../validate";
import { checkLineStart } from "./checkLineStart";
import type { LineFunction, LineSearch, LineSearchResult } from "./LineSearch";

/** Options of {@link backtracking}. */
export interface BacktrackingOptions {
  /** c1, the sufficient-decrease (Armijo) constant, in (0, 1). Default 1e-4. */
  sufficientDecrease?: number;
  /** ρ, the factor each rejected step is multiplied by, in (0, 1). Default 0.5. */
  shrink?: number;
  /** The most evaluations of φ one search may use. Default 50. */
  maxEvaluations?: number;
}

const KNOWN = ["sufficientDecrease", "shrink", "maxEvaluations"] as const;

/**
 * Backtracking (Armijo) line search: try α = α0, then ρ·α, ρ²·α, … until
 * ```
 * φ(α) ≤ φ(0) + c1·α·φ′(0)        (sufficient decrease)
 * ```
 * with φ(α) = f(x + α·d). It evaluates values only (no gradients), so it is the cheap
 * choice for steepest descent and for objectives whose gradient is a finite difference.
 * A non-finite φ(α) is rejected like any other. It never lengthens the first step: the
 * method calling it chooses α0.
 *
 * Defaults: c1 = 1e-4, ρ = 0.5, at most 50 evaluations (the step can shrink by 2⁻⁴⁹).
 * When no step passes within the budget the result has status `"failed"` and step 0.
 *
 * Reference: L. Armijo, "Minimization of functions having Lipschitz continuous first
 * partial derivatives", Pacific J. Math. 16(1):1–3, 1966; Nocedal and Wright,
 * *Numerical Optimization*, 2nd ed., Algorithm 3.1.
 *
 * @throws DownhillError `UNKNOWN_OPTION` for an unknown option, `INVALID_OPTION` for a
 * constant outside (0, 1) or a `maxEvaluations` that is not a whole number ≥ 1.
 *
 * @example
 * ```ts
 * const search = backtracking({ shrink: 0.5 });
 * // φ(α) = (α − 2)², from φ(0) = 4, φ′(0) = −4, trying α = 8 first
 * const line = { value: (a: number) => (a - 2) ** 2, evaluate() {} };
 * search.search(line, { value: 4, derivative: -4 }, 8).step; // 2: 8 and 4 are rejected
 * ```
 */
export function backtracking(options?: BacktrackingOptions): LineSearch & Readonly<Required<BacktrackingOptions>> {
  const where = "backtracking";
  const o = validate.options(where, options, KNOWN);
  const open01 = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
  const c1 = o.sufficientDecrease === undefined ? 1e-4 : validate.number(where, "sufficientDecrease", o.sufficientDecrease, open01);
  const shrink = o.shrink === undefined ? 0.5 : validate.number(where, "shrink", o.shrink, open01);
  const maxEvaluations = o.maxEvaluations === undefined ? 50 : checkOptions.wholeNumber(where, "maxEvaluations", o.maxEvaluations, 1);

  function search(line: LineFunction, start: { value: number; derivative: number }, initialStep?: number): LineSearchResult {
    let step = checkLineStart(`${where}.search`, line, start, initialStep);
    const f0 = start.value;
    const slope = c1 * start.derivative;
    for (let evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
      const value = line.value(step);
      if (value <= f0 + step * slope) {
        // (NaN fails this test too.)
        return {
          step,
          value,
          derivative: NaN,
          evaluations,
          status: "sufficientDecrease",
          ok: true,
          message: "the Armijo condition holds",
        };
      }
      step *= shrink;
      if (step === 0) {
        return failed(f0, start.derivative, evaluations, "the step underflowed to 0");
      }
    }
    return failed(f0, start.derivative, maxEvaluations, `no step passed the Armijo test in ${maxEvaluations} evaluations`);
  }

  return Object.freeze({ name: "backtracking", sufficientDecrease: c1, shrink, maxEvaluations, search });
}

function failed(value: number, derivative: number, evaluations: number, message: string): LineSearchResult {
  return { step: 0, value, derivative, evaluations, status: "failed", ok: false, message };
}
