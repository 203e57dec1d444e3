import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Freudenstein and Roth — Moré, Garbow & Hillstrom (1981) problem 2.
 *
 * ```
 * f(x) = f1² + f2²
 * f1 = −13 + x1 + ((5 − x2)·x2 − 2)·x2
 * f2 = −29 + x1 + ((x2 + 1)·x2 − 14)·x2
 * ```
 * - Dimension: n = 2 (m = 2 residuals).
 * - Start: x0 = (0.5, −2), f(x0) = 400.5.
 * - Minimum: f* = 0 at x* = (5, 4). There is also a local minimum f ≈ 48.9842 near
 *   (11.4128, −0.896805), where descent methods started at x0 often stop.
 * - Source: MGH #2.
 *
 * @example
 * ```ts
 * const p = freudensteinRoth();
 * p.value(p.x0); // 400.5
 * ```
 */
export function freudensteinRoth(): TestProblem {
  return defineLeastSquares({
    id: "freudensteinRoth",
    name: "Freudenstein and Roth",
    dim: 2,
    m: 2,
    x0: [0.5, -2],
    minimumValue: 0,
    minimizers: [[5, 4]],
    references: [
      "More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #2",
      "jlmelville/funconstrain R/02_freud_roth.R",
    ],
    residuals(x, r) {
      const y = x[1];
      r[0] = -13 + x[0] + ((5 - y) * y - 2) * y;
      r[1] = -29 + x[0] + ((y + 1) * y - 14) * y;
    },
    jacobianTransposeTimes(x, r, out) {
      const y = x[1];
      out[0] = r[0] + r[1];
      out[1] = (10 * y - 3 * y * y - 2) * r[0] + (3 * y * y + 2 * y - 14) * r[1];
    },
  });
}
