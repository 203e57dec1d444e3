import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Brown badly scaled — Moré, Garbow & Hillstrom (1981) problem 4.
 *
 * ```
 * f(x) = f1² + f2² + f3²,   f1 = x1 − 10⁶,   f2 = x2 − 2·10⁻⁶,   f3 = x1·x2 − 2
 * ```
 * - Dimension: n = 2 (m = 3 residuals).
 * - Start: x0 = (1, 1), f(x0) = 999998000003.
 * - Minimum: f* = 0 at x* = (10⁶, 2·10⁻⁶).
 * - Source: MGH #4.
 *
 * @example
 * ```ts
 * const p = brownBadlyScaled();
 * p.value(p.x0); // 999998000003
 * ```
 */
export function brownBadlyScaled(): TestProblem {
  return defineLeastSquares({
    id: "brownBadlyScaled",
    name: "Brown badly scaled",
    dim: 2,
    m: 3,
    x0: [1, 1],
    minimumValue: 0,
    minimizers: [[1e6, 2e-6]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #4",
      "jlmelville/funconstrain R/04_brown_bs.R",
    ],
    residuals(x, r) {
      r[0] = x[0] - 1e6;
      r[1] = x[1] - 2e-6;
      r[2] = x[0] * x[1] - 2;
    },
    jacobianTransposeTimes(x, r, out) {
      out[0] = r[0] + x[1] * r[2];
      out[1] = r[1] + x[0] * r[2];
    },
  });
}
