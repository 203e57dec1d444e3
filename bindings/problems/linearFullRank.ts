import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Linear function, full rank (m = n) — Moré, Garbow & Hillstrom (1981) problem 32.
 *
 * ```
 * fᵢ = xᵢ − (2/m)·Σⱼ xⱼ − 1,   1 ≤ i ≤ m = n,     f(x) = Σᵢ fᵢ²
 * ```
 * MGH allow m ≥ n (extra residuals −(2/m)·Σⱼ xⱼ − 1); here m = n.
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (1, …, 1), f(x0) = 4n (40 for n = 10).
 * - Minimum: f* = m − n = 0 at x* = (−1, …, −1).
 * - Source: MGH #32.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = linearFullRank();
 * p.value(p.x0); // 40
 * ```
 */
export function linearFullRank(n?: number): TestProblem {
  const dim = dimensionArgument("linearFullRank", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const m = dim;
  return defineLeastSquares({
    id: "linearFullRank",
    name: "Linear function - full rank (m=n)",
    dim,
    m,
    x0: filled(dim, 1),
    minimumValue: 0,
    minimizers: [filled(dim, -1)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #32", "jlmelville/funconstrain R/32_linfun_fr.R"],
    residuals(x, r) {
      let sum = 0;
      for (let j = 0; j < dim; j++) sum += x[j];
      const c = (2 * sum) / m;
      for (let i = 0; i < m; i++) r[i] = x[i] - c - 1;
    },
    jacobianTransposeTimes(_x, r, out) {
      // ∂fᵢ/∂xⱼ = δᵢⱼ − 2/m
      let sumR = 0;
      for (let i = 0; i < m; i++) sumR += r[i];
      const c = (2 * sumR) / m;
      for (let j = 0; j < dim; j++) out[j] = r[j] - c;
    },
  });
}
