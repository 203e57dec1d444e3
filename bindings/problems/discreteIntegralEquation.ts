import { defineLeastSquares, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

/**
 * Discrete integral equation — Moré, Garbow & Hillstrom (1981) problem 29.
 *
 * ```
 * h = 1/(n + 1),   tᵢ = i·h,   cⱼ = (xⱼ + tⱼ + 1)³
 * fᵢ = xᵢ + h·[(1 − tᵢ)·Σ_{j≤i} tⱼ·cⱼ + tᵢ·Σ_{j>i} (1 − tⱼ)·cⱼ]/2,     f(x) = Σ_{i=1..n} fᵢ²
 * ```
 * - Dimension: any n ≥ 1, default n = 10 (m = n residuals).
 * - Start: x0ⱼ = tⱼ·(tⱼ − 1), f(x0) ≈ 6.34168·10⁻² (n = 10).
 * - Minimum: f* = 0; a computed minimiser is included for n = 10.
 * - Source: MGH #29.
 *
 * The residuals and gradient are evaluated in O(n) with prefix and suffix sums (the
 * dense Jacobian is never formed).
 *
 * @param n - number of variables, an integer ≥ 1; default 10.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = discreteIntegralEquation();
 * p.value(p.x0); // ≈ 6.34168e-2
 * ```
 */
export function discreteIntegralEquation(n?: number): TestProblem {
  const dim = dimensionArgument("discreteIntegralEquation", n, 10, (v) => v >= 1, "an integer ≥ 1");
  const h = 1 / (dim + 1);
  const t = new Float64Array(dim);
  const x0 = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    t[j] = (j + 1) * h;
    const tj = (j + 1) / (dim + 1); // the same tⱼ, rounded as in the reference x0
    x0[j] = tj * (tj - 1);
  }
  const c = new Float64Array(dim); // cⱼ
  const tail = new Float64Array(dim); // Σ_{j>i} (1 − tⱼ)·cⱼ, then Σ_{i≥k} (1 − tᵢ)·rᵢ
  return defineLeastSquares({
    id: "discreteIntegralEquation",
    name: "Discrete integral equation",
    dim,
    m: dim,
    x0,
    minimumValue: 0,
    minimizers:
      dim === 10
        ? [
            [
              -0.04316498251876888, -0.08157715653536862, -0.11448571438056053, -0.14097357686257597,
              -0.1599086961819795, -0.1698772023127982, -0.16908998378119403, -0.15524953522182092,
              -0.125355891678962, -0.0754165336858738,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #29", "jlmelville/funconstrain R/29_disc_ie.R"],
    residuals(x, r) {
      for (let j = 0; j < dim; j++) {
        const u = x[j] + t[j] + 1;
        c[j] = u * u * u;
      }
      let b = 0;
      for (let i = dim - 1; i >= 0; i--) {
        tail[i] = b;
        b += (1 - t[i]) * c[i];
      }
      let a = 0;
      for (let i = 0; i < dim; i++) {
        a += t[i] * c[i];
        r[i] = x[i] + (h * ((1 - t[i]) * a + t[i] * tail[i])) / 2;
      }
    },
    jacobianTransposeTimes(x, r, out) {
      // ∂fᵢ/∂x_k = δᵢₖ + (3h/2)·(x_k + t_k + 1)²·((1 − tᵢ)·t_k if k ≤ i, tᵢ·(1 − t_k) if k > i)
      let s = 0;
      for (let k = dim - 1; k >= 0; k--) {
        s += (1 - t[k]) * r[k];
        tail[k] = s; // Σ_{i≥k} (1 − tᵢ)·rᵢ
      }
      let head = 0; // Σ_{i<k} tᵢ·rᵢ
      for (let k = 0; k < dim; k++) {
        const u = x[k] + t[k] + 1;
        out[k] = r[k] + 1.5 * h * u * u * (t[k] * tail[k] + (1 - t[k]) * head);
        head += t[k] * r[k];
      }
    },
  });
}
