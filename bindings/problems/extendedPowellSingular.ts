import { cycled, defineLeastSquares, dimensionArgument, powellBlockGradient, powellBlockResiduals } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Extended Powell singular — Moré, Garbow & Hillstrom (1981) problem 22: n/4 independent
 * copies of {@link powellSingular}.
 *
 * ```
 * for each block (x1, x2, x3, x4) = (x_{4i−3}, …, x_{4i}):
 * f1 = x1 + 10·x2,   f2 = √5·(x3 − x4),   f3 = (x2 − 2·x3)²,   f4 = √10·(x1 − x4)²
 * f(x) = Σ over blocks of f1² + f2² + f3² + f4²
 * ```
 * The Hessian is singular at the solution.
 * - Dimension: n a positive multiple of 4, default n = 8 (m = n residuals).
 * - Start: x0 = (3, −1, 0, 1, 3, −1, 0, 1, …), f(x0) = 53.75·n (430 for n = 8).
 * - Minimum: f* = 0 at x* = 0.
 * - Source: MGH #22.
 *
 * @param n - number of variables, a positive multiple of 4; default 8.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = extendedPowellSingular(60);
 * p.value(p.x0); // 3225
 * ```
 */
export function extendedPowellSingular(n?: number): TestProblem {
  const dim = dimensionArgument(
    "extendedPowellSingular",
    n,
    8,
    (v) => v >= 4 && v % 4 === 0,
    "a positive multiple of 4",
  );
  return defineLeastSquares({
    id: "extendedPowellSingular",
    name: "Extended Powell singular",
    dim,
    m: dim,
    x0: cycled(dim, [3, -1, 0, 1]),
    minimumValue: 0,
    minimizers: [new Float64Array(dim)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #22", "jlmelville/funconstrain R/22_ex_powell.R"],
    residuals(x, r) {
      for (let j = 0; j < dim; j += 4) powellBlockResiduals(x, j, r, j);
    },
    jacobianTransposeTimes(x, r, out) {
      for (let j = 0; j < dim; j += 4) powellBlockGradient(x, j, r, j, out);
    },
  });
}
