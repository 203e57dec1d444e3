import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Variably dimensioned — Moré, Garbow & Hillstrom (1981) problem 25.
 *
 * ```
 * fᵢ = xᵢ − 1  (1 ≤ i ≤ n),   f_{n+1} = Σⱼ j·(xⱼ − 1),   f_{n+2} = (Σⱼ j·(xⱼ − 1))²
 * f(x) = Σ_{i=1..n+2} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n + 2 residuals).
 * - Start: x0ⱼ = 1 − j/n, f(x0) = 2198551.1625 (n = 10).
 * - Minimum: f* = 0 at x* = (1, …, 1).
 * - Source: MGH #25.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = variablyDimensioned();
 * p.value(p.x0); // 2198551.1625
 * ```
 */
export function variablyDimensioned(n?: number): TestProblem {
  const dim = dimensionArgument("variablyDimensioned", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) x0[j] = 1 - (j + 1) / dim;
  return defineLeastSquares({
    id: "variablyDimensioned",
    name: "Variably dimensioned",
    dim,
    m: dim + 2,
    x0,
    minimumValue: 0,
    minimizers: [filled(dim, 1)],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #25", "jlmelville/funconstrain R/25_var_dim.R"],
    residuals(x, r) {
      let t = 0;
      for (let j = 0; j < dim; j++) {
        r[j] = x[j] - 1;
        t += (j + 1) * r[j];
      }
      r[dim] = t;
      r[dim + 1] = t * t;
    },
    jacobianTransposeTimes(_x, r, out) {
      const t = r[dim];
      const c = r[dim] + 2 * t * r[dim + 1]; // ∂f_{n+1}/∂xⱼ = j, ∂f_{n+2}/∂xⱼ = 2t·j
      for (let j = 0; j < dim; j++) out[j] = r[j] + (j + 1) * c;
    },
  });
}
