import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Linear function, rank 1 (m = n) — Moré, Garbow & Hillstrom (1981) problem 33.
 *
 * ```
 * fᵢ = i·(Σⱼ j·xⱼ) − 1,   1 ≤ i ≤ m = n,     f(x) = Σᵢ fᵢ²
 * ```
 * MGH allow m ≥ n; here m = n.
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (1, …, 1), f(x0) = 1158585 (n = 10).
 * - Minimum: f* = m(m − 1)/(2(2m + 1)) (15/7 ≈ 2.142857 for n = 10), attained on the
 *   whole hyperplane Σⱼ j·xⱼ = 3/(2m + 1). `minimizers` holds one point of it,
 *   (3/(2m + 1), 0, …, 0). The Hessian has rank 1.
 * - Source: MGH #33.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = linearRank1();
 * p.value(p.x0); // 1158585
 * ```
 */
export function linearRank1(n?: number): TestProblem {
  const dim = dimensionArgument("linearRank1", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const m = dim;
  const xmin = new Float64Array(dim);
  xmin[0] = 3 / (2 * m + 1);
  return defineLeastSquares({
    id: "linearRank1",
    name: "Linear function - rank 1 (m=n)",
    dim,
    m,
    x0: filled(dim, 1),
    minimumValue: (m * (m - 1)) / (2 * (2 * m + 1)),
    minimizers: [xmin],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #33", "jlmelville/funconstrain R/33_linfun_r1.R"],
    residuals(x, r) {
      let t = 0;
      for (let j = 0; j < dim; j++) t += (j + 1) * x[j];
      for (let i = 0; i < m; i++) r[i] = (i + 1) * t - 1;
    },
    jacobianTransposeTimes(_x, r, out) {
      // ∂fᵢ/∂xⱼ = i·j
      let s = 0;
      for (let i = 0; i < m; i++) s += (i + 1) * r[i];
      for (let j = 0; j < dim; j++) out[j] = (j + 1) * s;
    },
  });
}
