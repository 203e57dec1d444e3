import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [
  0.0009, 0.0044, 0.0175, 0.054, 0.1295, 0.242, 0.3521, 0.3989, 0.3521, 0.242, 0.1295, 0.054, 0.0175, 0.0044,
  0.0009,
];
const M = 15;

/**
 * Gaussian — Moré, Garbow & Hillstrom (1981) problem 9.
 *
 * ```
 * f(x) = Σ_{i=1..15} fᵢ²,   fᵢ = x1·exp(−x2·(tᵢ − x3)²/2) − yᵢ,   tᵢ = (8 − i)/2
 * y = (0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, …, 0.0009)
 * ```
 * - Dimension: n = 3 (m = 15 residuals).
 * - Start: x0 = (0.4, 1, 0), f(x0) ≈ 3.88811·10⁻⁶.
 * - Minimum: f* = 1.12793·10⁻⁸ (MGH) at x* ≈ (0.398956, 1.00002, 0) (computed).
 * - Source: MGH #9.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = gaussian();
 * p.value(p.x0); // ≈ 3.888107e-6
 * ```
 */
export function gaussian(): TestProblem {
  const e = new Float64Array(M);
  return defineLeastSquares({
    id: "gaussian",
    name: "Gaussian",
    dim: 3,
    m: M,
    x0: [0.4, 1, 0],
    minimumValue: 1.12793e-8,
    minimizers: [[0.3989561378425517, 1.0000190844976886, 1.7472551598362738e-21]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #9", "jlmelville/funconstrain R/09_gauss.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const dt = (7 - k) / 2 - x[2];
        e[k] = Math.exp((-x[1] * dt * dt) / 2);
        r[k] = x[0] * e[k] - Y[k];
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < M; k++) {
        const dt = (7 - k) / 2 - x[2];
        const c = e[k] * r[k];
        g0 += c;
        g1 -= (x[0] * dt * dt * c) / 2;
        g2 += x[0] * x[1] * dt * c;
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
    },
  });
}
