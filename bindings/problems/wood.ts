import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const SQRT90 = Math.sqrt(90);
const SQRT10 = Math.sqrt(10);

/**
 * Wood — Moré, Garbow & Hillstrom (1981) problem 14.
 *
 * ```
 * f(x) = Σ_{i=1..6} fᵢ²
 * f1 = 10·(x2 − x1²),   f2 = 1 − x1,   f3 = √90·(x4 − x3²),   f4 = 1 − x3,
 * f5 = √10·(x2 + x4 − 2),   f6 = (x2 − x4)/√10
 * ```
 * - Dimension: n = 4 (m = 6 residuals).
 * - Start: x0 = (−3, −1, −3, −1), f(x0) = 19192.
 * - Minimum: f* = 0 at x* = (1, 1, 1, 1).
 * - Source: MGH #14.
 *
 * @example
 * ```ts
 * const p = wood();
 * p.value(p.x0); // 19192
 * ```
 */
export function wood(): TestProblem {
  return defineLeastSquares({
    id: "wood",
    name: "Wood",
    dim: 4,
    m: 6,
    x0: [-3, -1, -3, -1],
    minimumValue: 0,
    minimizers: [[1, 1, 1, 1]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #14", "jlmelville/funconstrain R/14_wood.R"],
    residuals(x, r) {
      r[0] = 10 * (x[1] - x[0] * x[0]);
      r[1] = 1 - x[0];
      r[2] = SQRT90 * (x[3] - x[2] * x[2]);
      r[3] = 1 - x[2];
      r[4] = SQRT10 * (x[1] + x[3] - 2);
      r[5] = (x[1] - x[3]) / SQRT10;
    },
    jacobianTransposeTimes(x, r, out) {
      const c5 = SQRT10 * r[4];
      const c6 = r[5] / SQRT10;
      out[0] = -20 * x[0] * r[0] - r[1];
      out[1] = 10 * r[0] + c5 + c6;
      out[2] = -2 * SQRT90 * x[2] * r[2] - r[3];
      out[3] = SQRT90 * r[2] + c5 - c6;
    },
  });
}
