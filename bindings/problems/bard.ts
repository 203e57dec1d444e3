import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.1, 4.39];
const M = 15;

/**
 * Bard — Moré, Garbow & Hillstrom (1981) problem 8.
 *
 * ```
 * f(x) = Σ_{i=1..15} fᵢ²,   fᵢ = yᵢ − (x1 + uᵢ/(vᵢ·x2 + wᵢ·x3))
 * uᵢ = i,   vᵢ = 16 − i,   wᵢ = min(uᵢ, vᵢ),   y = (0.14, 0.18, …, 2.10, 4.39)
 * ```
 * - Dimension: n = 3 (m = 15 residuals).
 * - Start: x0 = (1, 1, 1), f(x0) ≈ 41.6817.
 * - Minimum: f* = 8.21487·10⁻³ (MGH) at x* ≈ (0.0824106, 1.13304, 2.34370) (computed).
 *   MGH also report f = 17.4286 at (0.8406…, −∞, −∞).
 * - Source: MGH #8.
 *
 * @example
 * ```ts
 * const p = bard();
 * p.value(p.x0); // ≈ 41.6817
 * ```
 */
export function bard(): TestProblem {
  const d = new Float64Array(M);
  return defineLeastSquares({
    id: "bard",
    name: "Bard",
    dim: 3,
    m: M,
    x0: [1, 1, 1],
    minimumValue: 0.00821487,
    minimizers: [[0.08241055971391284, 1.1330360826061838, 2.343695187939838]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #8", "jlmelville/funconstrain R/08_bard.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const u = k + 1;
        const v = 16 - u;
        const w = u < v ? u : v;
        d[k] = v * x[1] + w * x[2];
        r[k] = Y[k] - (x[0] + u / d[k]);
      }
    },
    jacobianTransposeTimes(_x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < M; k++) {
        const u = k + 1;
        const v = 16 - u;
        const w = u < v ? u : v;
        const c = (u / (d[k] * d[k])) * r[k]; // ∂rᵢ/∂x2 = u·v/d², ∂rᵢ/∂x3 = u·w/d²
        g0 -= r[k];
        g1 += v * c;
        g2 += w * c;
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
    },
  });
}
