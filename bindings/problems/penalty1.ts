import { defineLeastSquares, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

const SQRT_A = Math.sqrt(1e-5);
const MINIMA: Record<number, number> = { 4: 2.24997e-5, 10: 7.08765e-5 };

/**
 * Penalty function I — Moré, Garbow & Hillstrom (1981) problem 23.
 *
 * ```
 * f(x) = Σ_{i=1..n+1} fᵢ²,   fᵢ = √(10⁻⁵)·(xᵢ − 1)  (1 ≤ i ≤ n),   f_{n+1} = (Σⱼ xⱼ²) − 1/4
 * ```
 * - Dimension: any n ≥ 1, default n = 4 (m = n + 1 residuals).
 * - Start: x0 = (1, 2, …, n), f(x0) ≈ 885.063 (n = 4).
 * - Minimum (MGH): f* = 2.24997·10⁻⁵ (n = 4), 7.08765·10⁻⁵ (n = 10); undefined for other n.
 *   A computed minimiser is included for n = 4.
 * - Source: MGH #23.
 *
 * @param n - number of variables, an integer ≥ 1; default 4.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = penalty1(10);
 * p.value(p.x0); // ≈ 148032.565
 * ```
 */
export function penalty1(n?: number): TestProblem {
  const dim = dimensionArgument("penalty1", n, 4, (v) => v >= 1, "an integer ≥ 1");
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) x0[j] = j + 1;
  return defineLeastSquares({
    id: "penalty1",
    name: "Penalty I",
    dim,
    m: dim + 1,
    x0,
    minimumValue: MINIMA[dim],
    minimizers:
      dim === 4 ? [[0.2500075010172681, 0.25000749901869485, 0.25000749845083814, 0.25000749988392923]] : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #23", "jlmelville/funconstrain R/23_penalty_1.R"],
    residuals(x, r) {
      let q = 0;
      for (let i = 0; i < dim; i++) {
        r[i] = SQRT_A * (x[i] - 1);
        q += x[i] * x[i];
      }
      r[dim] = q - 0.25;
    },
    jacobianTransposeTimes(x, r, out) {
      const c = 2 * r[dim];
      for (let j = 0; j < dim; j++) out[j] = SQRT_A * r[j] + c * x[j];
    },
  });
}
