import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Booth's function, a convex quadratic.
 *
 * ```
 * f(x) = (x1 + 2·x2 − 7)² + (2·x1 + x2 − 5)²
 * ```
 * Hessian [[10, 8], [8, 10]], eigenvalues 2 and 18 (condition number 9).
 * - Dimension: n = 2.
 * - Start: x0 = (0, 0) (no canonical start; chosen for this library), f(x0) = 74.
 * - Minimum: f* = 0 at x* = (1, 3).
 * - Source: scipy global-optimisation benchmarks (class Booth).
 *
 * @example
 * ```ts
 * const p = booth();
 * p.value(p.x0); // 74
 * ```
 */
export function booth(): TestProblem {
  return defineLeastSquares({
    id: "booth",
    name: "Booth",
    dim: 2,
    m: 2,
    x0: [0, 0],
    minimumValue: 0,
    minimizers: [[1, 3]],
    references: ["scipy/scipy benchmarks/benchmarks/go_benchmark_functions/go_funcs_B.py (class Booth)"],
    residuals(x, r) {
      r[0] = x[0] + 2 * x[1] - 7;
      r[1] = 2 * x[0] + x[1] - 5;
    },
    jacobianTransposeTimes(_x, r, out) {
      out[0] = r[0] + 2 * r[1];
      out[1] = 2 * r[0] + r[1];
    },
  });
}
