import { cycled, defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Extended Rosenbrock — Moré, Garbow & Hillstrom (1981) problem 21: n/2 independent
 * copies of {@link rosenbrock} (block-separable, unlike the chained form of
 * {@link rosenbrock5dScipyTutorial}).
 *
 * ```
 * f(x) = Σ_{i=1..n/2} (f_{2i−1}² + f_{2i}²),   f_{2i−1} = 10·(x_{2i} − x_{2i−1}²),   f_{2i} = 1 − x_{2i−1}
 * ```
 * - Dimension: any even n ≥ 2, default n = 10 (m = n residuals).
 * - Start: x0 = (−1.2, 1, −1.2, 1, …), f(x0) = 12.1·n (121 for n = 10).
 * - Minimum: f* = 0 at x* = (1, …, 1).
 * - Source: MGH #21.
 *
 * @param n - number of variables, an even integer ≥ 2; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for odd or non-positive n.
 *
 * @example
 * ```ts
 * const p = extendedRosenbrock(40);
 * p.value(p.x0); // 484
 * ```
 */
export function extendedRosenbrock(n?: number): TestProblem {
  const dim = dimensionArgument("extendedRosenbrock", n, 10, (v) => v >= 2 && v % 2 === 0, "an even integer ≥ 2");
  return defineLeastSquares({
    id: "extendedRosenbrock",
    name: "Extended Rosenbrock",
    dim,
    m: dim,
    x0: cycled(dim, [-1.2, 1]),
    minimumValue: 0,
    minimizers: [filled(dim, 1)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #21", "jlmelville/funconstrain R/21_ex_rosen.R"],
    residuals(x, r) {
      for (let i = 0; i < dim; i += 2) {
        r[i] = 10 * (x[i + 1] - x[i] * x[i]);
        r[i + 1] = 1 - x[i];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      for (let i = 0; i < dim; i += 2) {
        out[i] = -20 * x[i] * r[i] - r[i + 1];
        out[i + 1] = 10 * r[i];
      }
    },
  });
}
