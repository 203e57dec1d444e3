import { defineLeastSquares, dimensionArgument, filled } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Broyden tridiagonal — Moré, Garbow & Hillstrom (1981) problem 30.
 *
 * ```
 * fᵢ = (3 − 2·xᵢ)·xᵢ − x_{i−1} − 2·x_{i+1} + 1,   x₀ = x_{n+1} = 0,     f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0 = (−1, …, −1), f(x0) = 21 (n = 10).
 * - Minimum: f* = 0; a computed minimiser is included for n = 10.
 * - Source: MGH #30.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = broydenTridiagonal();
 * p.value(p.x0); // 21
 * ```
 */
export function broydenTridiagonal(n?: number): TestProblem {
  const dim = dimensionArgument("broydenTridiagonal", n, 10, (v) => v >= 1, "an integer ≥ 1");
  return defineLeastSquares({
    id: "broydenTridiagonal",
    name: "Broyden tridiagonal",
    dim,
    m: dim,
    x0: filled(dim, -1),
    minimumValue: 0,
    minimizers:
      dim === 10
        ? [
            [
              -0.5707221320112266, -0.6818069499842737, -0.7022100760176585, -0.7055106298950805,
              -0.7049061557287429, -0.7014966070298514, -0.6918893223547975, -0.6657965144058551,
              -0.5960351090263669, -0.4164122575286938,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #30", "jlmelville/funconstrain R/30_broyden_tri.R"],
    residuals(x, r) {
      for (let i = 0; i < dim; i++) {
        const xm = i > 0 ? x[i - 1] : 0;
        const xp = i < dim - 1 ? x[i + 1] : 0;
        r[i] = (3 - 2 * x[i]) * x[i] - xm - 2 * xp + 1;
      }
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂xᵢ = 3 − 4xᵢ,   ∂fᵢ/∂x_{i−1} = −1,   ∂fᵢ/∂x_{i+1} = −2
      for (let j = 0; j < dim; j++) {
        const rm = j > 0 ? r[j - 1] : 0;
        const rp = j < dim - 1 ? r[j + 1] : 0;
        out[j] = (3 - 4 * x[j]) * r[j] - rp - 2 * rm;
      }
    },
  });
}
