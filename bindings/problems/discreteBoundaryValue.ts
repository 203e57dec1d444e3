import { defineLeastSquares, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Discrete boundary value — Moré, Garbow & Hillstrom (1981) problem 28.
 *
 * ```
 * h = 1/(n + 1),   tᵢ = i·h,   x₀ = x_{n+1} = 0
 * fᵢ = 2·xᵢ − x_{i−1} − x_{i+1} + h²·(xᵢ + tᵢ + 1)³/2,     f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0ⱼ = tⱼ·(tⱼ − 1), f(x0) ≈ 7.88519·10⁻⁴ (n = 10).
 * - Minimum: f* = 0; a computed minimiser is included for n = 10.
 * - Source: MGH #28.
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = discreteBoundaryValue();
 * p.value(p.x0); // ≈ 7.88519e-4
 * ```
 */
export function discreteBoundaryValue(n?: number): TestProblem {
  const dim = dimensionArgument("discreteBoundaryValue", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const h = 1 / (dim + 1);
  const h2 = h * h;
  const t = new Float64Array(dim);
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    t[j] = (j + 1) * h;
    const tj = (j + 1) / (dim + 1); // the same tⱼ, rounded as in the reference x0
    x0[j] = tj * (tj - 1);
  }
  return defineLeastSquares({
    id: "discreteBoundaryValue",
    name: "Discrete boundary value",
    dim,
    m: dim,
    x0,
    minimumValue: 0,
    minimizers:
      dim === 10
        ? [
            [
              -0.0431649825187193, -0.0815771565352955, -0.11448571438041068, -0.14097357686246634,
              -0.15990869618185533, -0.1698772023126618, -0.1690899837811167, -0.15524953522176038,
              -0.12535589167889022, -0.07541653368587352,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #28", "jlmelville/funconstrain R/28_disc_bv.R"],
    residuals(x, r) {
      for (let i = 0; i < dim; i++) {
        const xm = i > 0 ? x[i - 1] : 0;
        const xp = i < dim - 1 ? x[i + 1] : 0;
        const u = x[i] + t[i] + 1;
        r[i] = 2 * x[i] - xm - xp + (h2 * (u * u * u)) / 2;
      }
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂xᵢ = 2 + 3h²(xᵢ + tᵢ + 1)²/2,   ∂fᵢ/∂x_{i±1} = −1
      for (let j = 0; j < dim; j++) {
        const u = x[j] + t[j] + 1;
        const rm = j > 0 ? r[j - 1] : 0;
        const rp = j < dim - 1 ? r[j + 1] : 0;
        out[j] = (2 + 1.5 * h2 * u * u) * r[j] - rm - rp;
      }
    },
  });
}
