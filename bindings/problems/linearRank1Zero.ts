import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Linear function, rank 1 with zero columns and rows (m = n) — Moré, Garbow & Hillstrom
 * (1981) problem 34.
 *
 * ```
 * f1 = −1,   fᵢ = (i − 1)·(Σ_{j=2..n−1} j·xⱼ) − 1  (2 ≤ i < m),   f_m = −1,     f(x) = Σᵢ fᵢ²
 * ```
 * MGH allow m ≥ n; here m = n. x1 and xₙ do not enter f.
 * - Dimension: any n ≥ 2, default n = 10 (m = n residuals).
 * - Start: x0 = (1, …, 1), f(x0) = 391786 (n = 10).
 * - Minimum: f* = (m² + 3m − 6)/(2(2m − 3)) (62/17 ≈ 3.647059 for n = 10), attained on
 *   the whole hyperplane Σ_{j=2..n−1} j·xⱼ = 3/(2m − 3). `minimizers` holds one point of
 *   it, (0, 3/(2(2m − 3)), 0, …, 0) (the origin when n = 2, where f ≡ 2).
 * - Source: MGH #34.
 *
 * @param n - number of variables, an integer ≥ 2; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = linearRank1Zero();
 * p.value(p.x0); // 391786
 * ```
 */
export function linearRank1Zero(n?: number): TestProblem {
  const dim = dimensionArgument("linearRank1Zero", n, 10, (v) => v >= 2, "an integer ≥ 2");
  const m = dim;
  const xmin = new Float64Array(dim);
  if (dim >= 3) xmin[1] = 3 / (2 * m - 3) / 2;
  return defineLeastSquares({
    id: "linearRank1Zero",
    name: "Linear function - rank 1 with zero columns and rows (m=n)",
    dim,
    m,
    x0: filled(dim, 1),
    minimumValue: (m * m + 3 * m - 6) / (2 * (2 * m - 3)),
    minimizers: [xmin],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #34", "jlmelville/funconstrain R/34_linfun_r1z.R"],
    residuals(x, r) {
      let t = 0;
      for (let j = 1; j < dim - 1; j++) t += (j + 1) * x[j]; // 1-based j = 2..n−1
      r[0] = -1;
      for (let i = 1; i < m - 1; i++) r[i] = i * t - 1; // 1-based i = 2..m−1: (i − 1)·t − 1
      r[m - 1] = -1;
    },
    jacobianTransposeTimes(_x, r, out) {
      // ∂fᵢ/∂xⱼ = (i − 1)·j for 2 ≤ i < m and 2 ≤ j < n, else 0
      let s = 0;
      for (let i = 1; i < m - 1; i++) s += i * r[i];
      out[0] = 0;
      for (let j = 1; j < dim - 1; j++) out[j] = (j + 1) * s;
      out[dim - 1] = 0;
    },
  });
}
