import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Rosenbrock's banana valley — Moré, Garbow & Hillstrom (1981) problem 1.
 *
 * ```
 * f(x) = f1² + f2²,   f1 = 10·(x2 − x1²),   f2 = 1 − x1
 *      = 100·(x2 − x1²)² + (1 − x1)²
 * ```
 * - Dimension: n = 2 (m = 2 residuals).
 * - Start: x0 = (−1.2, 1), f(x0) = 24.2.
 * - Minimum: f* = 0 at x* = (1, 1).
 * - Source: MGH #1.
 *
 * @example
 * ```ts
 * const p = rosenbrock();
 * const g = new Float64Array(p.dim);
 * p.valueAndGradient(p.x0, g); // 24.2; g = (−215.6, −88)
 * ```
 */
export function rosenbrock(): TestProblem {
  return defineLeastSquares({
    id: "rosenbrock",
    name: "Rosenbrock",
    dim: 2,
    m: 2,
    x0: [-1.2, 1],
    minimumValue: 0,
    minimizers: [[1, 1]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #1", "jlmelville/funconstrain R/01_rosen.R"],
    residuals(x, r) {
      r[0] = 10 * (x[1] - x[0] * x[0]);
      r[1] = 1 - x[0];
    },
    jacobianTransposeTimes(x, r, out) {
      out[0] = -20 * x[0] * r[0] - r[1];
      out[1] = 10 * r[0];
    },
  });
}
