import { defineLeastSquares, powellBlockGradient, powellBlockResiduals } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Powell singular — Moré, Garbow & Hillstrom (1981) problem 13.
 *
 * ```
 * f(x) = f1² + f2² + f3² + f4²
 * f1 = x1 + 10·x2,   f2 = √5·(x3 − x4),   f3 = (x2 − 2·x3)²,   f4 = √10·(x1 − x4)²
 * ```
 * The Hessian is singular at the solution, so Newton-type methods converge only
 * linearly; compare f with an absolute tolerance.
 * - Dimension: n = 4 (m = 4 residuals).
 * - Start: x0 = (3, −1, 0, 1), f(x0) = 215.
 * - Minimum: f* = 0 at x* = (0, 0, 0, 0).
 * - Source: MGH #13. See {@link extendedPowellSingular} for the n-dimensional version.
 *
 * @example
 * ```ts
 * const p = powellSingular();
 * p.value(p.x0); // 215
 * ```
 */
export function powellSingular(): TestProblem {
  return defineLeastSquares({
    id: "powellSingular",
    name: "Powell singular",
    dim: 4,
    m: 4,
    x0: [3, -1, 0, 1],
    minimumValue: 0,
    minimizers: [[0, 0, 0, 0]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #13", "jlmelville/funconstrain R/13_powell_s.R"],
    residuals(x, r) {
      powellBlockResiduals(x, 0, r, 0);
    },
    jacobianTransposeTimes(x, r, out) {
      powellBlockGradient(x, 0, r, 0, out);
    },
  });
}
