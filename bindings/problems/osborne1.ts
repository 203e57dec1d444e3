import { defineLeastSquares } from "./internal";
import type { TestProblem } from "./TestProblem";

const Y = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.85, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603,
  0.58, 0.558, 0.538, 0.522, 0.506, 0.49, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.42, 0.414, 0.411, 0.406,
];
const M = 33;

/**
 * Osborne 1 — Moré, Garbow & Hillstrom (1981) problem 17.
 *
 * ```
 * f(x) = Σ_{i=1..33} fᵢ²,   fᵢ = yᵢ − (x1 + x2·exp(−tᵢ·x4) + x3·exp(−tᵢ·x5)),   tᵢ = 10·(i − 1)
 * y = (0.844, 0.908, 0.932, …, 0.411, 0.406)  (33 data values, as in MGH)
 * ```
 * - Dimension: n = 5 (m = 33 residuals).
 * - Start: x0 = (0.5, 1.5, −1, 0.01, 0.02), f(x0) ≈ 0.879026.
 * - Minimum: f* = 5.46489·10⁻⁵ (MGH) at x* ≈ (0.37541, 1.93585, −1.46469, 0.0128675, 0.0221227) (computed).
 * - Source: MGH #17.
 *
 * Uses the host's `Math.exp`, so values may differ in the last bits between JavaScript engines.
 *
 * @example
 * ```ts
 * const p = osborne1();
 * p.value(p.x0); // ≈ 0.879026
 * ```
 */
export function osborne1(): TestProblem {
  const e4 = new Float64Array(M);
  const e5 = new Float64Array(M);
  return defineLeastSquares({
    id: "osborne1",
    name: "Osborne 1",
    dim: 5,
    m: M,
    x0: [0.5, 1.5, -1, 0.01, 0.02],
    minimumValue: 5.46489e-5,
    minimizers: [[0.3754100520508121, 1.9358468941868667, -1.4646871176639509, 0.012867534602465619, 0.022122699721677883]],
    references: ["More, Garbow & Hillstrom (1981) ACM TOMS 7(1):17-41 #17", "jlmelville/funconstrain R/17_osborne_1.R"],
    residuals(x, r) {
      for (let k = 0; k < M; k++) {
        const t = 10 * k;
        e4[k] = Math.exp(-t * x[3]);
        e5[k] = Math.exp(-t * x[4]);
        r[k] = Y[k] - (x[0] + x[1] * e4[k] + x[2] * e5[k]);
      }
    },
    jacobianTransposeTimes(x, r, out) {
      let g0 = 0;
      let g1 = 0;
      let g2 = 0;
      let g3 = 0;
      let g4 = 0;
      for (let k = 0; k < M; k++) {
        const t = 10 * k;
        g0 -= r[k];
        g1 -= e4[k] * r[k];
        g2 -= e5[k] * r[k];
        g3 += t * x[1] * e4[k] * r[k];
        g4 += t * x[2] * e5[k] * r[k];
      }
      out[0] = g0;
      out[1] = g1;
      out[2] = g2;
      out[3] = g3;
      out[4] = g4;
    },
  });
}
