import { defineLeastSquares, dimensionArgument } from "./internal";
import type { TestProblem } from "./TestProblem";

const MINIMA: Record<number, number> = { 6: 0.00228767, 9: 1.39976e-6, 12: 4.72238e-10 };

/**
 * Watson — Moré, Garbow & Hillstrom (1981) problem 20.
 *
 * ```
 * f(x) = Σ_{i=1..31} fᵢ²,   tᵢ = i/29
 * fᵢ = Σ_{j=2..n} (j − 1)·xⱼ·tᵢ^(j−2) − (Σ_{j=1..n} xⱼ·tᵢ^(j−1))² − 1,   1 ≤ i ≤ 29
 * f30 = x1,   f31 = x2 − x1² − 1
 * ```
 * - Dimension: 2 ≤ n ≤ 31, default n = 6 (m = 31 residuals).
 * - Start: x0 = (0, …, 0), f(x0) = 30.
 * - Minimum (MGH): f* = 2.28767·10⁻³ (n = 6), 1.39976·10⁻⁶ (n = 9), 4.72238·10⁻¹⁰ (n = 12);
 *   `minimumValue` is undefined for other n. A computed minimiser is included for n = 6.
 * - Source: MGH #20.
 *
 * Powers tᵢ^k are formed by repeated multiplication (no `Math.pow`).
 *
 * @param n - number of variables, an integer in [2, 31]; default 6.
 * @throws DownhillError INVALID_OPTION (argument "n") for any other n.
 *
 * @example
 * ```ts
 * const p = watson(9);
 * p.value(p.x0); // 30
 * ```
 */
export function watson(n?: number): TestProblem {
  const dim = dimensionArgument("watson", n, 6, (v) => v >= 2 && v <= 31, "an integer between 2 and 31");
  const M = 29;
  const s2 = new Float64Array(M); // Σⱼ xⱼ·tᵢ^(j−1) per residual
  const problem = defineLeastSquares({
    id: "watson",
    name: "Watson",
    dim,
    m: 31,
    x0: new Float64Array(dim),
    minimumValue: MINIMA[dim],
    minimizers:
      dim === 6
        ? [
            [
              -0.015725086002641893, 1.012434870514889, -0.23299162906191068, 1.2604300964356385,
              -1.5137289301675843, 0.9929964352451801,
            ],
          ]
        : undefined,
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #20", "jlmelville/funconstrain R/20_watson.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const t = (k + 1) / 29;
        let p = 1; // t^(j−1) for j = 1, 2, …
        let a = 0; // Σ_{j≥2} (j−1)·xⱼ·t^(j−2)
        let b = x[0]; // Σ_{j≥1} xⱼ·t^(j−1)
        for (let j = 1; j < dim; j++) {
          // 0-based j is variable x_{j+1}: coefficient j·t^(j−1) in a, t^j in b
          a += j * x[j] * p;
          p *= t;
          b += x[j] * p;
        }
        s2[k] = b;
        r[k] = a - b * b - 1;
      }
      r[29] = x[0];
      r[30] = x[1] - x[0] * x[0] - 1;
    },
    jacobianTransposeTimes(x, r, out) {
      out.fill(0);
      for (let k = 0; k < M; k++) {
        const t = (k + 1) / 29;
        const c = 2 * s2[k] * r[k];
        let p = 1; // t^(j−1)
        out[0] -= c; // ∂fᵢ/∂x1 = −2·s2
        for (let j = 1; j < dim; j++) {
          // ∂fᵢ/∂x_{j+1} = j·t^(j−1) − 2·s2·t^j
          const q = p * t;
          out[j] += j * p * r[k] - c * q;
          p = q;
        }
      }
      out[0] += r[29] - 2 * x[0] * r[30];
      out[1] += r[30];
    },
  });
  return problem;
}
