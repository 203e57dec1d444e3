import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Broyden banded — Moré, Garbow & Hillstrom (1981) problem 31.
 *
 * ```
 * fᵢ = xᵢ·(2 + 5·xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ·(1 + xⱼ),   Jᵢ = {j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1)}
 * f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (−1, …, −1), f(x0) = 360 (n = 10).
 * - Minimum: f* = 0; a computed minimiser is included for n = 10.
 * - Source: MGH #31.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = broydenBanded();
 * p.value(p.x0); // 360
 * ```
 */
export function broydenBanded(n?: number): TestProblem {
  const dim = dimensionArgument("broydenBanded", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const q = new Float64Array(dim); // xⱼ·(1 + xⱼ)
  return defineLeastSquares({
    id: "broydenBanded",
    name: "Broyden banded",
    dim,
    m: dim,
    x0: filled(dim, -1),
    minimumValue: 0,
    minimizers:
      dim === 10
        ? [
            [
              -0.42830286358724934, -0.47659642435629107, -0.51965246364686, -0.5580993248321744,
              -0.5925061568294597, -0.6245036821994707, -0.6232394714405914, -0.6213938417965734,
              -0.6204535966590882, -0.5864692707204325,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #31", "jlmelville/funconstrain R/31_broyden_band.R"],
    residuals(x, r) {
      for (let j = 0; j < dim; j++) q[j] = x[j] * (1 + x[j]);
      for (let i = 0; i < dim; i++) {
        let s = 0;
        const hi = Math.min(dim - 1, i + 1);
        for (let j = Math.max(0, i - 5); j <= hi; j++) if (j !== i) s += q[j];
        r[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - s;
      }
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂xᵢ = 2 + 15xᵢ²;  ∂fᵢ/∂xⱼ = −(1 + 2xⱼ) for j ∈ Jᵢ, i.e. for i ∈ [j − 1, j + 5], i ≠ j
      for (let j = 0; j < dim; j++) {
        let s = 0;
        const hi = Math.min(dim - 1, j + 5);
        for (let i = Math.max(0, j - 1); i <= hi; i++) if (i !== j) s += r[i];
        out[j] = (2 + 15 * x[j] * x[j]) * r[j] - (1 + 2 * x[j]) * s;
      }
    },
  });
}
