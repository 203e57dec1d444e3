import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Powell badly scaled — Moré, Garbow & Hillstrom (1981) problem 3.
 *
 * ```
 * f(x) = f1² + f2²,   f1 = 10⁴·x1·x2 − 1,   f2 = exp(−x1) + exp(−x2) − 1.0001
 * ```
 * - Dimension: n = 2 (m = 2 residuals).
 * - Start: x0 = (0, 1), f(x0) ≈ 1.13526.
 * - Minimum: f* = 0 at x* ≈ (1.098159e−5, 9.106147) (computed; MGH gives only f*).
 * - Source: MGH #3.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = powellBadlyScaled();
 * p.value(p.x0); // ≈ 1.1352617
 * ```
 */
export function powellBadlyScaled(): TestProblem {
  let e1 = 0;
  let e2 = 0;
  return defineLeastSquares({
    id: "powellBadlyScaled",
    name: "Powell badly scaled",
    dim: 2,
    m: 2,
    x0: [0, 1],
    minimumValue: 0,
    minimizers: [[1.098159329699878e-5, 9.106146739866022]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #3",
      "jlmelville/funconstrain R/03_powell_bs.R",
    ],
    residuals(x, r) {
      e1 = Math.exp(-x[0]);
      e2 = Math.exp(-x[1]);
      r[0] = 1e4 * x[0] * x[1] - 1;
      r[1] = e1 + e2 - 1.0001;
    },
    jacobianTransposeTimes(x, r, out) {
      out[0] = 1e4 * x[1] * r[0] - e1 * r[1];
      out[1] = 1e4 * x[0] * r[0] - e2 * r[1];
    },
  });
}
